import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LiveEvent } from '../../shared/contracts/events.js';
import type { DB } from '../db/schema.js';
import { currentLiveSeq, oldestLiveSeq, pruneLiveEvents, readLiveBatch } from './live-events.repo.js';

/** Where a stream's bytes go (an SSE response). */
export interface StreamSink {
  write(text: string): void;
}

/** How a subscriber joins: from now, by an exact replay after its Last-Event-ID, or by a reset. */
export type Opening =
  | { kind: 'fresh'; head: number }
  | { kind: 'replay'; head: number; events: LiveEvent[] }
  | { kind: 'reset'; head: number };

/** New events of one mall, handed to every scope of that mall at once. */
export interface Batch {
  /** The new events, oldest first; empty on a clock tick (estimates move with time alone). */
  events: LiveEvent[];
  /** The mall's sequence after this batch. */
  head: number;
  now: Date;
  /** Memo shared by the scopes of this batch: a figure several scopes need is computed once. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * Subscribers that receive the same bytes: one display zone, one ticket, one counter. The hub asks
 * the scope once per batch for its wire text and writes that same string to each subscriber.
 */
export interface Scope {
  readonly key: string;
  /** Wire text for a batch; '' when this scope has nothing to send. */
  project(batch: Batch): Promise<string>;
  /** What a joining subscriber gets first (its replay, or reset + state); later batches follow. */
  open(opening: Opening, batch: Batch): Promise<string>;
}

/** Carries "mall X has new events" between app nodes (PostgreSQL LISTEN/NOTIFY) or within one. */
export interface EventBridge {
  /** Whether notifications travel between nodes and may be lost (reconnects): then the hub also polls. */
  lossy: boolean;
  /** `onResync`: notifications may have been lost (the bridge reconnected); re-read every mall. */
  start(onNotify: (mallId: number) => void, onResync?: () => void): Promise<void>;
  notify(mallId: number): Promise<void>;
  stop(): Promise<void>;
}

export interface HubOptions {
  now?: () => Date;
  /** Last-Event-ID resumes exactly within this many events; older ones get a `reset`. */
  resumeWindow?: number;
  /** live_events older than this are pruned (hourly). */
  retentionHours?: number;
  /** Scopes are re-asked this often without new events (waiting-time estimates age). 0 = never. */
  tickMs?: number;
}

interface ScopeEntry {
  scope: Scope;
  sinks: Set<StreamSink>;
}

interface MallLive {
  /** The sequence every scope of the mall has been given up to; -1 until read. */
  head: number;
  scopes: Map<string, ScopeEntry>;
  /** Work on one mall (joins, batches, ticks) runs one task at a time, in order. */
  chain: Promise<void>;
  pullQueued: boolean;
}

const BATCH = 1000;
const PRUNE_EVERY_MS = 3_600_000;

function batchOf(events: LiveEvent[], head: number, now: Date): Batch {
  const memo = new Map<string, Promise<unknown>>();
  return {
    events,
    head,
    now,
    once<T>(key: string, compute: () => Promise<T>) {
      let p = memo.get(key) as Promise<T> | undefined;
      if (!p) {
        p = compute();
        memo.set(key, p);
      }
      return p;
    },
  };
}

/**
 * Fans live events out to this node's stream subscribers, grouped in scopes. Events are always read
 * back from the live_events table (the source of truth), so a notification only says "look again":
 * a lost or duplicated notification can delay an event but never drop or repeat one.
 */
export class EventHub {
  private readonly malls = new Map<number, MallLive>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly now: () => Date;
  readonly resumeWindow: number;
  private readonly retentionHours: number;
  private readonly tickMs: number;
  private readonly listeners: ((mallId: number | null) => void)[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly bridge: EventBridge,
    private readonly log: Logger,
    opts: HubOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.resumeWindow = opts.resumeWindow ?? 1000;
    this.retentionHours = opts.retentionHours ?? 48;
    this.tickMs = opts.tickMs ?? 30_000;
  }

  /** Also tells `fn` of every notification from the bridge (mall id) and every safety poll (null). */
  onNotify(fn: (mallId: number | null) => void): void {
    this.listeners.push(fn);
  }

  async start(): Promise<void> {
    await this.bridge.start(
      (mallId) => {
        this.pull(mallId);
        for (const l of this.listeners) l(mallId);
      },
      () => {
        for (const mallId of this.malls.keys()) this.pull(mallId);
        for (const l of this.listeners) l(null);
      },
    );
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(PRUNE_EVERY_MS, () => {
      this.prune().catch((err) => this.log.warn({ err }, 'live event pruning failed'));
    });
    if (this.tickMs > 0) every(this.tickMs, () => this.tick());
    // Safety net: re-read every few seconds in case a notification was missed while reconnecting.
    if (this.bridge.lossy)
      every(3000, () => {
        for (const id of this.malls.keys()) this.pull(id);
        for (const l of this.listeners) l(null);
      });
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.bridge.stop();
  }

  /** Deletes live events older than the retention (LIVE_EVENTS_RETENTION_HOURS) of every mall (or one); returns how many. */
  async prune(mallId?: number): Promise<number> {
    const before = new Date(this.now().getTime() - this.retentionHours * 3_600_000).toISOString();
    return pruneLiveEvents(this.db, before, mallId);
  }

  /** Called after a commit that appended live events for a mall. */
  published(mallId: number): void {
    this.pull(mallId);
    this.bridge.notify(mallId).catch((err) => this.log.warn({ err }, 'live event notify failed'));
  }

  /**
   * Adds a subscriber to the scope `key` of a mall (made by `make` if nobody holds it yet). It first
   * gets what the scope sends on opening: nothing old for a fresh connection, the exact replay after
   * `afterSeq` (Last-Event-ID) within the resume window, else a reset. Resolves once it is in.
   */
  async subscribe(
    mallId: number,
    key: string,
    make: () => Scope,
    sink: StreamSink,
    afterSeq: number | null,
  ): Promise<() => void> {
    let m = this.malls.get(mallId);
    if (!m) {
      m = { head: -1, scopes: new Map(), chain: Promise.resolve(), pullQueued: false };
      this.malls.set(mallId, m);
    }
    const mall = m;
    let entry: ScopeEntry | undefined;
    let gone = false;
    await this.serial(mall, async () => {
      if (gone) return;
      if (mall.head < 0) mall.head = await currentLiveSeq(this.db, mallId);
      entry = mall.scopes.get(key);
      if (!entry) {
        entry = { scope: make(), sinks: new Set() };
        mall.scopes.set(key, entry);
      }
      const opening = await this.opening(mallId, afterSeq, mall.head);
      const text = await entry.scope.open(opening, batchOf([], mall.head, this.now()));
      if (text) sink.write(text);
      entry.sinks.add(sink);
    });
    // Events may have been committed while this subscriber was joining.
    this.pull(mallId);
    return () => {
      gone = true;
      if (!entry) return;
      entry.sinks.delete(sink);
      if (entry.sinks.size > 0) return;
      if (mall.scopes.get(key) === entry) mall.scopes.delete(key);
      if (mall.scopes.size === 0 && this.malls.get(mallId) === mall) this.malls.delete(mallId);
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const m of this.malls.values()) for (const e of m.scopes.values()) n += e.sinks.size;
    return n;
  }

  private async opening(mallId: number, afterSeq: number | null, head: number): Promise<Opening> {
    if (afterSeq === null) return { kind: 'fresh', head };
    if (afterSeq === head) return { kind: 'replay', head, events: [] };
    if (afterSeq > head || head - afterSeq > this.resumeWindow) return { kind: 'reset', head };
    const oldest = await oldestLiveSeq(this.db, mallId);
    // Pruned past the resume point: what was missed can no longer be told exactly.
    if (oldest === null || afterSeq < oldest - 1) return { kind: 'reset', head };
    const { events } = await readLiveBatch(this.db, mallId, afterSeq, this.resumeWindow, head);
    return { kind: 'replay', head, events };
  }

  private serial(m: MallLive, task: () => Promise<void>): Promise<void> {
    const p = m.chain.then(task);
    m.chain = p.catch((err) => this.log.error({ err }, 'live event fan-out failed'));
    return p;
  }

  /** Reads a mall's new events (once, however many notifications asked) and fans them out. */
  private pull(mallId: number): void {
    const m = this.malls.get(mallId);
    if (!m || m.pullQueued) return;
    m.pullQueued = true;
    void this.serial(m, async () => {
      m.pullQueued = false;
      for (;;) {
        if (m.head < 0 || m.scopes.size === 0) return;
        const { events, lastSeq, more } = await readLiveBatch(this.db, mallId, m.head, BATCH);
        if (lastSeq === m.head) return;
        m.head = lastSeq;
        if (events.length) await this.fanOut(m, batchOf(events, lastSeq, this.now()));
        if (!more) return;
      }
    }).catch(() => {});
  }

  private tick(): void {
    for (const m of this.malls.values()) {
      void this.serial(m, async () => {
        if (m.head >= 0) await this.fanOut(m, batchOf([], m.head, this.now()));
      }).catch(() => {});
    }
  }

  private async fanOut(m: MallLive, batch: Batch): Promise<void> {
    await Promise.all(
      [...m.scopes.values()].map(async (e) => {
        try {
          const text = await e.scope.project(batch);
          if (text) for (const s of e.sinks) s.write(text);
        } catch (err) {
          this.log.error({ err, scope: e.scope.key }, 'live scope projection failed');
        }
      }),
    );
  }
}

/** One node (SQLite): nothing to cross. */
export const localBridge: EventBridge = {
  lossy: false,
  start: async () => {},
  notify: async () => {},
  stop: async () => {},
};
