import type { CalendarWarning, MallCalendarDay, NationalDay } from '../../../shared/contracts/calendar.js';

/**
 * One mall's calendar from the national list, the mall's own closures and the cuti bersama days it
 * serves on. National holidays always close; cuti bersama closes unless the mall serves; a local
 * closure closes. A local closure on a national day keeps the national entry (it closes anyway).
 */
export function mergeCalendar(
  national: readonly NationalDay[],
  local: readonly { date: string; name: string; source: string | null }[],
  served: readonly string[],
): MallCalendarDay[] {
  const serves = new Set(served);
  const byDate = new Map<string, MallCalendarDay>();
  for (const d of national) {
    const isServed = d.kind === 'cuti_bersama' && serves.has(d.date);
    byDate.set(d.date, {
      date: d.date,
      kind: d.kind,
      name: d.name,
      source: d.source,
      origin: 'national',
      served: isServed,
      closed: !isServed,
    });
  }
  for (const h of local) {
    const inherited = byDate.get(h.date);
    if (inherited?.closed) continue;
    byDate.set(h.date, {
      date: h.date,
      kind: 'local_closure',
      name: h.name,
      source: h.source,
      origin: 'mall',
      served: false,
      closed: true,
    });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** From 1 October (local date), next year's national list must be there. */
export function calendarWarnings(years: readonly number[], today: string): CalendarWarning[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month < 10 || years.includes(year + 1)) return [];
  return [
    {
      code: 'NEXT_YEAR_CALENDAR_MISSING',
      year: year + 1,
      message:
        `Daftar hari libur nasional dan cuti bersama ${year + 1} belum dimuat; impor SKB ${year + 1} ` +
        `agar tenggat hari kerja tetap benar (next year's national calendar is missing).`,
    },
  ];
}
