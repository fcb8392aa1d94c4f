import type { z } from 'zod';
import type { DurationStats, QueueStatsBlock } from '../../../shared/contracts/stats.js';
import type { BlockTally } from './stats.tally.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

export function mean(xs: readonly number[]): number | null {
  return xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : null;
}

/** Nearest-rank percentile: always an observed value, so exact minutes stay exact. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return round2(sorted[rank - 1]!);
}

export function durationStats(xs: readonly number[]): z.infer<typeof DurationStats> {
  const sorted = [...xs].sort((a, b) => a - b);
  return { n: xs.length, mean: mean(xs), p50: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

export function summarizeBlock(b: BlockTally): z.infer<typeof QueueStatsBlock> {
  return {
    counts: {
      issued: b.issued,
      called: b.called,
      served: b.served,
      noShows: b.noShows,
      cancelled: b.cancelled,
      expired: b.expired,
      transferred: b.transferred,
      recalls: b.recalls,
    },
    times: { wait: durationStats(b.wait), walk: durationStats(b.walk), service: durationStats(b.service) },
    priority: {
      issued: b.priorityIssued,
      share: b.issued ? Math.round((b.priorityIssued / b.issued) * 10_000) / 10_000 : null,
      meanWaitPriority: mean(b.waitPriority),
      meanWaitRegular: mean(b.waitRegular),
      regularCalledWhilePriorityWaiting: b.regularCalledWhilePriorityWaiting,
      byStreakLimit: b.byStreakLimit,
      byMaxWait: b.byMaxWait,
      other: b.other,
    },
  };
}
