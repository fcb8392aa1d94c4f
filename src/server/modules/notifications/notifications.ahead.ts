import { localDayStart } from '../../../shared/domain/local-time.js';
import type { Tx } from '../../db/tx.js';
import { callOrder } from '../queue/call-order.js';
import * as etaRepo from '../queue/eta.repo.js';
import * as queueRepo from '../queue/queue.repo.js';

/** A waiting ticket whose people-ahead count is asked for. */
export interface AheadOf {
  ticketId: number;
  serviceId: number;
  queuePrefix: string;
  localDate: string;
}

/**
 * People ahead of each ticket (its place in the call order minus one), exactly as the citizen's
 * ticket page shows it (`positionAndEta` → position − 1): the same call rule (`callOrder`) over the
 * same waiting group, priority streak of the ticket's day and its own service's priority policy.
 *
 * Read inside the queue change's own transaction, so it sees the change itself: the in-memory queue
 * index only moves after COMMIT. One read of the waiting group per queue group asked about, only
 * when the mall has open notification requests in it (usually none). Tickets no longer waiting are
 * left out of the answer.
 */
export async function peopleAheadInTx(
  tx: Tx,
  mallId: number,
  timeZone: string,
  tickets: AheadOf[],
  now: Date,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const byPrefix = new Map<string, AheadOf[]>();
  for (const t of tickets) byPrefix.set(t.queuePrefix, [...(byPrefix.get(t.queuePrefix) ?? []), t]);
  for (const [prefix, asked] of byPrefix) {
    const [group, groupServices, policies] = await Promise.all([
      queueRepo.waitingInGroup(tx.db, mallId, prefix),
      etaRepo.groupServiceIds(tx.db, mallId, prefix),
      queueRepo.servicePolicies(tx.db, [...new Set(asked.map((t) => t.serviceId))]),
    ]);
    const waiting = group.map((g) => ({ id: g.id, priority: g.priority, queuedAt: g.queued_at }));
    // One call order per (service policy, day) among the tickets asked about.
    const orders = new Map<string, Map<number, number>>();
    for (const t of asked) {
      const row = policies.find((p) => p.id === t.serviceId);
      const policy = {
        maxStreak: row?.priority_max_streak ?? 3,
        maxWaitMinutes: row?.priority_max_wait_minutes ?? null,
      };
      const key = `${policy.maxStreak}:${policy.maxWaitMinutes}:${t.localDate}`;
      let places = orders.get(key);
      if (!places) {
        const dayStart = localDayStart(t.localDate, timeZone).toISOString();
        const streak = await queueRepo.priorityStreak(
          tx.db,
          mallId,
          groupServices,
          policy.maxStreak,
          dayStart,
        );
        places = new Map(callOrder(waiting, policy, streak, now).map((w, i) => [w.id, i]));
        orders.set(key, places);
      }
      const ahead = places.get(t.ticketId);
      if (ahead !== undefined) out.set(t.ticketId, ahead);
    }
  }
  return out;
}
