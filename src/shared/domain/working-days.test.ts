import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isoWeekday } from './local-time.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

const monFri = { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] as string[] };

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-23', 5, '2026-11-30'], // Monday + 5 → next Monday
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 skips the weekend
    ['2026-11-28', 1, '2026-11-30'], // from a Saturday
    ['2026-11-28', 0, '2026-11-30'], // 0 on a closed day → the next working day
    ['2026-11-30', -1, '2026-11-27'],
  ])('%s + %i → %s', (from, n, want) => expect(addWorkingDays(from, n, monFri)).toBe(want));

  it('skips holidays', () => {
    const cal = { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-12-24', '2026-12-25'] };
    expect(addWorkingDays('2026-12-23', 1, cal)).toBe('2026-12-28');
  });

  it('counts Saturdays when the mall works them', () => {
    expect(addWorkingDays('2026-11-27', 1, { workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [] })).toBe(
      '2026-11-28',
    );
  });

  it('always lands on a working day, exactly n working days later', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((d) => addCalendarDays('2024-01-01', d));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 60 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        (from, n, week) => {
          const cal = { workingWeekdays: week, holidays: [addCalendarDays(from, 2)] };
          const to = addWorkingDays(from, n, cal);
          expect(isWorkingDay(to, cal)).toBe(true);
          let count = 0;
          for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1))
            if (isWorkingDay(d, cal)) count++;
          expect(count).toBe(n);
        },
      ),
    );
  });

  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
