import { describe, expect, it } from 'vitest';
import { complaintDueAt, dueDateLocal } from './complaint-deadlines.js';

const TZ = 'Asia/Jakarta';
const cal = { workingWeekdays: [1, 2, 3, 4, 5], holidays: new Set(['2026-12-25']) };

describe('complaint deadlines in working days', () => {
  it.each([
    // kind, submitted (UTC), due (UTC: next local midnight), last local day
    ['dispatch', '2026-11-23T03:00:00Z', '2026-11-26T17:00:00.000Z', '2026-11-26'], // Mon → Thu
    ['dispatch', '2026-11-27T09:00:00Z', '2026-12-02T17:00:00.000Z', '2026-12-02'], // Fri 16:00 WIB → Wed
    ['dispatch', '2026-11-28T02:00:00Z', '2026-12-02T17:00:00.000Z', '2026-12-02'], // Sat → Wed
    ['dispatch', '2026-11-22T18:30:00Z', '2026-11-26T17:00:00.000Z', '2026-11-26'], // Sun 23:30 UTC = Mon 01:30 WIB
    ['follow_up', '2026-12-21T03:00:00Z', '2026-12-29T17:00:00.000Z', '2026-12-29'], // over Christmas
    ['auto_close', '2026-11-23T03:00:00Z', '2026-12-07T17:00:00.000Z', '2026-12-07'],
  ] as const)('%s from %s ends at %s', (kind, from, due, day) => {
    const at = complaintDueAt(kind, new Date(from), cal, TZ);
    expect(at).toBe(due);
    expect(dueDateLocal(at, TZ)).toBe(day);
  });

  it('follows the mall’s own working week (Saturdays) and time zone', () => {
    const sat = { workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [] };
    expect(complaintDueAt('dispatch', new Date('2026-11-26T03:00:00Z'), sat, 'Asia/Makassar')).toBe(
      '2026-11-30T16:00:00.000Z',
    );
  });
});
