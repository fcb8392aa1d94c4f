import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LiveEvent } from '../../shared/contracts/events.js';
import type { DB } from '../db/schema.js';
import { currentLiveSeq, readLiveEventsAfter } from './live-events.repo.js';

export interface Subscriber {
  mallId: number;
  /** Receives every event of the mall with seq > lastSeq, in order, exactly once. */
  deliver(event: LiveEvent): void;
  lastSeq: number;
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

/**
 * Fans live events out to this node's SSE subscribers. Events are always read back from the
 * live_events table (the source of truth), so a notification only says "look again": a lost or
 * duplicated notification can delay an event but never drop or repeat one.
 */
export class EventHub {
  private readonly subs = new Map<number, Set<Subscriber>>();
  private readonly pulling = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: ((mallId: number | null) => void)[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly bridge: EventBridge,
    private readonly log: Logger,
  ) {}

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
        for (const mallId of this.subs.keys()) this.pull(mallId);
        for (const l of this.listeners) l(null);
      },
    );
    if (!this.bridge.lossy) return;
    // Safety net: re-read every few seconds in case a notification was missed while reconnecting.
    this.timer = setInterval(() => {
      for (const mallId of this.subs.keys()) this.pull(mallId);
      for (const l of this.listeners) l(null);
    }, 3000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.bridge.stop();
  }

  /** Called after a commit that appended live events for a mall. */
  published(mallId: number): void {
    this.pull(mallId);
    this.bridge.notify(mallId).catch((err) => this.log.warn({ err }, 'live event notify failed'));
  }

  /**
   * Registers a subscriber and sends it the backlog after `afterSeq` (Last-Event-ID), or nothing
   * older than now when it is a fresh connection.
   */
  async subscribe(sub: Subscriber, afterSeq: number | null): Promise<() => void> {
    sub.lastSeq = afterSeq ?? (await currentLiveSeq(this.db, sub.mallId));
    let set = this.subs.get(sub.mallId);
    if (!set) {
      set = new Set();
      this.subs.set(sub.mallId, set);
    }
    set.add(sub);
    this.pull(sub.mallId);
    return () => {
      set.delete(sub);
      if (set.size === 0) this.subs.delete(sub.mallId);
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  /** Reads new events of one mall once, serialised per mall, and hands each to the subscribers behind. */
  private pull(mallId: number): void {
    if (!this.subs.has(mallId)) return;
    if (this.pulling.has(mallId)) {
      this.again.add(mallId);
      return;
    }
    const run = async () => {
      do {
        this.again.delete(mallId);
        const set = this.subs.get(mallId);
        if (!set || set.size === 0) return;
        let from = Number.POSITIVE_INFINITY;
        for (const s of set) from = Math.min(from, s.lastSeq);
        const events = await readLiveEventsAfter(this.db, mallId, from);
        for (const ev of events) {
          for (const s of set) {
            if (ev.seq > s.lastSeq) {
              s.lastSeq = ev.seq;
              s.deliver(ev);
            }
          }
        }
        if (events.length === 1000) this.again.add(mallId);
      } while (this.again.has(mallId));
    };
    const p = run()
      .catch((err) => this.log.error({ err }, 'live event fan-out failed'))
      .finally(() => this.pulling.delete(mallId));
    this.pulling.set(mallId, p);
  }
}

/** One node (SQLite): nothing to cross. */
export const localBridge: EventBridge = {
  lossy: false,
  start: async () => {},
  notify: async () => {},
  stop: async () => {},
};
