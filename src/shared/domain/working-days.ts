import { addCalendarDays, isoWeekday } from './local-time.js';

export interface WorkingCalendar {
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday); malls may work Saturdays. */
  workingWeekdays: readonly number[];
  /** Closed dates 'YYYY-MM-DD' (national holidays, cuti bersama, local closures). */
  holidays: ReadonlySet<string> | readonly string[];
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  const holidays = cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays as readonly string[]);
  return cal.workingWeekdays.includes(isoWeekday(date)) && !holidays.has(date);
}

/**
 * Adds N working days to a local date: the result is the N-th working day after `from` (0 returns
 * `from` itself, or the next working day when `from` is closed). Negative N counts backwards.
 * SLA clocks (complaints, back-office deadlines) all go through here.
 */
export function addWorkingDays(from: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
  if (cal.workingWeekdays.length === 0) throw new RangeError('a working week needs at least one working day');
  const holidays = cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays as readonly string[]);
  const c: WorkingCalendar = { workingWeekdays: cal.workingWeekdays, holidays };
  const step = n < 0 ? -1 : 1;
  let date = from;
  if (n === 0) {
    while (!isWorkingDay(date, c)) date = addCalendarDays(date, 1);
    return date;
  }
  let left = Math.abs(n);
  let guard = 0;
  while (left > 0) {
    date = addCalendarDays(date, step);
    if (isWorkingDay(date, c)) left--;
    if (++guard > 3660 + Math.abs(n) * 7) throw new RangeError('no working day found within ten years');
  }
  return date;
}
