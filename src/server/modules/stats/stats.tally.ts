/**
 * What the event replay accumulates: raw counts and duration samples (minutes) per service, per counter
 * and per local hour. Summaries (means, percentiles) are taken once at the end, in stats.summary.ts.
 */
export interface BlockTally {
  issued: number;
  called: number;
  served: number;
  noShows: number;
  cancelled: number;
  expired: number;
  transferred: number;
  recalls: number;
  wait: number[];
  walk: number[];
  service: number[];
  priorityIssued: number;
  waitPriority: number[];
  waitRegular: number[];
  regularCalledWhilePriorityWaiting: number;
  byStreakLimit: number;
  byMaxWait: number;
  other: number;
}

export interface CounterTally {
  served: number;
  service: number[];
}

export interface HourTally {
  issued: number;
  wait: number[];
}

export interface Tally {
  services: Map<number, BlockTally>;
  counters: Map<number, CounterTally>;
  /** 24 entries, one per hour of the mall's local day. */
  hours: HourTally[];
}

export function emptyBlock(): BlockTally {
  return {
    issued: 0,
    called: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    expired: 0,
    transferred: 0,
    recalls: 0,
    wait: [],
    walk: [],
    service: [],
    priorityIssued: 0,
    waitPriority: [],
    waitRegular: [],
    regularCalledWhilePriorityWaiting: 0,
    byStreakLimit: 0,
    byMaxWait: 0,
    other: 0,
  };
}

export function emptyTally(): Tally {
  return {
    services: new Map(),
    counters: new Map(),
    hours: Array.from({ length: 24 }, () => ({ issued: 0, wait: [] })),
  };
}

/** The block of a service, created on first use. */
export function blockOf(t: Tally, serviceId: number): BlockTally {
  let b = t.services.get(serviceId);
  if (!b) {
    b = emptyBlock();
    t.services.set(serviceId, b);
  }
  return b;
}

export function counterOf(t: Tally, counterId: number): CounterTally {
  let c = t.counters.get(counterId);
  if (!c) {
    c = { served: 0, service: [] };
    t.counters.set(counterId, c);
  }
  return c;
}

const COUNT_KEYS = [
  'issued',
  'called',
  'served',
  'noShows',
  'cancelled',
  'expired',
  'transferred',
  'recalls',
  'priorityIssued',
  'regularCalledWhilePriorityWaiting',
  'byStreakLimit',
  'byMaxWait',
  'other',
] as const;
const SAMPLE_KEYS = ['wait', 'walk', 'service', 'waitPriority', 'waitRegular'] as const;

/** Sums blocks (mall-wide totals); sample arrays are concatenated, not averaged. */
export function mergeBlocks(blocks: Iterable<BlockTally>): BlockTally {
  const out = emptyBlock();
  for (const b of blocks) {
    for (const k of COUNT_KEYS) out[k] += b[k];
    for (const k of SAMPLE_KEYS) for (const v of b[k]) out[k].push(v);
  }
  return out;
}
