import type { Kysely } from 'kysely';
import type { StandardBody } from '../../../shared/contracts/catalog.js';
import type { DB } from '../../db/schema.js';
import { callOrder } from './call-order.js';
import { estimateWaitMinutes } from './eta.js';
import * as repo from './queue.repo.js';

/** Fallback minutes per citizen from the published completion time (counter services are in minutes). */
async function fallbackMinutes(db: Kysely<DB>, serviceId: number): Promise<number> {
  const std = await db
    .selectFrom('service_standards')
    .select('body')
    .where('service_id', '=', serviceId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  const t = std ? (JSON.parse(std.body) as StandardBody).completionTime : null;
  return t && t.unit === 'minutes' ? Math.min(60, Math.max(3, t.value)) : 10;
}

/**
 * Live position (1 = next) of a waiting ticket within its queue group, in the order the call rule
 * will actually call, and the estimated wait in minutes. Null for tickets no longer waiting.
 */
export async function positionAndEta(
  db: Kysely<DB>,
  t: repo.TicketView,
  now: Date,
): Promise<{ position: number | null; eta: number | null }> {
  if (t.status !== 'waiting') return { position: null, eta: null };
  const group = await repo.waitingInGroup(db, t.mall_id, t.queue_prefix);
  const [policy] = await repo.servicePolicies(db, [t.service_id]);
  const streak = await repo.priorityStreak(db, t.mall_id, [t.service_id], policy?.priority_max_streak ?? 3);
  const order = callOrder(
    group.map((g) => ({ id: g.id, priority: g.priority, queuedAt: g.queued_at })),
    {
      maxStreak: policy?.priority_max_streak ?? 3,
      maxWaitMinutes: policy?.priority_max_wait_minutes ?? null,
    },
    streak,
    now,
  );
  const idx = order.findIndex((o) => o.id === t.id);
  if (idx < 0) return { position: null, eta: null };
  const [recent, fallback, open] = await Promise.all([
    repo.recentServiceMinutes(db, t.mall_id, t.service_id),
    fallbackMinutes(db, t.service_id),
    repo.openCountersFor(db, t.service_id),
  ]);
  return {
    position: idx + 1,
    eta: estimateWaitMinutes({
      ahead: idx,
      recentMinutes: recent,
      fallbackMinutes: fallback,
      openCounters: open,
    }),
  };
}
