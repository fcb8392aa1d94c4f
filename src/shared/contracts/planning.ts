import { z } from 'zod';
import { MAX_TRAFFIC_ERLANGS } from '../domain/erlang-c.js';
import { Id, LocalDate } from './catalog.js';

const targets = {
  /** The wait within which the target share should be called, minutes. */
  targetWaitMinutes: z.number().finite().min(0).max(480),
  /** The share of citizens to call within the target wait, 0 < x < 1 (e.g. 0.8). */
  targetServiceLevel: z.number().finite().gt(0).lt(1),
};

export const StaffingQuery = z
  .strictObject({
    arrivalsPerHour: z.number().finite().min(0).max(1_000_000),
    meanServiceMinutes: z.number().finite().gt(0).max(480),
    ...targets,
  })
  .refine((q) => (q.arrivalsPerHour * q.meanServiceMinutes) / 60 <= MAX_TRAFFIC_ERLANGS, {
    message: `Beban terlalu besar: paling banyak ${MAX_TRAFFIC_ERLANGS} Erlang (traffic above ${MAX_TRAFFIC_ERLANGS} Erlangs)`,
    path: ['arrivalsPerHour'],
  });

const Figures = {
  /** Counters needed (0 when nobody arrives). */
  counters: z.number().int(),
  /** Offered traffic in Erlangs: arrivals per hour × mean service minutes / 60. */
  trafficErlangs: z.number(),
  /** Share of citizens who wait at all, Erlang C. */
  probabilityOfWaiting: z.number(),
  averageWaitMinutes: z.number(),
  /** Share called within the target wait with that many counters. */
  serviceLevel: z.number(),
  /** Share of the counters' time spent serving. */
  occupancy: z.number(),
};

export const StaffingResult = z.object(Figures);

export const DayPlanQuery = z.strictObject({
  date: LocalDate,
  serviceId: Id.optional(),
  agencyId: Id.optional(),
  targetWaitMinutes: z.coerce.number().finite().min(0).max(480).default(10),
  targetServiceLevel: z.coerce.number().finite().gt(0).lt(1).default(0.8),
  /** How many past same weekdays the forecast averages. */
  weeks: z.coerce.number().int().min(1).max(12).default(4),
});

export const DayPlanHour = z.object({
  /** Hour of the mall's local day, 0–23. */
  hour: z.number().int(),
  /** Mean tickets issued in this hour on the same weekday of the past weeks. */
  forecastArrivals: z.number(),
  ...Figures,
});

export const DayPlan = z.object({
  date: z.string(),
  timezone: z.string(),
  serviceId: z.number().nullable(),
  agencyId: z.number().nullable(),
  /** The past local dates the forecast is drawn from. */
  basedOn: z.array(z.string()),
  /** Mean service minutes over those days; null when nothing was served (no plan then). */
  meanServiceMinutes: z.number().nullable(),
  targetWaitMinutes: z.number(),
  targetServiceLevel: z.number(),
  /** Hours with forecast arrivals, in order. */
  hours: z.array(DayPlanHour),
  /** The most counters any hour needs. */
  peakCounters: z.number().int(),
});

export type StaffingQueryInput = z.infer<typeof StaffingQuery>;
export type DayPlanQueryInput = z.infer<typeof DayPlanQuery>;
export type DayPlanDto = z.infer<typeof DayPlan>;
