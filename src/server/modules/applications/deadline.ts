import { addCalendarDays, localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../../../shared/domain/working-days.js';

/**
 * The back office's clock (pure). A standard's completion time is counted as it states it: working
 * days over the mall's calendar (national holidays, cuti bersama, the mall's own closures), calendar
 * days, or hours/minutes of elapsed time. While an application waits on the citizen the clock stands;
 * when it restarts, the deadline moves by exactly the time it stood, in the same unit.
 */
export type CompletionUnit = 'minutes' | 'hours' | 'working_days' | 'calendar_days';
export interface Due {
  /** Local date 'YYYY-MM-DD' of the deadline. */
  dueDate: string;
  /** The instant it passes: the end of the due date for day units, exact for hours and minutes. */
  dueAt: string;
}

const endOfLocalDay = (date: string, tz: string) =>
  new Date(localDayStart(addCalendarDays(date, 1), tz).getTime() - 1000).toISOString();

export function computeDue(
  received: Date,
  completion: { value: number; unit: CompletionUnit },
  cal: WorkingCalendar,
  tz: string,
): Due {
  const today = localMoment(received, tz).date;
  switch (completion.unit) {
    case 'working_days': {
      const dueDate = addWorkingDays(today, Math.ceil(completion.value), cal);
      return { dueDate, dueAt: endOfLocalDay(dueDate, tz) };
    }
    case 'calendar_days': {
      const dueDate = addCalendarDays(today, Math.ceil(completion.value));
      return { dueDate, dueAt: endOfLocalDay(dueDate, tz) };
    }
    default: {
      const minutes = completion.unit === 'hours' ? completion.value * 60 : completion.value;
      const at = new Date(received.getTime() + minutes * 60_000);
      return { dueDate: localMoment(at, tz).date, dueAt: at.toISOString() };
    }
  }
}

/** The unit a pause is counted in: the standard's days, or minutes for hours and minutes. */
export const pauseUnit = (u: CompletionUnit): 'working_days' | 'calendar_days' | 'minutes' =>
  u === 'working_days' || u === 'calendar_days' ? u : 'minutes';

/**
 * How long the clock stood between `from` and `to`: working days d with from ≤ d < to (a pause
 * started and ended on one day costs nothing; Monday to Wednesday is two working days), calendar
 * days likewise, or whole minutes.
 */
export function pausedAmount(
  unit: CompletionUnit,
  from: Date,
  to: Date,
  cal: WorkingCalendar,
  tz: string,
): number {
  const pu = pauseUnit(unit);
  if (pu === 'minutes') return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  const a = localMoment(from, tz).date;
  const b = localMoment(to, tz).date;
  let n = 0;
  for (let d = a; d < b; d = addCalendarDays(d, 1)) if (pu === 'calendar_days' || isWorkingDay(d, cal)) n++;
  return n;
}

/** The deadline moved on by a pause of `paused` (in `pauseUnit(unit)`). */
export function extendDue(
  due: Due,
  unit: CompletionUnit,
  paused: number,
  cal: WorkingCalendar,
  tz: string,
): Due {
  if (paused <= 0) return due;
  const pu = pauseUnit(unit);
  if (pu === 'minutes') {
    const at = new Date(Date.parse(due.dueAt) + paused * 60_000);
    return { dueDate: localMoment(at, tz).date, dueAt: at.toISOString() };
  }
  const dueDate =
    pu === 'working_days' ? addWorkingDays(due.dueDate, paused, cal) : addCalendarDays(due.dueDate, paused);
  return { dueDate, dueAt: endOfLocalDay(dueDate, tz) };
}

/**
 * Where an application stands against its deadline: 'near' is the last working day (day units) or
 * the last fifth of the time (at least 15 minutes) for hours and minutes.
 */
export function dueState(
  a: {
    open: boolean;
    paused: boolean;
    dueDate: string;
    dueAt: string;
    receivedAt: string;
    unit: CompletionUnit;
  },
  now: Date,
  cal: WorkingCalendar,
  tz: string,
): 'ok' | 'near' | 'overdue' | 'paused' | 'done' {
  if (!a.open) return 'done';
  if (a.paused) return 'paused';
  if (now.getTime() > Date.parse(a.dueAt)) return 'overdue';
  if (a.unit === 'working_days' || a.unit === 'calendar_days') {
    const today = localMoment(now, tz).date;
    return a.dueDate <= addWorkingDays(today, 1, cal) ? 'near' : 'ok';
  }
  const total = Date.parse(a.dueAt) - Date.parse(a.receivedAt);
  const left = Date.parse(a.dueAt) - now.getTime();
  return left <= Math.max(15 * 60_000, total / 5) ? 'near' : 'ok';
}
