import type { z } from 'zod';
import type { CounterQueue, PublicTicket } from '../../../shared/contracts/queue.js';
import { localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { callOrder } from './call-order.js';
import { operableCounter } from './counter-access.js';
import { endEarlierDays } from './day-end.service.js';
import { positionAndEta } from './positions.js';
import { toTicketDto } from './queue.mapper.js';
import * as repo from './queue.repo.js';

/** "Your turn is near" when at most this many people are ahead. */
const NEAR = 3;

export async function publicTicket(
  ctx: AppContext,
  mall: MallRecord,
  code: string,
): Promise<z.infer<typeof PublicTicket>> {
  await endEarlierDays(ctx, mall);
  const db = ctx.database.db;
  const t = await repo.findTicketByTracking(db, mall.id, code.toUpperCase());
  if (!t) throw new AppError('TICKET_NOT_FOUND', 'Tiket tidak ditemukan (ticket not found).');
  const { position, eta } = await positionAndEta(ctx, t, ctx.now(), mall.timezone);
  const { id: _id, ...dto } = toTicketDto(t, position, eta);
  let nextTicket = null;
  if (t.visit_id) {
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
    turnIsNear: t.status === 'called' || (position !== null && position <= NEAR),
    nextTicket,
  };
}

/** The counter console's view: its current ticket(s) and its waiting line in call order. */
export async function counterQueue(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  counterId: number,
): Promise<z.infer<typeof CounterQueue>> {
  await endEarlierDays(ctx, mall);
  return inTransaction(ctx.database.db, async (tx) => {
    const counter = await operableCounter(tx, mall.id, actor, counterId);
    const [current, waiting, policies] = await Promise.all([
      repo.currentAtCounter(tx.db, mall.id, counterId),
      repo.waitingForCounter(tx.db, mall.id, counter.serviceIds, counterId),
      repo.servicePolicies(tx.db, counter.serviceIds),
    ]);
    const maxStreak = Math.min(...policies.map((p) => p.priority_max_streak), 100);
    const waits = policies.map((p) => p.priority_max_wait_minutes).filter((w): w is number => w !== null);
    const today = localMoment(ctx.now(), mall.timezone).date;
    const since = localDayStart(today, mall.timezone).toISOString();
    const streak = await repo.priorityStreak(tx.db, mall.id, counter.serviceIds, maxStreak, since);
    const order = callOrder(
      waiting.map((w) => ({ id: w.id, priority: w.priority, queuedAt: w.queued_at })),
      { maxStreak, maxWaitMinutes: waits.length ? Math.min(...waits) : null },
      streak,
      ctx.now(),
    );
    const byId = new Map(waiting.map((w) => [w.id, w]));
    return {
      counter: {
        id: counter.id,
        number: counter.number,
        name: counter.name,
        status: counter.status as z.infer<typeof CounterQueue>['counter']['status'],
        serviceIds: counter.serviceIds,
      },
      current: current[0] ? toTicketDto(current[0], null, null) : null,
      waiting: order.map((o, i) => toTicketDto(byId.get(o.id)!, i + 1, null)),
    };
  });
}
