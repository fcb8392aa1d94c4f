import { authorize } from '../../auth/guard.js';
import type { Actor } from '../../auth/policy.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import * as repo from './queue.repo.js';

/** Loads a live counter of the mall and checks the actor may operate it (403 for another agency's). */
export async function operableCounter(tx: Tx, mallId: number, actor: Actor, counterId: number) {
  const counter = await tx.db
    .selectFrom('counters')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', counterId)
    .executeTakeFirst();
  if (!counter || counter.retired_at) throw notFound('COUNTER_NOT_FOUND', 'Loket');
  authorize(actor, 'counter.operate', { mallId, agencyId: counter.agency_id, counterId });
  const serviceIds = (await repo.counterServiceIds(tx.db, counterId)).map((r) => r.service_id);
  return { ...counter, serviceIds };
}

export type OperableCounter = Awaited<ReturnType<typeof operableCounter>>;

/**
 * The counter through which an actor acts on a ticket: the one it was called to, or, for a ticket
 * still waiting, one of the actor's counters that serves its service (admins need none).
 */
export async function counterForTicket(tx: Tx, mallId: number, actor: Actor, t: repo.TicketView) {
  if (t.counter_id) return operableCounter(tx, mallId, actor, t.counter_id);
  const candidates = await tx.db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .select(['counters.id'])
    .where('counter_services.service_id', '=', t.service_id)
    .where('counters.retired_at', 'is', null)
    .execute();
  let denied: unknown;
  for (const c of candidates) {
    try {
      return await operableCounter(tx, mallId, actor, c.id);
    } catch (err) {
      denied = err;
    }
  }
  throw (
    denied ??
    new AppError(
      'FORBIDDEN',
      'Tidak ada loket Anda yang melayani tiket ini (no counter of yours serves this ticket).',
    )
  );
}
