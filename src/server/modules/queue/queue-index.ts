import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LiveEvent } from '../../../shared/contracts/events.js';
import type { DB } from '../../db/schema.js';
import { currentLiveSeq, readLiveEventsAfter } from '../../events/live-events.repo.js';
import { byQueuedAt, type PriorityPolicy, type WaitingTicket } from './call-order.js';
import * as etaRepo from './eta.repo.js';
import { OrderedSet } from './ordered-set.js';
import * as repo from './queue.repo.js';
import * as indexRepo from './queue-index.repo.js';

/**
 * In-memory index of every waiting line, per mall and queue group (one prefix), so a position or an
 * ETA never reads the waiting group from the database. Exact: built once per mall from the database
 * (in one snapshot, together with the mall's live-event sequence), then moved forward only by the
 * mall's live events in sequence order — applied straight from the committed rows on this node, read
 * back (ticket rows by id) for events another node wrote (PostgreSQL, woken by NOTIFY). A gap in the
 * sequence (events pruned while this node was behind) rebuilds the mall.
 *
 * Also caches the ETA's other inputs, each dropped by the events that change it: counter loads (any
 * call, finish, counter change), recent service durations (a finish), arrivals (kept up by issues);
 * catalog facts (group services, priority policy, published times, opening hours) live CATALOG_TTL_MS.
 */

export interface PositionAndEtaValue {
  position: number | null;
  eta: number | null;
}

export interface IndexedTicket extends WaitingTicket {
  serviceId: number;
}

/** Catalog facts change by admin action only; a few seconds' lag only touches estimates. */
const CATALOG_TTL_MS = 5_000;
/** Every trailing priority call beyond the largest allowed streak is irrelevant. */
const STREAK_LOOKBACK = 100;

export class QueueGroup {
  readonly regular = new OrderedSet<IndexedTicket>(byQueuedAt);
  readonly priority = new OrderedSet<IndexedTicket>(byQueuedAt);
  /** Priority calls in a row at the end of the group's calls. */
  streak = 0;
  /** The local day of the group's last call: the streak counts only that day's calls. */
  streakDate: string | null = null;
  /**
   * Issues of one local day: counted from the table once (`base`, `priority`, issue times of the
   * last hour), then kept up by the issues applied since (`ids`, so a ticket is added once).
   */
  arrivals: { date: string; base: number; ids: Set<number>; times: number[]; priority: number } | undefined;

  line(t: { priority: string | null }) {
    return t.priority ? this.priority : this.regular;
  }
}

interface Cached<T> {
  at: number;
  value: T;
}

export class MallQueue {
  readonly groups = new Map<string, QueueGroup>();
  /** Last evaluation of a group per service (positions.ts), stamped with the event seq and second. */
  readonly evaluations = new Map<
    string,
    { stamp: string; value: Promise<Map<number, PositionAndEtaValue>> }
  >();
  readonly where = new Map<number, { group: QueueGroup; entry: IndexedTicket }>();
  /** Counter loads per service (see etaRepo.counterLoads). */
  readonly loads = new Map<number, Promise<Awaited<ReturnType<typeof etaRepo.counterLoads>>>>();
  /** Recent durations per service. */
  readonly recent = new Map<number, number[]>();
  catalog: Cached<Map<number, string>> | undefined;
  readonly policies = new Map<number, Cached<Promise<PriorityPolicy>>>();
  readonly published = new Map<number, Cached<number | undefined>>();
  closing: Cached<Promise<number>> & { now: number } = { at: 0, now: 0, value: Promise.resolve(0) };

  constructor(
    readonly mallId: number,
    public seq: number,
  ) {}

  group(prefix: string): QueueGroup {
    let g = this.groups.get(prefix);
    if (!g) {
      g = new QueueGroup();
      this.groups.set(prefix, g);
    }
    return g;
  }

  remove(id: number): void {
    const at = this.where.get(id);
    if (!at) return;
    at.group.line(at.entry).delete(at.entry);
    this.where.delete(id);
  }

  place(r: indexRepo.IndexedTicketRow): void {
    this.remove(r.id);
    if (r.status !== 'waiting') return;
    const group = this.group(r.queue_prefix);
    const entry = { id: r.id, priority: r.priority, queuedAt: r.queued_at, serviceId: r.service_id };
    group.line(entry).insert(entry);
    this.where.set(r.id, { group, entry });
  }

  /** Applies committed live events in sequence order; `rows` holds the tickets they name, as now. */
  apply(events: readonly LiveEvent[], rows: Map<number, indexRepo.IndexedTicketRow>): void {
    for (const ev of events) {
      const ticketId = (ev.payload as { ticketId?: number }).ticketId;
      const row = ticketId === undefined ? undefined : rows.get(ticketId);
      if (ev.type === 'ticket.called' && row) {
        const group = this.group(row.queue_prefix);
        if (group.streakDate !== row.local_date) group.streak = 0;
        group.streak = row.priority ? group.streak + 1 : 0;
        group.streakDate = row.local_date;
      }
      if (ev.type === 'queue.changed' && ticketId !== undefined) {
        if (!row) this.remove(ticketId);
        else this.changed(row, ev.at);
      } else this.loads.clear();
      this.seq = ev.seq;
    }
  }

  private changed(row: indexRepo.IndexedTicketRow, at: string): void {
    this.place(row);
    // Issued in the very transaction that wrote the event: an arrival, nothing else moved.
    if (row.issued_at === at) {
      const a = this.group(row.queue_prefix).arrivals;
      if (a && a.date === row.local_date && !a.ids.has(row.id)) {
        a.ids.add(row.id);
        a.times.push(Date.parse(row.issued_at));
        if (row.priority) a.priority++;
      }
      return;
    }
    this.loads.clear();
    if (row.status === 'done') this.recent.clear();
    // A transfer or a return moves a ticket between groups' counts: recount those on next use.
    if (row.status === 'waiting') for (const g of this.groups.values()) g.arrivals = undefined;
  }
}

/** Fresh cache entry or a new one from `load`. */
function cached<K, T>(map: Map<K, Cached<T>>, key: K, load: () => T): T {
  const hit = map.get(key);
  const now = Date.now();
  if (hit && now - hit.at < CATALOG_TTL_MS) return hit.value;
  const value = load();
  map.set(key, { at: now, value });
  return value;
}

export class QueueIndex {
  private readonly malls = new Map<number, Promise<MallQueue>>();
  /** Per mall, the tail of the chain of index updates: one at a time, in sequence order. */
  private readonly chains = new Map<number, Promise<unknown>>();
  private readonly queuedSyncs = new Map<number, Promise<void>>();

  constructor(
    readonly db: Kysely<DB>,
    /** True when other nodes write the same database (PostgreSQL): every read first catches up. */
    private readonly shared: boolean,
    private readonly log: Logger,
  ) {}

  /** The mall's index, built on first use, caught up with every event committed so far (shared db). */
  async mall(mallId: number): Promise<MallQueue> {
    let m = this.malls.get(mallId);
    if (!m) {
      m = this.serial(mallId, () => this.build(mallId));
      this.malls.set(mallId, m);
      m.catch(() => this.malls.delete(mallId));
      return m;
    }
    if (!this.shared) return m;
    await this.sync(mallId);
    return this.malls.get(mallId) ?? m;
  }

  /**
   * Another node committed events for a mall (NOTIFY), the safety poll, or a read on a shared
   * database: catch up if indexed. Callers arriving while a catch-up is still queued share it.
   */
  sync(mallId: number): Promise<void> {
    const m = this.malls.get(mallId);
    if (!m) return Promise.resolve();
    const queued = this.queuedSyncs.get(mallId);
    if (queued) return queued;
    const run = this.serial(mallId, async () => {
      this.queuedSyncs.delete(mallId);
      await this.catchUp(await m, new Map());
    });
    this.queuedSyncs.set(mallId, run);
    return run;
  }

  syncAll(): void {
    for (const mallId of this.malls.keys())
      this.sync(mallId).catch((err) => this.log.warn({ err, mallId }, 'queue index sync failed'));
  }

  /**
   * This node committed events `first…first+events.length-1` of a mall and knows the rows they name:
   * applied directly when the index is right behind them, else after reading what came before.
   */
  committed(mallId: number, first: number, events: LiveEvent[], rows: indexRepo.IndexedTicketRow[]) {
    const m = this.malls.get(mallId);
    if (!m) return Promise.resolve();
    const known = new Map(rows.map((r) => [r.id, r]));
    return this.serial(mallId, async () => {
      const mq = await m;
      if (mq.seq >= first + events.length - 1) return;
      if (mq.seq === first - 1) mq.apply(events, known);
      else await this.catchUp(mq, known);
    }).catch((err) => this.log.error({ err, mallId }, 'queue index update failed'));
  }

  private serial<T>(mallId: number, fn: () => Promise<T>): Promise<T> {
    const run = (this.chains.get(mallId) ?? Promise.resolve()).then(fn, fn);
    this.chains.set(
      mallId,
      run.catch(() => {}),
    );
    return run;
  }

  private async catchUp(mq: MallQueue, known: Map<number, indexRepo.IndexedTicketRow>): Promise<void> {
    for (;;) {
      const events = await readLiveEventsAfter(this.db, mq.mallId, mq.seq);
      if (!events.length) return;
      if (events[0]!.seq !== mq.seq + 1) {
        // Pruned while this node was behind: start over from the tables.
        this.log.warn({ mallId: mq.mallId, from: mq.seq }, 'queue index gap; rebuilding the mall');
        const fresh = this.build(mq.mallId);
        this.malls.set(mq.mallId, fresh);
        await fresh;
        return;
      }
      const ids = new Set<number>();
      for (const ev of events) {
        const id = (ev.payload as { ticketId?: number }).ticketId;
        if (id !== undefined && !known.has(id)) ids.add(id);
      }
      const rows = new Map(known);
      for (const r of await indexRepo.ticketsByIds(this.db, mq.mallId, [...ids])) rows.set(r.id, r);
      mq.apply(events, rows);
      if (events.length < 1000) return;
    }
  }

  /** One snapshot: the live-event sequence and every waiting ticket and group streak as of it. */
  private async build(mallId: number): Promise<MallQueue> {
    let tx = this.db.transaction();
    if (this.shared) tx = tx.setIsolationLevel('repeatable read');
    return tx.execute(async (trx) => {
      const mq = new MallQueue(mallId, await currentLiveSeq(trx, mallId));
      for (const r of await indexRepo.waitingOfMall(trx, mallId)) mq.place(r);
      const byPrefix = new Map<string, number[]>();
      for (const [id, prefix] of await indexRepo.servicePrefixes(trx, mallId))
        byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), id]);
      for (const [prefix, ids] of byPrefix) {
        const group = mq.group(prefix);
        group.streakDate = await indexRepo.lastCallDate(trx, mallId, ids);
        if (group.streakDate)
          group.streak = await repo.priorityStreak(
            trx,
            mallId,
            ids,
            STREAK_LOOKBACK,
            await indexRepo.dayStartOf(trx, mallId, group.streakDate),
          );
      }
      return mq;
    });
  }

  // ---- the ETA's other inputs, cached on the mall's index ----

  async groupServiceIds(mq: MallQueue, prefix: string): Promise<number[]> {
    const now = Date.now();
    if (!mq.catalog || now - mq.catalog.at >= CATALOG_TTL_MS)
      mq.catalog = { at: now, value: await indexRepo.servicePrefixes(this.db, mq.mallId) };
    return [...mq.catalog.value].filter(([, p]) => p === prefix).map(([id]) => id);
  }

  policy(mq: MallQueue, serviceId: number): Promise<PriorityPolicy> {
    return cached(mq.policies, serviceId, async () => {
      const [row] = await repo.servicePolicies(this.db, [serviceId]);
      return {
        maxStreak: row?.priority_max_streak ?? 3,
        maxWaitMinutes: row?.priority_max_wait_minutes ?? null,
      };
    });
  }

  counterLoads(mq: MallQueue, serviceId: number) {
    let l = mq.loads.get(serviceId);
    if (!l) {
      l = etaRepo.counterLoads(this.db, mq.mallId, serviceId);
      mq.loads.set(serviceId, l);
      l.catch(() => mq.loads.delete(serviceId));
    }
    return l;
  }

  async recentMinutes(mq: MallQueue, serviceIds: readonly number[]): Promise<Map<number, number[]>> {
    const missing = serviceIds.filter((id) => !mq.recent.has(id));
    if (missing.length) {
      const got = await etaRepo.recentMinutesByService(this.db, mq.mallId, missing);
      for (const id of missing) mq.recent.set(id, got.get(id) ?? []);
    }
    return new Map(serviceIds.map((id) => [id, mq.recent.get(id)!]));
  }

  async publishedMinutes(mq: MallQueue, serviceIds: readonly number[]): Promise<Map<number, number>> {
    const now = Date.now();
    const missing = serviceIds.filter((id) => {
      const hit = mq.published.get(id);
      return !hit || now - hit.at >= CATALOG_TTL_MS;
    });
    if (missing.length) {
      const got = await etaRepo.publishedMinutes(this.db, missing);
      for (const id of missing) mq.published.set(id, { at: now, value: got.get(id) });
    }
    const out = new Map<number, number>();
    for (const id of serviceIds) {
      const v = mq.published.get(id)?.value;
      if (v !== undefined) out.set(id, v);
    }
    return out;
  }

  /** Minutes to closing, re-read when the catalog TTL passed or the clock moved a minute or more. */
  minutesToClosing(mq: MallQueue, now: Date): Promise<number> {
    const c = mq.closing;
    const wall = Date.now();
    if (wall - c.at < CATALOG_TTL_MS && Math.abs(now.getTime() - c.now) < 60_000)
      return c.value.then((m) => Math.max(0, m - (now.getTime() - c.now) / 60_000));
    const value = etaRepo.minutesToClosing(this.db, mq.mallId, now);
    mq.closing = { at: wall, now: now.getTime(), value };
    return value;
  }

  /** The group's issues of `date`: since `since` and today's total/priority (etaRepo.arrivalsSince). */
  async arrivals(mq: MallQueue, group: QueueGroup, serviceIds: readonly number[], date: string, now: Date) {
    const since = now.getTime() - 60 * 60_000;
    if (!group.arrivals || group.arrivals.date !== date) {
      const sinceIso = new Date(since).toISOString();
      const [counts, times] = await Promise.all([
        etaRepo.arrivalsSince(this.db, mq.mallId, serviceIds, date, sinceIso),
        indexRepo.issuedTimesSince(this.db, mq.mallId, serviceIds, date, sinceIso),
      ]);
      group.arrivals = { date, base: counts.today, ids: new Set(), times, priority: counts.todayPriority };
    }
    const a = group.arrivals;
    let lo = 0;
    while (lo < a.times.length && a.times[lo]! < since) lo++;
    if (lo > 0) a.times.splice(0, lo);
    return { recent: a.times.length, today: a.base + a.ids.size, todayPriority: a.priority };
  }
}
