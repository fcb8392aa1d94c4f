import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPersonalNumber, maskPersonalNumbers } from './mask-personal.js';

describe('maskPersonalNumbers', () => {
  it.each([
    ['NIK 3204123456780001 datang sendiri', 'NIK 3204********0001 datang sendiri'],
    ['nik: 3204 1234 5678 0001.', 'nik: 3204 **** **** 0001.'],
    ['3204-1234-5678-0001', '3204-****-****-0001'],
    ['hubungi +6281234567890', 'hubungi +62812****7890'],
    ['hubungi 6281234567890', 'hubungi 62812****7890'],
    ['wa 081234567890 ya', 'wa 0812****7890 ya'],
    ['wa 0812-3456-7890', 'wa 0812-****-7890'],
    ['+62 812 3456 7890', '+62 812 **** 7890'],
    ['08123456789', '0812***6789'],
    // A NIK from Kalimantan Tengah (province 62) starting like a phone number is masked as a NIK.
    ['6281234567890123', '6281********0123'],
    ['NIK 3204123456780001 HP 081234567890', 'NIK 3204********0001 HP 0812****7890'],
  ])('%s → %s', (input, masked) => {
    expect(maskPersonalNumbers(input)).toBe(masked);
    expect(hasPersonalNumber(maskPersonalNumbers(input))).toBe(false);
  });

  it.each([
    'Berkas kurang: KK dan akta',
    'Tiket B-017 ke loket 3',
    'pukul 14.30, 2 berkas',
    '12345678', // too short for either
    '021 5551234', // a landline is an office's number, not a citizen's mobile
    '32041234567800012', // 17 digits: not a NIK
  ])('leaves %s as typed', (text) => {
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('never leaves a planted NIK or mobile number readable, and is idempotent', () => {
    const nik = fc.stringMatching(/^[1-9]\d{15}$/);
    const phone = fc.stringMatching(/^(\+628|08)\d{8,10}$/);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.oneof(nik, phone),
        fc.string({ maxLength: 20 }),
        (a, n, b) => {
          const text = `${a} ${n} ${b}`;
          const masked = maskPersonalNumbers(text);
          expect(masked).not.toContain(n);
          expect(maskPersonalNumbers(masked)).toBe(masked);
        },
      ),
    );
  });
});
