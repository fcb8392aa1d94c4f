import { z } from 'zod';
import { Id, LocalDate } from './catalog.js';

/** Longest range one report may cover: a year of local days. */
export const MAX_REPORT_DAYS = 366;

export const ReportPeriod = z.enum(['day', 'week', 'month']);

export const ReportQuery = z
  .strictObject({
    from: LocalDate,
    to: LocalDate,
    /** How the series is cut: local days, ISO weeks (from Monday) or calendar months. */
    period: ReportPeriod.default('day'),
    agencyId: Id.optional(),
    serviceId: Id.optional(),
    counterId: Id.optional(),
    officerId: Id.optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'Tanggal awal harus sebelum tanggal akhir (from must not be after to)',
    path: ['to'],
  });

export const ExportFormat = z.enum(['csv', 'xlsx', 'pdf']);
export const ReportExportQuery = z
  .strictObject({
    from: LocalDate,
    to: LocalDate,
    period: ReportPeriod.default('day'),
    agencyId: Id.optional(),
    serviceId: Id.optional(),
    counterId: Id.optional(),
    officerId: Id.optional(),
    format: ExportFormat,
    lang: z.enum(['id', 'en']).default('id'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const NationalReportQuery = z
  .strictObject({ from: LocalDate, to: LocalDate, period: ReportPeriod.default('month') })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

/** Minutes. Mean exact (from sums); median and p90 from fixed-bucket histograms (see docs/reports.md). */
export const ReportDuration = z.object({
  n: z.number(),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});

export const ReportFigures = z.object({
  /** People: a journey's later tickets are the same visitor. */
  visitors: z.number(),
  issued: z.number(),
  bySource: z.object({ kiosk: z.number(), online: z.number(), counter: z.number(), booking: z.number() }),
  called: z.number(),
  served: z.number(),
  noShows: z.number(),
  cancelled: z.number(),
  expired: z.number(),
  transferred: z.number(),
  recalls: z.number(),
  priorityIssued: z.number(),
  /** 0–1 of issued; null when nothing was issued. */
  priorityShare: z.number().nullable(),
  /** No-shows ÷ called steps. */
  noShowRate: z.number().nullable(),
  /** Steps that ended by a transfer ÷ steps called. */
  transferRate: z.number().nullable(),
  wait: ReportDuration,
  walk: ReportDuration,
  service: ReportDuration,
});

export const ReportPeriodRow = ReportFigures.extend({ start: z.string(), end: z.string() });
export const ReportServiceRow = ReportFigures.extend({
  serviceId: z.number(),
  serviceName: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
});
export const ReportCounterRow = ReportFigures.extend({
  counterId: z.number(),
  number: z.number().nullable(),
  name: z.string(),
});
export const ReportOfficerRow = ReportFigures.extend({ officerId: z.number(), name: z.string() });
export const ReportHourRow = z.object({
  hour: z.number(),
  issued: z.number(),
  meanWaitMinutes: z.number().nullable(),
});

export const ApplicationSla = z.object({
  /** Applications received in the range. */
  received: z.number(),
  /** Finished (ready, collected, delivered, rejected) in the range. */
  finished: z.number(),
  finishedOnTime: z.number(),
  /** finishedOnTime ÷ finished; null when none finished. */
  compliance: z.number().nullable(),
  /** Still open today and past their due date. */
  openOverdue: z.number(),
});

export const ComplaintsSummary = z.object({
  total: z.number(),
  byType: z.record(z.string(), z.number()),
  byStatus: z.record(z.string(), z.number()),
  /** Open complaints whose running deadline has passed. */
  overdue: z.number(),
  escalated: z.number(),
});

export const IkmSummary = z.object({
  responses: z.number(),
  ikm: z.number().nullable(),
  grade: z.string().nullable(),
});

export const BookingSummary = z.object({
  /** Bookings for the range's days the citizen kept (not cancelled, not called off by a closure). */
  booked: z.number(),
  /** Checked in. */
  showed: z.number(),
  /** Marked absent after the check-in window. */
  noShows: z.number(),
  /** showed ÷ (showed + noShows): over the bookings whose outcome is known. */
  showRate: z.number().nullable(),
});

export const Report = z.object({
  mall: z.string(),
  from: z.string(),
  to: z.string(),
  period: ReportPeriod,
  timezone: z.string(),
  filters: z.object({
    agencyId: z.number().nullable(),
    serviceId: z.number().nullable(),
    counterId: z.number().nullable(),
    officerId: z.number().nullable(),
  }),
  totals: ReportFigures,
  periods: z.array(ReportPeriodRow),
  services: z.array(ReportServiceRow),
  counters: z.array(ReportCounterRow),
  officers: z.array(ReportOfficerRow),
  byHour: z.array(ReportHourRow),
  /** From the back office's applications; null where that module has no data for the filter. */
  applications: ApplicationSla.nullable(),
  complaints: ComplaintsSummary.nullable(),
  ikm: IkmSummary.nullable(),
  bookings: BookingSummary.nullable(),
  /** Days read from the roll-ups vs replayed live (today, or closed days not rolled up yet). */
  source: z.object({ rolledUpDays: z.number(), liveDays: z.number() }),
});

export const NationalMallRow = ReportFigures.extend({
  mallId: z.number(),
  slug: z.string(),
  name: z.string(),
});
export const NationalReport = z.object({
  from: z.string(),
  to: z.string(),
  period: ReportPeriod,
  totals: ReportFigures,
  malls: z.array(NationalMallRow),
  periods: z.array(ReportPeriodRow),
});

export type ReportQueryInput = z.infer<typeof ReportQuery>;
export type ReportDto = z.infer<typeof Report>;
export type ReportFiguresDto = z.infer<typeof ReportFigures>;
export type NationalReportDto = z.infer<typeof NationalReport>;

export const DashboardCounter = z.object({
  counterId: z.number(),
  number: z.number(),
  name: z.string(),
  agencyId: z.number(),
  /** open and calling or serving someone: busy; open with no one: idle. */
  state: z.enum(['busy', 'idle', 'break', 'closed']),
  current: z.string().nullable(),
});

export const Dashboard = z.object({
  mall: z.string(),
  date: z.string(),
  at: z.string(),
  waiting: z.array(
    z.object({
      serviceId: z.number(),
      serviceName: z.string(),
      agencyName: z.string(),
      waiting: z.number(),
      /** Minutes the longest-waiting ticket of the service has waited so far. */
      longestWaitMinutes: z.number(),
    }),
  ),
  totalWaiting: z.number(),
  longestWait: z.object({ number: z.string(), serviceName: z.string(), minutes: z.number() }).nullable(),
  counters: z.array(DashboardCounter),
  counterStates: z.object({ busy: z.number(), idle: z.number(), break: z.number(), closed: z.number() }),
  /** First calls per local hour today (0–23). */
  callsPerHour: z.array(z.object({ hour: z.number(), calls: z.number() })),
  today: ReportFigures,
  slaBreaches: z.object({
    /** Open applications past their due date (null: the back office is not in use here). */
    applications: z.number().nullable(),
    /** Open complaints past their running deadline. */
    complaints: z.number().nullable(),
  }),
  ikmToday: IkmSummary.nullable(),
});
export type DashboardDto = z.infer<typeof Dashboard>;
