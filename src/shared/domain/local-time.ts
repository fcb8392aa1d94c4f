/**
 * Malls run in local time (WIB/WITA/WIT); the database stores UTC. These helpers turn an instant into
 * the mall's local date, weekday and minute of day using the platform's Intl time-zone data.
 */
export interface LocalMoment {
  /** 'YYYY-MM-DD' in the mall's zone. */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM' in the mall's zone. */
  time: string;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, weekday: isoWeekday(date), time, minuteOfDay: toMinutes(time) };
}

/** ISO weekday of a 'YYYY-MM-DD' calendar date (1 = Monday … 7 = Sunday). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** 'HH:MM' → minutes since midnight; '24:00' is allowed as the end of a day. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Adds whole calendar days to 'YYYY-MM-DD'. */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant a local calendar day starts in `timeZone` (e.g. 2026-11-23 in Asia/Jakarta starts at
 * 2026-11-22T17:00:00Z). Uses the zone's offset at UTC midnight, exact for Indonesia's fixed zones.
 */
export function localDayStart(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const seen = localMoment(new Date(guess), timeZone);
  const offsetMs = Date.parse(`${seen.date}T${seen.time}:00Z`) - guess;
  return new Date(guess - offsetMs);
}
