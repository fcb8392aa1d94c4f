import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { callOrder } from './call-order.js';
import { estimateWait, shrunkMinutes, typicalMinutes } from './eta.js';
import * as etaRepo from './eta.repo.js';
import * as repo from './queue.repo.js';

/** Without history or a published counter time, a citizen is assumed to take this many minutes. */
const DEFAULT_MINUTES = 10;
/** Newcomers are expected at the rate of the last hour, until closing but at most two hours ahead. */
const RATE_WINDOW_MINUTES = 60;
const ARRIVAL_HORIZON_MINUTES = 120;

/**
 * Typical counter minutes (call → finish) of each service involved: its own recent history, pulled
 * toward its published time (or the queue group's typical time when the standard counts working days).
 */
async function typicalByService(db: Kysely<DB>, mallId: number, serviceIds: number[]) {
  const [recent, published] = await Promise.all([
    etaRepo.recentMinutesByService(db, mallId, serviceIds),
    etaRepo.publishedMinutes(db, serviceIds),
  ]);
  const group = typicalMinutes([...recent.values()].flat(), DEFAULT_MINUTES);
  return (serviceId: number | null) =>
    serviceId === null
      ? group
      : shrunkMinutes(recent.get(serviceId) ?? [], published.get(serviceId) ?? group);
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
  const [group, groupServices, [row]] = await Promise.all([
    repo.waitingInGroup(db, t.mall_id, t.queue_prefix),
    etaRepo.groupServiceIds(db, t.mall_id, t.queue_prefix),
    repo.servicePolicies(db, [t.service_id]),
  ]);
  const policy = {
    maxStreak: row?.priority_max_streak ?? 3,
    maxWaitMinutes: row?.priority_max_wait_minutes ?? null,
  };
  // The counters call over the whole group, so the streak of priority calls is the group's.
  const streak = await repo.priorityStreak(db, t.mall_id, groupServices, policy.maxStreak);
  const order = callOrder(
    group.map((g) => ({ id: g.id, priority: g.priority, queuedAt: g.queued_at })),
    policy,
    streak,
    now,
  );
  const idx = order.findIndex((o) => o.id === t.id);
  if (idx < 0) return { position: null, eta: null };
  const since = new Date(now.getTime() - RATE_WINDOW_MINUTES * 60_000).toISOString();
  const [loads, seen, closing] = await Promise.all([
    etaRepo.counterLoads(db, t.mall_id, t.service_id),
    etaRepo.arrivalsSince(db, t.mall_id, groupServices, t.local_date, since),
    etaRepo.minutesToClosing(db, t.mall_id, now),
  ]);
  const rate = seen.recent / RATE_WINDOW_MINUTES;
  const share = seen.today ? seen.todayPriority / seen.today : 0;
  const serviceIds = [
    ...new Set([...groupServices, ...loads.flatMap((l) => (l.serviceId === null ? [] : [l.serviceId]))]),
  ];
  const typical = await typicalByService(db, t.mall_id, serviceIds);
  return {
    position: idx + 1,
    eta: estimateWait({
      ticketId: t.id,
      waiting: group.map((g) => ({
        id: g.id,
        priority: g.priority,
        queuedAt: g.queued_at,
        minutes: typical(g.service_id),
      })),
      policy,
      priorityStreak: streak,
      now,
      arrivals: {
        regularPerMinute: rate * (1 - share),
        priorityPerMinute: rate * share,
        minutes: typical(null),
        untilMinutes: Math.min(ARRIVAL_HORIZON_MINUTES, closing),
      },
      counters: loads.map((l) => ({
        busyForMinutes: l.calledAt ? (now.getTime() - Date.parse(l.calledAt)) / 60_000 : null,
        currentTypicalMinutes: typical(l.serviceId),
      })),
    }),
  };
}
