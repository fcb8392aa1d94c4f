import type { LiveEvent, QueueChangedEvent, TicketCalledEvent } from '../../../shared/contracts/events.js';
import { announcementText, spokenAnnouncement } from '../../../shared/domain/number-words.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { appendLiveEvents, type NewLiveEvent } from '../../events/live-events.repo.js';
import type { TicketView } from './queue.repo.js';

/** Live events of the queue, appended in the state change's transaction and fanned out after commit. */
async function queueChanged(tx: Tx, t: TicketView): Promise<NewLiveEvent<'queue.changed'>> {
  const r = await tx.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', t.mall_id)
    .where('service_id', '=', t.service_id)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  const payload: QueueChangedEvent = {
    serviceId: t.service_id,
    waiting: Number(r.n),
    ticketId: t.id,
    trackingCode: t.tracking_code,
    status: t.status,
  };
  return { type: 'queue.changed', zoneId: null, payload };
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
  tx.afterCommit(() => ctx.queueIndex.committed(mallId, first, committed, rows));
  tx.afterCommit(() => ctx.hub.published(mallId));
}

export async function publishQueueChanged(ctx: AppContext, tx: Tx, t: TicketView, at: string) {
  await publish(ctx, tx, t.mall_id, [t], [await queueChanged(tx, t)], at);
}

export function callPayload(t: TicketView, at: string): TicketCalledEvent {
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
    trackingCode: t.tracking_code,
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
  const counterChanged: NewLiveEvent<'counter.changed'> = {
    type: 'counter.changed',
    zoneId: t.counter_zone_id,
    payload: {
      counterId: t.counter_id ?? 0,
      counterNumber: t.counter_number ?? 0,
      status: 'open',
      currentTicket: t.number,
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

export async function publishCounterChanged(
  ctx: AppContext,
  tx: Tx,
  c: {
    mallId: number;
    id: number;
    number: number;
    zoneId: number | null;
    status: string;
    currentTicket: string | null;
  },
  at: string,
) {
  const payload = {
    counterId: c.id,
    counterNumber: c.number,
    status: c.status,
    currentTicket: c.currentTicket,
  };
  await publish(ctx, tx, c.mallId, [], [{ type: 'counter.changed', zoneId: c.zoneId, payload }], at);
}
