/** Waits before the next try after the n-th failed one: 1 s, 2 s, 5 s, 15 s, 1 min, 5 min, 15 min, then hourly. */
export const BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 60_000, 300_000, 900_000, 3_600_000] as const;

/**
 * The delay before try n+1 after `failedAttempts` = n failures, ±20 % jitter so that messages that
 * failed together (a gateway outage) do not all come back in the same second.
 */
export function backoffMs(failedAttempts: number, random: () => number = Math.random): number {
  const i = Math.min(Math.max(failedAttempts, 1), BACKOFF_MS.length) - 1;
  const base = BACKOFF_MS[i] ?? 3_600_000;
  return Math.round(base * (0.8 + 0.4 * random()));
}
