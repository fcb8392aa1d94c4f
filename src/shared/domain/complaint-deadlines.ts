import { addCalendarDays, localDayStart, localMoment } from './local-time.js';
import { addWorkingDays, type WorkingCalendar } from './working-days.js';

/**
 * Complaint deadlines in working days (domain §3): the mall desk dispatches within 3, the agency
 * follows up within 5 after dispatch, and an answer with no reply closes after 10.
 */
export const COMPLAINT_WORKING_DAYS = { dispatch: 3, follow_up: 5, auto_close: 10 } as const;
export type ComplaintDeadline = keyof typeof COMPLAINT_WORKING_DAYS;

/**
 * When a deadline that starts at `from` ends: the end of the N-th working day after the local day of
 * `from` (the starting day is day 0, whatever time it is), as the UTC instant the next local day
 * begins. A complaint filed on Monday afternoon must be dispatched before Friday 00:00 local time;
 * filed on Saturday, before the end of Wednesday.
 */
export function complaintDueAt(
  kind: ComplaintDeadline,
  from: Date,
  cal: WorkingCalendar,
  timeZone: string,
): string {
  const day = localMoment(from, timeZone).date;
  const last = addWorkingDays(day, COMPLAINT_WORKING_DAYS[kind], cal);
  return localDayStart(addCalendarDays(last, 1), timeZone).toISOString();
}

/** The local date a deadline instant falls in (the last day allowed), for messages and screens. */
export function dueDateLocal(dueAt: string, timeZone: string): string {
  return localMoment(new Date(Date.parse(dueAt) - 1), timeZone).date;
}
