import type { LiveEvent } from '../../shared/contracts/events.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/tx.js';
import type { TicketView } from '../modules/queue/queue.repo.js';

/**
 * What a change means beyond the screens: notifications ("your turn is near", "called"), webhook
 * deliveries. Each sink runs inside the change's own transaction, after its live events are
 * appended, and writes what must follow into the outbox there — so a change and its messages commit
 * (or roll back) together, and a node killed after the commit still sends them on restart.
 *
 * `events` are the change's recorded events with their sequence numbers; `tickets` are the ticket
 * rows as written by the change (empty for a counter-only change).
 */
export type EventSink = (
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  events: LiveEvent[],
  tickets: TicketView[],
) => Promise<void>;

const sinks: { name: string; sink: EventSink }[] = [];

/** Registers a sink once by name (modules register at import; a second import changes nothing). */
export function registerEventSink(name: string, sink: EventSink): void {
  if (sinks.some((s) => s.name === name)) return;
  sinks.push({ name, sink });
}

export async function runEventSinks(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  events: LiveEvent[],
  tickets: TicketView[],
): Promise<void> {
  for (const { sink } of sinks) await sink(ctx, tx, mallId, events, tickets);
}
