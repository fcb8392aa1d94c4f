import { z } from 'zod';
import { CounterStatus } from './catalog.js';

/** One counter tile on a display: its state and the ticket it is calling or serving. */
export const DisplayCounter = z.object({
  id: z.number(),
  number: z.number(),
  name: z.string(),
  status: CounterStatus,
  /** Why the counter is on break or closed, e.g. "Istirahat sholat"; null when open or not given. */
  statusReason: z.string().nullable(),
  current: z.object({ number: z.string(), serviceName: z.string() }).nullable(),
});

/** A recent call, as the display lists it (from the `ticket.called` live events). */
export const RecentCall = z.object({
  number: z.string(),
  counterNumber: z.number(),
  counterName: z.string(),
  serviceName: z.string(),
  announcement: z.string(),
  at: z.string(),
});

/**
 * A service's line right now. The wait figures let a supervisor see a line going stale before the
 * count alone would show it.
 */
export const ServiceWaiting = z.object({
  serviceId: z.number(),
  serviceName: z.string(),
  queuePrefix: z.string(),
  waiting: z.number(),
  /** Minutes the longest-waiting ticket has been in line (since it was queued); null when nobody waits. */
  oldestWaitMinutes: z.number().nullable(),
  /** Today's mean minutes from issue to first call, over tickets first called today; null when none. */
  averageWaitMinutes: z.number().nullable(),
});

/** What a display (or the admin hall) needs on load; live events keep it current afterwards. */
export const DisplayState = z.object({
  mall: z.object({ slug: z.string(), name: z.string(), timezone: z.string() }),
  counters: z.array(DisplayCounter),
  recentCalls: z.array(RecentCall),
  waiting: z.array(ServiceWaiting),
  /** The live-event sequence the snapshot reflects: open the stream with it as Last-Event-ID. */
  lastEventId: z.number(),
});

export type DisplayStateDto = z.infer<typeof DisplayState>;
export type ServiceWaitingDto = z.infer<typeof ServiceWaiting>;
