import type { TicketCalledEvent } from '../../../shared/contracts/events.js';
import { announcementText, spokenAnnouncement } from '../../../shared/domain/number-words.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { appendLiveEvent } from '../../events/live-events.repo.js';
import type { TicketView } from './queue.repo.js';

/** Live events of the queue, appended in the state change's transaction and fanned out after commit. */
async function waitingCount(tx: Tx, mallId: number, serviceId: number): Promise<number> {
  const r = await tx.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', mallId)
    .where('service_id', '=', serviceId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function afterCommitPublish(tx: Tx, ctx: AppContext, mallId: number) {
  tx.afterCommit(() => ctx.hub.published(mallId));
}

export async function publishQueueChanged(ctx: AppContext, tx: Tx, t: TicketView, at: string) {
  await appendLiveEvent(
    tx,
    t.mall_id,
    'queue.changed',
    null,
    {
      serviceId: t.service_id,
      waiting: await waitingCount(tx, t.mall_id, t.service_id),
      ticketId: t.id,
      trackingCode: t.tracking_code,
      status: t.status,
    },
    at,
  );
  afterCommitPublish(tx, ctx, t.mall_id);
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
  await appendLiveEvent(tx, t.mall_id, type, t.counter_zone_id, callPayload(t, at), at);
  await appendLiveEvent(
    tx,
    t.mall_id,
    'counter.changed',
    t.counter_zone_id,
    {
      counterId: t.counter_id ?? 0,
      counterNumber: t.counter_number ?? 0,
      status: 'open',
      currentTicket: t.number,
    },
    at,
  );
  await publishQueueChanged(ctx, tx, t, at);
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
  await appendLiveEvent(
    tx,
    c.mallId,
    'counter.changed',
    c.zoneId,
    { counterId: c.id, counterNumber: c.number, status: c.status, currentTicket: c.currentTicket },
    at,
  );
  afterCommitPublish(tx, ctx, c.mallId);
}
