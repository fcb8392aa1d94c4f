import { z } from 'zod';
import { CounterStatus } from './catalog.js';
import { CounterQueue, PublicTicket, TicketStatus } from './queue.js';

/*
 * Live events, in two layers:
 *
 * 1. What the server records (`live_events` rows, one per change, per-mall sequence). Internal: these
 *    name tickets by id and are never sent to a screen as they are.
 * 2. What each stream sends: one discriminated union per scope (display board, the citizen's own
 *    ticket, a counter console), projected from the recorded events. Every wire message is
 *    `{seq, type, at, payload}`, sent as SSE `id: seq` / `event: type` / `data: JSON`.
 */

// ── 1. Recorded events (server-internal) ──────────────────────────────────────────────────────────

const CurrentTicket = z.object({ number: z.string(), serviceName: z.string() });

export const RecordedCall = z.object({
  ticketId: z.number(),
  number: z.string(),
  serviceId: z.number(),
  serviceName: z.string(),
  counterId: z.number(),
  counterNumber: z.number(),
  counterName: z.string(),
  /** Indonesian sentence to show and speak: "Nomor antrean B tujuh belas, silakan menuju loket tiga." */
  announcement: z.string(),
  /** The same sentence with letter names spelled out, for speech engines. */
  spokenText: z.string(),
  at: z.string(),
});

export const RecordedCounterChange = z.object({
  counterId: z.number(),
  counterNumber: z.number(),
  counterName: z.string(),
  status: CounterStatus,
  /** Why the counter is on break or closed (an approved request's reason); null when open. */
  statusReason: z.string().nullable().optional(),
  current: CurrentTicket.nullable(),
});

export const RecordedQueueChange = z.object({
  serviceId: z.number(),
  serviceName: z.string(),
  queuePrefix: z.string(),
  /** Tickets of the service waiting after this change. */
  waiting: z.number(),
  /** The ticket whose change this is, and its status after it. */
  ticketId: z.number(),
  status: TicketStatus,
});

export const RecordedEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.called'), payload: RecordedCall }),
  z.object({ type: z.literal('ticket.recalled'), payload: RecordedCall }),
  z.object({ type: z.literal('counter.changed'), payload: RecordedCounterChange }),
  z.object({ type: z.literal('queue.changed'), payload: RecordedQueueChange }),
]);

export type RecordedEventInput = z.infer<typeof RecordedEvent>;
/** A recorded event as read back: its mall sequence, the zone it belongs to (null = mall-wide), time. */
export type LiveEvent = RecordedEventInput & { seq: number; zoneId: number | null; at: string };
export type LiveEventType = LiveEvent['type'];

// ── 2. What the streams send ──────────────────────────────────────────────────────────────────────

function message<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ seq: z.number(), type: z.literal(type), at: z.string(), payload });
}

/**
 * Sent instead of a replay when the client's Last-Event-ID is older than the resume window (or
 * unknown): the client drops what it holds and loads a fresh snapshot. `lastEventId` is the
 * sequence the stream continues after.
 */
export const StreamReset = z.object({ lastEventId: z.number() });

/** A call as a board shows and speaks it. No ticket id, no tracking code, no personal data. */
export const BoardCall = z.object({
  number: z.string(),
  serviceName: z.string(),
  counterId: z.number(),
  counterNumber: z.number(),
  counterName: z.string(),
  text: z.string(),
  spokenText: z.string(),
  /**
   * The same sentence as `text`, under the name the first display stream gave it (and the citizen's
   * `ticket.called` still uses), so boards and integrations built on it keep working.
   */
  announcement: z.string(),
  at: z.string(),
});

/** A counter tile: enough to redraw it without asking again. */
export const BoardCounter = RecordedCounterChange;

/** One service's line on the board: its waiting count after a change. */
export const BoardWaiting = RecordedQueueChange.pick({
  serviceId: true,
  serviceName: true,
  queuePrefix: true,
  waiting: true,
});

/** GET /displays/{zone}/stream: public, what a board shows and nothing more. */
export const DisplayEvent = z.discriminatedUnion('type', [
  message('ticket.called', BoardCall),
  message('ticket.recalled', BoardCall),
  message('counter.changed', BoardCounter),
  message('waiting.changed', BoardWaiting),
  message('reset', StreamReset),
]);

/** The citizen's standing: sent on connect and whenever one of the four changes. */
export const TicketPosition = z.object({
  status: TicketStatus,
  /** 1 = next; null when no longer waiting. */
  position: z.number().nullable(),
  etaMinutes: z.number().nullable(),
  turnIsNear: z.boolean(),
});

/** The citizen's call: where to go, and the sentence the hall hears. */
export const TicketCall = z.object({
  counterNumber: z.number(),
  counterName: z.string(),
  announcement: z.string(),
});

/**
 * GET /tickets/{trackingCode}/stream: public by the ticket's own unguessable code. `ticket.snapshot`
 * (the whole ticket view) comes on connect and whenever the ticket itself changes; it never holds
 * another citizen's tracking code.
 */
export const TicketStreamEvent = z.discriminatedUnion('type', [
  message('ticket.snapshot', PublicTicket),
  message('ticket.position', TicketPosition),
  message('ticket.called', TicketCall),
  message('reset', StreamReset),
]);

/** GET /counters/{id}/stream (staff): the counter, its own ticket and its waiting line, on every change. */
export const CounterStreamEvent = z.discriminatedUnion('type', [
  message('counter.queue', CounterQueue),
  message('reset', StreamReset),
]);

export type DisplayEventDto = z.infer<typeof DisplayEvent>;
export type TicketStreamEventDto = z.infer<typeof TicketStreamEvent>;
export type CounterStreamEventDto = z.infer<typeof CounterStreamEvent>;
export type BoardCallDto = z.infer<typeof BoardCall>;
export type TicketPositionDto = z.infer<typeof TicketPosition>;

/** The event names of a stream's union (what an SSE client listens for). */
export function streamEventTypes(schema: { options: readonly { shape: { type: { value: string } } }[] }) {
  return schema.options.map((o) => o.shape.type.value);
}
