import { z } from 'zod';
import { LocalDate } from './catalog.js';

/** What a day in the calendar is: national days are deployment-wide, local closures one mall's own. */
export const CalendarKind = z.enum(['national_holiday', 'cuti_bersama', 'local_closure']);
export const NationalKind = z.enum(['national_holiday', 'cuti_bersama']);

/** One national day as the national admin keeps it: kind, name and legal source (e.g. the SKB). */
export const NationalDayInput = z.object({
  kind: NationalKind,
  name: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(300),
});
export const NationalDay = NationalDayInput.extend({ date: LocalDate });
export type NationalDay = z.infer<typeof NationalDay>;

/** Raised from 1 October while next year's national list is missing. */
export const CalendarWarning = z.object({
  code: z.literal('NEXT_YEAR_CALENDAR_MISSING'),
  year: z.number().int(),
  message: z.string(),
});
export type CalendarWarning = z.infer<typeof CalendarWarning>;

export const NationalCalendar = z.object({
  items: z.array(NationalDay),
  /** Years that have at least one national holiday. */
  years: z.array(z.number().int()),
  warnings: z.array(CalendarWarning),
});

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A day of one mall's calendar: inherited national days and its own closures, with the outcome. */
export const MallCalendarDay = z.object({
  date: LocalDate,
  kind: CalendarKind,
  name: z.string(),
  source: z.string().nullable(),
  /** national: inherited from the national list; mall: the mall's own closure. */
  origin: z.enum(['national', 'mall']),
  /** The mall declared it serves on this cuti bersama day. */
  served: z.boolean(),
  /** Closed for the queue and skipped by working-day arithmetic. */
  closed: z.boolean(),
});
export type MallCalendarDay = z.infer<typeof MallCalendarDay>;

export const MallCalendar = z.object({
  items: z.array(MallCalendarDay),
  /** The queue opens every day whatever the calendar says (the demo mall). */
  alwaysOpen: z.boolean(),
  warnings: z.array(CalendarWarning),
});

export const CutiBersamaServe = z.object({ served: z.boolean() });

/** A mall's own closure; the legal source (e.g. a regent's decree) is optional. */
export const LocalClosure = z.object({
  date: LocalDate,
  name: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(300).nullish(),
});

export const CalendarImportReport = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  years: z.array(z.number().int()),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() })),
});
export type CalendarImportReport = z.infer<typeof CalendarImportReport>;
