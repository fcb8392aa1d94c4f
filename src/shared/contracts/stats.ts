import { z } from 'zod';
import { Id, LocalDate } from './catalog.js';

/** Longest range one request may cover: a year of local days. */
export const MAX_STATS_DAYS = 366;

const CalendarDate = LocalDate;

export const QueueStatsQuery = z
  .strictObject({
    from: CalendarDate,
    to: CalendarDate,
    serviceId: Id.optional(),
    agencyId: Id.optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'Tanggal awal harus sebelum tanggal akhir (from must not be after to)',
    path: ['to'],
  });

/** Minutes between two events of a step; null when no step had both. */
export const DurationStats = z.object({
  n: z.number(),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});

export const QueueCounts = z.object({
  /** Tickets issued (one per ticket; journey steps after the first are tickets of their own). */
  issued: z.number(),
  /** First calls of a step (a recall is not a new call). */
  called: z.number(),
  /** Steps finished at a counter, whatever the outcome. */
  served: z.number(),
  noShows: z.number(),
  cancelled: z.number(),
  /** Steps still open when the mall's day ended, closed as expired. */
  expired: z.number(),
  /** Steps that ended by a transfer to another service or counter. */
  transferred: z.number(),
  recalls: z.number(),
});

export const QueueTimes = z.object({
  /** Queued (issue, or transfer into the service) → first call. */
  wait: DurationStats,
  /** First call → started. */
  walk: DurationStats,
  /** Started → finished. */
  service: DurationStats,
});

/**
 * The priority rule at work. A regular ticket called while a priority ticket of the same queue group
 * waited was called because of the streak limit, the maximum wait, or an out-of-order call ("other").
 */
export const PriorityStats = z.object({
  issued: z.number(),
  /** Share of issued tickets with a priority group, 0–1; null when nothing was issued. */
  share: z.number().nullable(),
  meanWaitPriority: z.number().nullable(),
  meanWaitRegular: z.number().nullable(),
  regularCalledWhilePriorityWaiting: z.number(),
  byStreakLimit: z.number(),
  byMaxWait: z.number(),
  other: z.number(),
});

export const QueueStatsBlock = z.object({
  counts: QueueCounts,
  times: QueueTimes,
  priority: PriorityStats,
});

export const ServiceQueueStats = QueueStatsBlock.extend({
  serviceId: z.number(),
  serviceName: z.string(),
  agencyId: z.number(),
});

export const CounterQueueStats = z.object({
  counterId: z.number(),
  number: z.number(),
  name: z.string(),
  served: z.number(),
  meanServiceMinutes: z.number().nullable(),
});

export const HourQueueStats = z.object({
  /** Hour of the mall's local day, 0–23. */
  hour: z.number(),
  issued: z.number(),
  meanWaitMinutes: z.number().nullable(),
});

export const QueueStats = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  serviceId: z.number().nullable(),
  agencyId: z.number().nullable(),
  totals: QueueStatsBlock,
  services: z.array(ServiceQueueStats),
  counters: z.array(CounterQueueStats),
  byHour: z.array(HourQueueStats),
});

export type QueueStatsQueryInput = z.infer<typeof QueueStatsQuery>;
export type QueueStatsDto = z.infer<typeof QueueStats>;
