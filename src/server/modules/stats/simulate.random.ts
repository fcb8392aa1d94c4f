/**
 * Seeded randomness for the queue simulator: the same seed replays the same day, so ETA accuracy can
 * be compared before and after a change to the estimator.
 */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for simulation (not for secrets). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A lognormal draw with the given mean (not median) and log-space spread sigma. */
export function lognormal(rng: Rng, mean: number, sigma: number): number {
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * normal(rng));
}

export function exponential(rng: Rng, mean: number): number {
  return -Math.log(Math.max(1 - rng(), 1e-12)) * mean;
}

/** Picks an index with probability proportional to its weight. */
export function weighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rng() * total;
  for (const [i, w] of weights.entries()) {
    x -= w;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Arrival busyness of each opening hour (a morning peak, a lull at lunch, a quiet end of day). */
export const HOURLY_PROFILE = [1.0, 1.6, 1.5, 1.2, 0.7, 0.9, 0.8, 0.5];

/**
 * Arrival offsets (minutes from opening) of a non-homogeneous Poisson process with `expected`
 * arrivals over `hours`, shaped by HOURLY_PROFILE (thinning: candidates at the peak rate, each kept
 * with probability rate(t)/peak).
 */
export function arrivals(rng: Rng, expected: number, hours: number): number[] {
  const profile = Array.from({ length: hours }, (_, h) => HOURLY_PROFILE[h % HOURLY_PROFILE.length]!);
  const mass = profile.reduce((s, w) => s + w, 0);
  const peak = Math.max(...profile);
  const peakPerMinute = (expected / mass / 60) * peak;
  const out: number[] = [];
  for (
    let t = exponential(rng, 1 / peakPerMinute);
    t < hours * 60;
    t += exponential(rng, 1 / peakPerMinute)
  ) {
    if (rng() < profile[Math.floor(t / 60)]! / peak) out.push(t);
  }
  return out;
}
