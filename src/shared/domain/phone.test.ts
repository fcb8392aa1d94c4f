import { describe, expect, it } from 'vitest';
import { normalizeIndonesianPhone } from './phone';

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['081234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62 (812) 3456.7890', '+6281234567890'],
    [' 0857 1234 567 ', '+628571234567'],
    ['0811234567', '+62811234567'],
    ['0812345678901', '+62812345678901'],
  ])('%s → %s', (input, want) => {
    expect(normalizeIndonesianPhone(input)).toBe(want);
  });

  it.each([
    '0812-3456-7890x',
    '021-5551234',
    '+1 415 555 0100',
    '0812',
    '08123456789012345',
    '812345678',
    '++6281234567890',
    '08١٢٣٤٥٦٧٨٩٠',
    '',
    '0812 3456 7890; DROP TABLE',
    '0'.repeat(100),
  ])('refuses %j', (input) => {
    expect(normalizeIndonesianPhone(input)).toBeNull();
  });
});
