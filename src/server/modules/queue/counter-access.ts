import { authorize } from '../../auth/guard.js';
import { type Actor, can } from '../../auth/policy.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import * as repo from './queue.repo.js';

/** Loads a live counter of the mall and checks the actor may operate it (403 for another agency's). */
export async function operableCounter(tx: Tx, mallId: number, actor: Actor, counterId: number) {
  const counter = await repo.findCounter(tx.db, mallId, counterId);
  if (!counter || counter.retired_at) throw notFound('COUNTER_NOT_FOUND', 'Loket');
  authorize(actor, 'counter.operate', { mallId, agencyId: counter.agency_id, counterId });
  const serviceIds = (await repo.counterServiceIds(tx.db, counterId)).map((r) => r.service_id);
  return { ...counter, serviceIds };
}

export type OperableCounter = Awaited<ReturnType<typeof operableCounter>>;

/**
 * The counter through which an actor acts on a ticket: the one it was called to, or, for a ticket
 * still waiting, the first counter serving its service that the policy lets the actor operate.
 */
export async function counterForTicket(tx: Tx, mallId: number, actor: Actor, t: repo.TicketView) {
  if (t.counter_id) return operableCounter(tx, mallId, actor, t.counter_id);
  const candidates = await repo.countersServing(tx.db, mallId, t.service_id);
  const mine = candidates.find((c) =>
    can(actor, 'counter.operate', { mallId, agencyId: c.agency_id, counterId: c.id }),
  );
  if (!mine)
    throw new AppError(
      'FORBIDDEN',
      'Tidak ada loket Anda yang melayani tiket ini (no counter of yours serves this ticket).',
    );
  return operableCounter(tx, mallId, actor, mine.id);
}
