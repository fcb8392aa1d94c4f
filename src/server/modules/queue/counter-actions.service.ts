import type { z } from 'zod';
import type { FinishInput, TransferInput } from '../../../shared/contracts/queue.js';
import { localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { pickNext } from './call-order.js';
import { type OperableCounter, operableCounter } from './counter-access.js';
import { endEarlierDaysInTx } from './day-end.service.js';
import { publishCall, publishCounterChanged } from './queue.events.js';
import { toTicketDto } from './queue.mapper.js';
import * as repo from './queue.repo.js';

const illegal = (action: string, status: string) =>
  new AppError(
    'ILLEGAL_TRANSITION',
    `Tiket berstatus "${status}" tidak dapat di-${action} (cannot ${action} a ${status} ticket).`,
  );

async function policyFor(tx: Tx, serviceIds: number[]) {
  const rows = await repo.servicePolicies(tx.db, serviceIds);
  const maxStreak = Math.min(...rows.map((r) => r.priority_max_streak), 100);
  const waits = rows.map((r) => r.priority_max_wait_minutes).filter((w): w is number => w !== null);
  return { maxStreak, maxWaitMinutes: waits.length ? Math.min(...waits) : null };
}

async function claim(
  ctx: AppContext,
  tx: Tx,
  counter: OperableCounter,
  actor: Actor,
  ticketId: number,
  at: string,
) {
  const ok = await repo.transition(tx.db, ticketId, ['waiting'], {
    status: 'called',
    counter_id: counter.id,
    officer_id: actor.id,
    called_at: at,
    target_counter_id: null,
  });
  if (!ok) return null;
  const t = (await repo.findTicket(tx.db, counter.mall_id, ticketId))!;
  await repo.insertTicketEvent(tx.db, {
    mallId: t.mall_id,
    ticketId,
    serviceId: t.service_id,
    type: 'called',
    at,
    counterId: counter.id,
    officerId: actor.id,
  });
  await publishCall(ctx, tx, t, 'ticket.called', at);
  return t;
}

/**
 * Calls the next ticket for a counter, per the priority rule. The claim is a conditional update
 * (status must still be 'waiting'): when another counter won the race, we pick again, so no ticket is
 * ever called by two counters on either database.
 */
export async function callNext(ctx: AppContext, mall: MallRecord, actor: Actor, counterId: number) {
  const now = ctx.now();
  const at = now.toISOString();
  const view = await ctx.database.group.run(mall.id, async (tx) => {
    await lockMallQueue(tx, mall.id);
    const today = localMoment(now, mall.timezone).date;
    await endEarlierDaysInTx(ctx, tx, mall, today);
    const counter = await operableCounter(tx, mall.id, actor, counterId);
    if (counter.status !== 'open')
      throw new AppError('COUNTER_CLOSED', 'Loket sedang tutup/istirahat (counter is not open).');
    const policy = await policyFor(tx, counter.serviceIds);
    // The streak counts only today's calls: yesterday's last calls do not hold back today's first.
    const since = localDayStart(today, mall.timezone).toISOString();
    for (let attempt = 0; attempt < 100; attempt++) {
      const waiting = await repo.waitingLineForCounter(tx.db, mall.id, counter.serviceIds, counter.id);
      const streak = await repo.priorityStreak(tx.db, mall.id, counter.serviceIds, policy.maxStreak, since);
      const next = pickNext(
        waiting.map((w) => ({ id: w.id, priority: w.priority, queuedAt: w.queued_at })),
        policy,
        streak,
        now,
      );
      if (!next) return null;
      const t = await claim(ctx, tx, counter, actor, next.id, at);
      if (t) return t;
    }
    throw new AppError('CONFLICT', 'Antrean sedang sibuk, coba lagi (queue busy, retry).');
  });
  return view ? toTicketDto(view, null, null) : null;
}

/** Calls one waiting ticket out of order; the reason is required and audited. */
export async function callSpecific(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  counterId: number,
  ticketId: number,
  reason: string,
) {
  const at = ctx.now().toISOString();
  const view = await ctx.database.group.run(mall.id, async (tx) => {
    await lockMallQueue(tx, mall.id);
    await endEarlierDaysInTx(ctx, tx, mall, localMoment(ctx.now(), mall.timezone).date);
    const counter = await operableCounter(tx, mall.id, actor, counterId);
    if (counter.status !== 'open')
      throw new AppError('COUNTER_CLOSED', 'Loket sedang tutup/istirahat (counter is not open).');
    const before = await repo.findTicket(tx.db, mall.id, ticketId);
    if (!before) throw notFound('TICKET_NOT_FOUND', 'Tiket');
    if (!counter.serviceIds.includes(before.service_id)) {
      throw new AppError(
        'UNPROCESSABLE',
        'Loket ini tidak melayani layanan tiket tersebut (counter does not serve this service).',
      );
    }
    const t = await claim(ctx, tx, counter, actor, ticketId, at);
    if (!t)
      throw before.status === 'waiting'
        ? new AppError('TICKET_ALREADY_CALLED', 'Tiket sudah dipanggil loket lain.')
        : illegal('panggil', before.status);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'ticket.call_specific',
      entity: 'ticket',
      entityId: ticketId,
      before: { status: before.status },
      after: { status: 'called', counterId, reason },
      at,
    });
    return t;
  });
  return toTicketDto(view, null, null);
}

export async function setCounterStatus(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  counterId: number,
  status: 'open' | 'closed' | 'break',
) {
  const at = ctx.now().toISOString();
  await ctx.database.group.run(mall.id, (tx) =>
    changeCounterStatus(ctx, tx, mall, actor, counterId, status, null, at),
  );
}

/**
 * A counter's state change inside the caller's transaction: the queue lock, the audit row and the
 * board's `counter.changed` event; `reason` (an approved break or closure request's) shows on boards.
 */
export async function changeCounterStatus(
  ctx: AppContext,
  tx: Tx,
  mall: MallRecord,
  actor: Actor,
  counterId: number,
  status: 'open' | 'closed' | 'break',
  reason: string | null,
  at: string,
) {
  await lockMallQueue(tx, mall.id);
  const counter = await operableCounter(tx, mall.id, actor, counterId);
  await repo.setCounterStatus(tx.db, counterId, status, at, reason);
  await appendAudit(tx, {
    mallId: mall.id,
    actorId: actor.id,
    action: 'counter.status',
    entity: 'counter',
    entityId: counterId,
    before: { status: counter.status },
    after: { status, ...(reason ? { reason } : {}) },
    at,
  });
  const current = (await repo.currentAtCounter(tx.db, mall.id, counterId))[0];
  await publishCounterChanged(
    ctx,
    tx,
    {
      mallId: mall.id,
      id: counterId,
      number: counter.number,
      name: counter.name,
      zoneId: counter.zone_id,
      status,
      statusReason: status === 'open' ? null : reason,
      current: current ? { number: current.number, serviceName: current.service_name } : null,
    },
    at,
  );
}

export type FinishBody = z.infer<typeof FinishInput>;
export type TransferBody = z.infer<typeof TransferInput>;
export { illegal };
