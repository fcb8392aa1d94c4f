/**
 * The daily roll-up's cell: what one local day of a mall adds up to for one service at one counter
 * by one officer in one local hour. Counts and sums add; the three duration histograms (fixed buckets,
 * minutes) add bucket by bucket, so any set of cells merges into medians and p90s without the samples.
 */
export const BUCKET_BOUNDS = [0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120, 180] as const;
/** Buckets per histogram: one per upper bound and one open-ended (180 minutes and more). */
export const BUCKETS = BUCKET_BOUNDS.length + 1;

export const COUNT_FIELDS = [
  'visitors',
  'issued',
  'issued_kiosk',
  'issued_online',
  'issued_counter',
  'issued_booking',
  'priority_issued',
  'called',
  'served',
  'no_shows',
  'cancelled',
  'expired',
  'transferred',
  'recalls',
  'wait_n',
  'walk_n',
  'service_n',
] as const;
export const SUM_FIELDS = ['wait_sum', 'walk_sum', 'service_sum'] as const;
export const HIST_PREFIXES = ['wh', 'kh', 'sh'] as const; // wait, walk (kaki), service
export const HIST_FIELDS = HIST_PREFIXES.flatMap((p) =>
  Array.from({ length: BUCKETS }, (_, i) => `${p}${String(i).padStart(2, '0')}`),
);
/** Every additive column of a cell, in a fixed order (the table's and the report query's). */
export const MEASURES: readonly string[] = [...COUNT_FIELDS, ...SUM_FIELDS, ...HIST_FIELDS];

export type Measures = Record<string, number>;

export interface CellKey {
  serviceId: number;
  agencyId: number;
  /** 0: never reached a counter (still waiting at day end, cancelled before a call). */
  counterId: number;
  officerId: number;
  hour: number;
}

export interface Cell extends CellKey {
  m: Measures;
}

export function emptyMeasures(): Measures {
  const m: Measures = {};
  for (const f of MEASURES) m[f] = 0;
  return m;
}

export function addInto(target: Measures, source: Measures): void {
  for (const f of MEASURES) target[f] = (target[f] ?? 0) + (source[f] ?? 0);
}

export function bucketOf(minutes: number): number {
  for (let i = 0; i < BUCKET_BOUNDS.length; i++) if (minutes < BUCKET_BOUNDS[i]!) return i;
  return BUCKET_BOUNDS.length;
}

/** Adds one duration to a histogram, its count and its sum. */
export function addDuration(m: Measures, kind: 'wait' | 'walk' | 'service', minutes: number): void {
  const v = Math.max(0, minutes);
  const prefix = kind === 'wait' ? 'wh' : kind === 'walk' ? 'kh' : 'sh';
  m[`${kind}_n`]! += 1;
  m[`${kind}_sum`]! += v;
  m[`${prefix}${String(bucketOf(v)).padStart(2, '0')}`]! += 1;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A percentile from a histogram: the nearest rank's bucket, interpolated linearly inside it (the open
 * last bucket answers its lower bound). Within one bucket's width of the exact figure.
 */
export function histogramPercentile(m: Measures, prefix: string, p: number): number | null {
  const counts = Array.from({ length: BUCKETS }, (_, i) => m[`${prefix}${String(i).padStart(2, '0')}`] ?? 0);
  const n = counts.reduce((s, c) => s + c, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    const c = counts[i]!;
    if (seen + c >= rank) {
      const lo = i === 0 ? 0 : BUCKET_BOUNDS[i - 1]!;
      if (i === BUCKET_BOUNDS.length) return lo;
      const hi = BUCKET_BOUNDS[i]!;
      return round2(lo + ((rank - seen) / c) * (hi - lo));
    }
    seen += c;
  }
  return null;
}
