/**
 * Erlang C (M/M/N) staffing: how many counters a queue needs so that a target share of citizens is
 * called within a target wait. Arrivals are Poisson at λ per hour, service times exponential with
 * mean S minutes, N identical counters, one shared line, nobody leaves. Traffic A = λ·S/60 Erlangs.
 *
 *   P(wait > 0)        = C(N, A)        (Erlang C, from the Erlang B recursion — stable for large A)
 *   P(wait ≤ t)        = 1 − C(N, A)·e^(−(N − A)·t / S)
 *   mean wait (ASA)    = C(N, A)·S / (N − A)
 *
 * The queue is only stable for N > A; below that the line grows without bound.
 */

export interface StaffingInput {
  arrivalsPerHour: number;
  meanServiceMinutes: number;
  targetWaitMinutes: number;
  /** Share of citizens to be called within the target wait, 0 < x < 1. */
  targetServiceLevel: number;
}

export interface StaffingResult {
  counters: number;
  /** Offered traffic in Erlangs (the busy counters on average). */
  trafficErlangs: number;
  probabilityOfWaiting: number;
  averageWaitMinutes: number;
  serviceLevel: number;
  /** Share of the counters' time spent serving, A / N. */
  occupancy: number;
}

/** Erlang B blocking probability by the recursion B(n) = A·B(n−1) / (n + A·B(n−1)); no factorials. */
export function erlangB(n: number, traffic: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (!(traffic >= 0)) throw new RangeError('traffic must be non-negative');
  let b = 1;
  for (let k = 1; k <= n; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** Probability that an arrival waits, for n counters and traffic A (1 when n ≤ A: the line never clears). */
export function erlangC(n: number, traffic: number): number {
  if (traffic === 0) return 0;
  if (n <= traffic) return 1;
  const b = erlangB(n, traffic);
  return (n * b) / (n - traffic * (1 - b));
}

/** The figures of a queue served by exactly `counters` counters. */
export function queueFigures(
  counters: number,
  arrivalsPerHour: number,
  meanServiceMinutes: number,
  targetWaitMinutes: number,
): Omit<StaffingResult, 'counters'> {
  const traffic = (arrivalsPerHour * meanServiceMinutes) / 60;
  if (traffic === 0) {
    return {
      trafficErlangs: 0,
      probabilityOfWaiting: 0,
      averageWaitMinutes: 0,
      serviceLevel: 1,
      occupancy: 0,
    };
  }
  if (counters <= traffic) {
    return {
      trafficErlangs: traffic,
      probabilityOfWaiting: 1,
      averageWaitMinutes: Number.POSITIVE_INFINITY,
      serviceLevel: 0,
      occupancy: 1,
    };
  }
  const pw = erlangC(counters, traffic);
  const serviceLevel = 1 - pw * Math.exp((-(counters - traffic) * targetWaitMinutes) / meanServiceMinutes);
  return {
    trafficErlangs: traffic,
    probabilityOfWaiting: pw,
    averageWaitMinutes: (pw * meanServiceMinutes) / (counters - traffic),
    serviceLevel,
    occupancy: traffic / counters,
  };
}

/** Largest traffic the planner takes: far beyond any hall (a big mall offers tens of Erlangs). */
export const MAX_TRAFFIC_ERLANGS = 5_000;

/**
 * The fewest counters that reach the target service level. Starts at the first stable count
 * (⌊A⌋ + 1) and walks up, carrying the Erlang B recursion along (one step per counter); the service
 * level rises with every counter added.
 */
export function staffing(input: StaffingInput): StaffingResult {
  const { arrivalsPerHour, meanServiceMinutes, targetWaitMinutes, targetServiceLevel } = input;
  const traffic = (arrivalsPerHour * meanServiceMinutes) / 60;
  if (traffic === 0) return { counters: 0, ...queueFigures(0, 0, meanServiceMinutes, targetWaitMinutes) };
  if (!(traffic <= MAX_TRAFFIC_ERLANGS)) throw new RangeError(`traffic above ${MAX_TRAFFIC_ERLANGS} Erlangs`);
  let n = Math.floor(traffic) + 1;
  let b = erlangB(n, traffic);
  for (;;) {
    const pw = (n * b) / (n - traffic * (1 - b));
    const serviceLevel = 1 - pw * Math.exp((-(n - traffic) * targetWaitMinutes) / meanServiceMinutes);
    if (serviceLevel >= targetServiceLevel || serviceLevel >= 1) {
      return {
        counters: n,
        trafficErlangs: traffic,
        probabilityOfWaiting: pw,
        averageWaitMinutes: (pw * meanServiceMinutes) / (n - traffic),
        serviceLevel,
        occupancy: traffic / n,
      };
    }
    n += 1;
    b = (traffic * b) / (n + traffic * b);
  }
}
