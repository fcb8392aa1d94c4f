import type { Kysely } from 'kysely';
import { localDayStart } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { callOrder, positionsInLines } from './call-order.js';
import { estimateWait, type QueuedTicket, replayAll, shrunkMinutes, typicalMinutes } from './eta.js';
import * as etaRepo from './eta.repo.js';
import * as repo from './queue.repo.js';
import type { IndexedTicket, MallQueue, QueueGroup } from './queue-index.js';

/** Without history or a published counter time, a citizen is assumed to take this many minutes. */
const DEFAULT_MINUTES = 10;
/** Newcomers are expected at the rate of the last hour, until closing but at most two hours ahead. */
const RATE_WINDOW_MINUTES = 60;
const ARRIVAL_HORIZON_MINUTES = 120;
/**
 * The ETA replay (with its expected newcomers) runs for the first this-many places of a group; later
 * places get the replayed pace extrapolated. Keeps one evaluation bounded when a line runs into the
 * thousands (a synthetic load; the day simulator's lines stay far below it), positions stay exact.
 */
const EXACT_ETA_PLACES = 500;

/**
 * Typical counter minutes (call → finish) of each service involved: its own recent history, pulled
 * toward its published time (or the queue group's typical time when the standard counts working days).
 */
function typicalFrom(recent: Map<number, number[]>, published: Map<number, number>) {
  const group = typicalMinutes([...recent.values()].flat(), DEFAULT_MINUTES);
  return (serviceId: number | null) =>
    serviceId === null
      ? group
      : shrunkMinutes(recent.get(serviceId) ?? [], published.get(serviceId) ?? group);
}

async function typicalByService(db: Kysely<DB>, mallId: number, serviceIds: number[]) {
  const [recent, published] = await Promise.all([
    etaRepo.recentMinutesByService(db, mallId, serviceIds),
    etaRepo.publishedMinutes(db, serviceIds),
  ]);
  return typicalFrom(recent, published);
}

type PositionAndEta = { position: number | null; eta: number | null };

/**
 * Live position (1 = next) of a waiting ticket within its queue group, in the order the call rule
 * will actually call, and the estimated wait in minutes. Null for tickets no longer waiting.
 * The one seam for positions: answered from the in-memory queue index (no read of the waiting group).
 */
export async function positionAndEta(
  ctx: AppContext,
  t: repo.TicketView,
  now: Date,
  /** The mall's time zone (for the fallback read; the index knows the day of its streak). */
  timeZone?: string,
): Promise<PositionAndEta> {
  if (t.status !== 'waiting') return { position: null, eta: null };
  const mq = await ctx.queueIndex.mall(t.mall_id);
  const at = mq.where.get(t.id);
  // Not (yet) in the index: only when this node is behind a commit it has not heard of.
  if (!at) return positionAndEtaFromDb(ctx.database.db, t, now, timeZone);
  // One walk answers every ticket of the group that shares this service's counters and policy, so
  // the pages following a group after a call cost one replay, not one each. Reused until the next
  // live event of the mall or the next second.
  const key = `${t.queue_prefix}:${t.service_id}`;
  const stamp = `${mq.seq}:${Math.floor(now.getTime() / 1000)}`;
  let hit = mq.evaluations.get(key);
  if (!hit || hit.stamp !== stamp) {
    hit = { stamp, value: evaluateGroup(ctx, mq, at.group, t, now) };
    mq.evaluations.set(key, hit);
    hit.value.catch(() => mq.evaluations.delete(key));
  }
  return (await hit.value).get(t.id) ?? { position: null, eta: null };
}

/** Positions and ETAs of the whole group as seen by tickets of `t`'s service. */
async function evaluateGroup(
  ctx: AppContext,
  mq: MallQueue,
  group: QueueGroup,
  t: repo.TicketView,
  now: Date,
): Promise<Map<number, PositionAndEta>> {
  const index = ctx.queueIndex;
  const [groupServices, policy] = await Promise.all([
    index.groupServiceIds(mq, t.queue_prefix),
    index.policy(mq, t.service_id),
  ]);
  // The streak counts only the calls of the ticket's own day.
  const streak = group.streakDate === t.local_date ? Math.min(group.streak, policy.maxStreak) : 0;
  const [loads, seen, closing] = await Promise.all([
    index.counterLoads(mq, t.service_id),
    index.arrivals(mq, group, groupServices, t.local_date, now),
    index.minutesToClosing(mq, now),
  ]);
  const serviceIds = [
    ...new Set([...groupServices, ...loads.flatMap((l) => (l.serviceId === null ? [] : [l.serviceId]))]),
  ];
  const [recent, published] = await Promise.all([
    index.recentMinutes(mq, serviceIds),
    index.publishedMinutes(mq, serviceIds),
  ]);
  const typical = typicalFrom(recent, published);
  const minutes = new Map<number, number>();
  const withMinutes = function* (line: Iterable<IndexedTicket>): Generator<QueuedTicket> {
    for (const e of line) {
      let m = minutes.get(e.serviceId);
      if (m === undefined) {
        m = typical(e.serviceId);
        minutes.set(e.serviceId, m);
      }
      yield { id: e.id, priority: e.priority, queuedAt: e.queuedAt, minutes: m };
    }
  };
  const rate = seen.recent / RATE_WINDOW_MINUTES;
  const share = seen.today ? seen.todayPriority / seen.today : 0;
  // Walked synchronously from here on: the lines cannot change under the walk.
  const positions = positionsInLines(group.regular.values(), group.priority.values(), policy, streak, now);
  const etas = replayAll(
    {
      regular: withMinutes(group.regular.values()),
      priority: withMinutes(group.priority.values()),
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
    },
    group.regular.size + group.priority.size,
    EXACT_ETA_PLACES,
  );
  // Beyond the replayed places, the pace of the replayed ones carries on (see EXACT_ETA_PLACES).
  if (etas.size === EXACT_ETA_PLACES) {
    let last = 0;
    for (const m of etas.values()) last = Math.max(last, m);
    const perPlace = last / EXACT_ETA_PLACES;
    for (const [id, position] of positions)
      if (!etas.has(id)) etas.set(id, Math.round(last + (position - EXACT_ETA_PLACES) * perPlace));
  }
  const out = new Map<number, PositionAndEta>();
  for (const [id, position] of positions) out.set(id, { position, eta: etas.get(id) ?? null });
  return out;
}

/**
 * The same answer from the tables (the whole waiting group and the counters replayed): the reference
 * the index is tested against, and the fallback while a node has not yet heard of a commit.
 */
export async function positionAndEtaFromDb(
  db: Kysely<DB>,
  t: repo.TicketView,
  now: Date,
  /** The mall's time zone: the priority streak counts only calls of the ticket's own day. */
  timeZone = 'Asia/Jakarta',
): Promise<PositionAndEta> {
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
  const dayStart = localDayStart(t.local_date, timeZone).toISOString();
  const streak = await repo.priorityStreak(db, t.mall_id, groupServices, policy.maxStreak, dayStart);
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
