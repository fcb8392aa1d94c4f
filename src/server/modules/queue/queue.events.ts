import type { LiveEvent, RecordedEventInput } from '../../../shared/contracts/events.js';
import { announcementText, spokenAnnouncement } from '../../../shared/domain/number-words.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { appendLiveEvents, type NewLiveEvent } from '../../events/live-events.repo.js';
import { runEventSinks } from '../../events/sinks.js';
import { countWaiting, type TicketView } from './queue.repo.js';

type CounterStatus = Extract<RecordedEventInput, { type: 'counter.changed' }>['payload']['status'];

/** Live events of the queue, appended in the state change's transaction and fanned out after commit. */
async function queueChanged(tx: Tx, t: TicketView): Promise<NewLiveEvent> {
  const waiting = await countWaiting(tx.db, t.mall_id, t.service_id);
  return {
    type: 'queue.changed',
    zoneId: null,
    payload: {
      serviceId: t.service_id,
      serviceName: t.service_name,
      queuePrefix: t.queue_prefix,
      waiting,
      ticketId: t.id,
      status: t.status as Extract<RecordedEventInput, { type: 'queue.changed' }>['payload']['status'],
    },
  };
}

/**
 * Appends the events; after commit the queue index applies them from the ticket `t` as written
 * (no read back), then the hub fans them out.
 */
async function publish(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  rows: TicketView[],
  events: NewLiveEvent[],
  at: string,
) {
  const first = await appendLiveEvents(tx, mallId, events, at);
  const committed: LiveEvent[] = events.map((e, i) => ({ ...e, seq: first + i, at }));
  await runEventSinks(ctx, tx, mallId, committed, rows);
  tx.afterCommit(() => ctx.queueIndex.committed(mallId, first, committed, rows));
  tx.afterCommit(() => ctx.hub.published(mallId));
}

/** A ticket's change, with `also` (e.g. the counter it left) appended in the same write. */
export async function publishQueueChanged(
  ctx: AppContext,
  tx: Tx,
  t: TicketView,
  at: string,
  also: NewLiveEvent[] = [],
) {
  await publish(ctx, tx, t.mall_id, [t], [await queueChanged(tx, t), ...also], at);
}

export function callPayload(t: TicketView, at: string) {
  const counterNumber = t.counter_number ?? 0;
  return {
    ticketId: t.id,
    number: t.number,
    serviceId: t.service_id,
    serviceName: t.service_name,
    counterId: t.counter_id ?? 0,
    counterNumber,
    counterName: t.counter_name ?? '',
    announcement: announcementText(t.number, counterNumber),
    spokenText: spokenAnnouncement(t.number, counterNumber),
    at,
  };
}

export async function publishCall(
  ctx: AppContext,
  tx: Tx,
  t: TicketView,
  type: 'ticket.called' | 'ticket.recalled',
  at: string,
) {
  const counterChanged: NewLiveEvent = {
    type: 'counter.changed',
    zoneId: t.counter_zone_id,
    payload: {
      counterId: t.counter_id ?? 0,
      counterNumber: t.counter_number ?? 0,
      counterName: t.counter_name ?? '',
      status: 'open',
      current: { number: t.number, serviceName: t.service_name },
    },
  };
  await publish(
    ctx,
    tx,
    t.mall_id,
    [t],
    [
      { type, zoneId: t.counter_zone_id, payload: callPayload(t, at) },
      counterChanged,
      await queueChanged(tx, t),
    ],
    at,
  );
}

export interface CounterTile {
  mallId: number;
  id: number;
  number: number;
  name: string;
  zoneId: number | null;
  status: string;
  /** Why the counter is on break or closed, shown on the board; absent/null when not known or open. */
  statusReason?: string | null;
  current: { number: string; serviceName: string } | null;
}

/** A counter's tile as boards show it: its state and the ticket it is calling or serving. */
export function counterChanged(c: CounterTile): NewLiveEvent {
  const payload = {
    counterId: c.id,
    counterNumber: c.number,
    counterName: c.name,
    status: c.status as CounterStatus,
    statusReason: c.statusReason ?? null,
    current: c.current,
  };
  return { type: 'counter.changed', zoneId: c.zoneId, payload };
}

export async function publishCounterChanged(ctx: AppContext, tx: Tx, c: CounterTile, at: string) {
  await publish(ctx, tx, c.mallId, [], [counterChanged(c)], at);
}
