import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CounterQueue, PublicTicket } from '../../../shared/contracts/queue.js';
import { localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { callOrder } from './call-order.js';
import { operableCounter } from './counter-access.js';
import { endEarlierDays } from './day-end.service.js';
import { positionAndEta } from './positions.js';
import { toTicketDto } from './queue.mapper.js';
import * as repo from './queue.repo.js';

/** "Your turn is near" when at most this many people are ahead. */
export const NEAR = 3;

export const turnIsNear = (status: string, position: number | null) =>
  status === 'called' || (position !== null && position <= NEAR);

/** A citizen's ticket by tracking code, or 404 TICKET_NOT_FOUND. */
export async function ticketByCode(ctx: AppContext, mall: MallRecord, code: string) {
  const t = await repo.findTicketByTracking(ctx.database.db, mall.id, code.toUpperCase());
  if (!t) throw new AppError('TICKET_NOT_FOUND', 'Tiket tidak ditemukan (ticket not found).');
  return t;
}

/** The citizen's view of a ticket at a known standing: no personal data, no internal ids. */
export async function publicTicketOf(
  db: Kysely<DB>,
  mall: MallRecord,
  t: repo.TicketView,
  position: number | null,
  eta: number | null,
): Promise<z.infer<typeof PublicTicket>> {
  const { id: _id, ...dto } = toTicketDto(t, position, eta);
  let nextTicket = null;
  if (t.visit_id) {
    // Only the same visit's next step: the citizen's own journey, never another citizen's ticket.
    const later = (await repo.ticketsOfVisit(db, t.visit_id)).find((x) => x.id > t.id);
    if (later)
      nextTicket = {
        number: later.number,
        trackingCode: later.tracking_code,
        serviceName: later.service_name,
      };
  }
  return {
    ...dto,
    mallName: mall.name,
    localDate: t.local_date,
    turnIsNear: turnIsNear(t.status, position),
    nextTicket,
  };
}

export async function publicTicket(
  ctx: AppContext,
  mall: MallRecord,
  code: string,
): Promise<z.infer<typeof PublicTicket>> {
  await endEarlierDays(ctx, mall);
  const t = await ticketByCode(ctx, mall, code);
  const { position, eta } = await positionAndEta(ctx, t, ctx.now(), mall.timezone);
  return publicTicketOf(ctx.database.db, mall, t, position, eta);
}

/**
 * The counter console's view: its current ticket(s) and its waiting line in call order. No access
 * check here: callers check `counter.operate` first (counterQueue, the counter stream's route).
 */
export async function counterQueueView(
  db: Kysely<DB>,
  mall: Pick<MallRecord, 'id' | 'timezone'>,
  counterId: number,
  now: Date,
): Promise<z.infer<typeof CounterQueue>> {
  const mallId = mall.id;
  const counter = await repo.findCounter(db, mallId, counterId);
  if (!counter || counter.retired_at) throw notFound('COUNTER_NOT_FOUND', 'Loket');
  const serviceIds = (await repo.counterServiceIds(db, counterId)).map((r) => r.service_id);
  const [current, waiting, policies] = await Promise.all([
    repo.currentAtCounter(db, mallId, counterId),
    repo.waitingForCounter(db, mallId, serviceIds, counterId),
    repo.servicePolicies(db, serviceIds),
  ]);
  const maxStreak = Math.min(...policies.map((p) => p.priority_max_streak), 100);
  const waits = policies.map((p) => p.priority_max_wait_minutes).filter((w): w is number => w !== null);
  // The streak of priority calls counts today's calls only (the mall's local day).
  const since = localDayStart(localMoment(now, mall.timezone).date, mall.timezone).toISOString();
  const streak = await repo.priorityStreak(db, mallId, serviceIds, maxStreak, since);
  const order = callOrder(
    waiting.map((w) => ({ id: w.id, priority: w.priority, queuedAt: w.queued_at })),
    { maxStreak, maxWaitMinutes: waits.length ? Math.min(...waits) : null },
    streak,
    now,
  );
  const byId = new Map(waiting.map((w) => [w.id, w]));
  return {
    counter: {
      id: counter.id,
      number: counter.number,
      name: counter.name,
      status: counter.status as z.infer<typeof CounterQueue>['counter']['status'],
      serviceIds,
    },
    current: current[0] ? toTicketDto(current[0], null, null) : null,
    waiting: order.map((o, i) => toTicketDto(byId.get(o.id)!, i + 1, null)),
  };
}

/** Checks the actor may operate the counter (403 for another agency's, 404 for none); returns it. */
export function watchableCounter(ctx: AppContext, mall: MallRecord, actor: Actor, counterId: number) {
  return inTransaction(ctx.database.db, (tx) => operableCounter(tx, mall.id, actor, counterId));
}

export async function counterQueue(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  counterId: number,
): Promise<z.infer<typeof CounterQueue>> {
  await watchableCounter(ctx, mall, actor, counterId);
  await endEarlierDays(ctx, mall);
  return counterQueueView(ctx.database.db, mall, counterId, ctx.now());
}
