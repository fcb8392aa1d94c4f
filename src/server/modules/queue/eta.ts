import { byQueuedAt, type PriorityPolicy, pickNext, type WaitingTicket } from './call-order.js';

/**
 * Waiting-time estimate, pure so it is tested apart from I/O (and measured by bench/eta.bench.ts).
 *
 * The counters that can call a ticket are replayed forward: a busy counter frees up once its current
 * citizen's remaining time has passed, an idle one at once; whenever a counter frees up, the call rule
 * picks the next waiting ticket at that moment, and that ticket keeps the counter for its own service's
 * typical minutes. The ticket's wait is the moment it is picked. This counts the time left at busy
 * counters (the first in line still waits for someone to finish), gives each ticket ahead its own
 * service's time (a queue group's counters serve services of very different lengths), and lets the
 * priority rule's maximum wait take effect as the regular tickets age.
 */

/** Minutes a counter is taken per citizen (call → finish) of one service, learned from history. */
export function typicalMinutes(recent: readonly number[], fallback: number): number {
  const usable = recent.filter((m) => Number.isFinite(m) && m >= 0 && m < 240).sort((a, b) => a - b);
  if (usable.length < 3) return fallback;
  const trim = Math.floor(usable.length * 0.1);
  const kept = usable.slice(trim, usable.length - trim);
  return kept.reduce((s, m) => s + m, 0) / kept.length;
}

/**
 * A service's typical minutes from its own recent durations, pulled toward `prior` (the queue group's
 * typical, or the published standard) while it has few of its own: `weight` samples' worth of prior.
 */
export function shrunkMinutes(own: readonly number[], prior: number, weight = 3): number {
  const usable = own.filter((m) => Number.isFinite(m) && m >= 0 && m < 240);
  if (!usable.length) return prior;
  const mean =
    usable.length >= 3 ? typicalMinutes(usable, prior) : usable.reduce((s, m) => s + m, 0) / usable.length;
  return (usable.length * mean + weight * prior) / (usable.length + weight);
}

export interface CounterLoad {
  /** Minutes since the counter called its current citizen; null when it is free. */
  busyForMinutes: number | null;
  /** Typical minutes of the current citizen's service. */
  currentTypicalMinutes: number;
}

/**
 * Expected minutes left with a citizen already at the counter. A service that has run over its
 * typical time is not about to end "now": assume a fifth of the typical time is still to go.
 */
export function remainingMinutes(c: CounterLoad): number {
  if (c.busyForMinutes === null) return 0;
  const typical = Math.max(0, c.currentTypicalMinutes);
  return Math.max(typical - Math.max(0, c.busyForMinutes), typical * 0.2);
}

export interface QueuedTicket extends WaitingTicket {
  /** Typical counter minutes of the ticket's service. */
  minutes: number;
}

/** Newcomers expected while the ticket waits, at the rates recently seen in its queue group. */
export interface ExpectedArrivals {
  regularPerMinute: number;
  priorityPerMinute: number;
  /** Typical counter minutes of a newcomer (the queue group's). */
  minutes: number;
  /** No newcomers after this many minutes from now (closing time, or a horizon). */
  untilMinutes: number;
}

export interface WaitInput {
  /** The ticket whose wait is estimated; it must be in `waiting`. */
  ticketId: number;
  /** Every ticket waiting in the queue group, this one included. */
  waiting: readonly QueuedTicket[];
  policy: PriorityPolicy;
  /** Priority calls in a row just before now (see queue.repo priorityStreak). */
  priorityStreak: number;
  now: Date;
  /** Open counters that can call this ticket. None open: estimated as if one counter were free. */
  counters: readonly CounterLoad[];
  arrivals?: ExpectedArrivals;
}

/**
 * The waiting line as two lines in queue order, regular and priority. The call rule only ever looks
 * at the oldest ticket of each, so replaying it costs O(1) per call instead of a sort; the lines are
 * read lazily (the queue index walks its sorted sets only as far as the replay goes).
 */
class Lines {
  private readonly its: [Iterator<QueuedTicket>, Iterator<QueuedTicket>];
  private readonly heads: [QueuedTicket | undefined, QueuedTicket | undefined];
  private readonly later: [QueuedTicket[], QueuedTicket[]] = [[], []];
  constructor(regular: Iterable<QueuedTicket>, priority: Iterable<QueuedTicket>) {
    this.its = [regular[Symbol.iterator](), priority[Symbol.iterator]()];
    this.heads = [this.pull(0), this.pull(1)];
  }
  private pull(k: 0 | 1): QueuedTicket | undefined {
    const n = this.its[k].next();
    return n.done ? this.later[k].shift() : n.value;
  }
  /** Newcomers join after everyone already waiting (they arrive after now). */
  push(w: QueuedTicket) {
    const k = w.priority ? 1 : 0;
    if (this.heads[k]) this.later[k].push(w);
    else this.heads[k] = w;
  }
  oldest(): QueuedTicket[] {
    return [this.heads[0], this.heads[1]].filter((h): h is QueuedTicket => h !== undefined);
  }
  take(w: QueuedTicket) {
    const k = w.priority ? 1 : 0;
    this.heads[k] = this.pull(k);
  }
}

/** Evenly spaced newcomers (ids below zero) joining the lines up to a moment, in minutes from now. */
function newcomers(i: ReplayInput, lines: Lines) {
  const a = i.arrivals;
  const streams = [
    { priority: null, gap: a && a.regularPerMinute > 0 ? 1 / a.regularPerMinute : Infinity },
    { priority: 'expected', gap: a && a.priorityPerMinute > 0 ? 1 / a.priorityPerMinute : Infinity },
  ].map((s) => ({ ...s, next: s.gap / 2 }));
  let id = 0;
  return (upTo: number) => {
    if (!a) return;
    for (const s of streams) {
      for (; s.next <= upTo && s.next <= a.untilMinutes; s.next += s.gap) {
        const queuedAt = new Date(i.now.getTime() + s.next * 60_000).toISOString();
        lines.push({ id: --id, priority: s.priority, queuedAt, minutes: a.minutes });
      }
    }
  };
}

/**
 * Estimated minutes until the ticket is called, rounded to whole minutes; null when it is not waiting.
 * The call rule is replayed at each future call's own time, not at `now`, with the newcomers expected
 * by then: a priority newcomer may pass a regular ticket, and regular tickets that reach the maximum
 * wait are called before a waiting priority ticket.
 */
export function estimateWait(i: WaitInput): number | null {
  if (!i.waiting.some((w) => w.id === i.ticketId)) return null;
  const sorted = [...i.waiting].sort(byQueuedAt);
  return replayWait({
    ...i,
    regular: sorted.filter((w) => !w.priority),
    priority: sorted.filter((w) => w.priority),
  });
}

/** The waiting group as its two lines, each already in queue order (what the queue index holds). */
export interface ReplayInput extends Omit<WaitInput, 'waiting'> {
  regular: Iterable<QueuedTicket>;
  priority: Iterable<QueuedTicket>;
}

/** estimateWait over lines already in order: walks them only as far as the ticket. */
export function replayWait(i: ReplayInput): number | null {
  let found: number | null = null;
  replay(i, (id, minutes) => {
    if (id !== i.ticketId) return false;
    found = minutes;
    return true;
  });
  return found;
}

/**
 * Every waiting ticket's estimate from one replay (the replay is the same whichever ticket is asked
 * about): what a whole queue group's live ticket pages need after one call, in O(group) instead of
 * O(group) per page. `waiting` is how many real tickets the lines hold.
 */
export function replayAll(
  i: Omit<ReplayInput, 'ticketId'>,
  waiting: number,
  /** Replay only until this many real tickets are picked (the caller extrapolates the rest). */
  upTo = Number.POSITIVE_INFINITY,
): Map<number, number> {
  const out = new Map<number, number>();
  const stop = Math.min(waiting, upTo);
  if (stop > 0)
    replay({ ...i, ticketId: Number.NaN }, (id, minutes) => {
      if (id > 0) out.set(id, minutes);
      return out.size >= stop;
    });
  return out;
}

/** Replays the calls; `picked(id, minutes)` for each pick (newcomers have ids below zero) until it returns true. */
function replay(i: ReplayInput, picked: (id: number, minutes: number) => boolean): void {
  const free = i.counters.length ? i.counters.map(remainingMinutes) : [0];
  const lines = new Lines(i.regular, i.priority);
  const arrive = newcomers(i, lines);
  let streak = i.priorityStreak;
  for (;;) {
    let k = 0;
    for (let j = 1; j < free.length; j++) if (free[j]! < free[k]!) k = j;
    arrive(free[k]!);
    const heads = lines.oldest();
    const pick = pickNext(heads, i.policy, streak, new Date(i.now.getTime() + free[k]! * 60_000));
    const next = heads.find((h) => h.id === pick?.id);
    if (!next) return;
    if (picked(next.id, Math.round(free[k]!))) return;
    lines.take(next);
    streak = next.priority ? streak + 1 : 0;
    free[k] = free[k]! + Math.max(0, next.minutes);
  }
}
