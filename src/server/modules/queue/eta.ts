/**
 * Waiting-time estimate: people ahead × typical minutes per citizen ÷ open counters. The typical time
 * is the trimmed mean of recent called→finished durations of the service (walking + service time),
 * falling back to the standard's own completion time while there is no history.
 */
export interface EtaInput {
  ahead: number;
  recentMinutes: readonly number[];
  fallbackMinutes: number;
  openCounters: number;
}

export function typicalMinutes(recent: readonly number[], fallback: number): number {
  const usable = recent.filter((m) => Number.isFinite(m) && m >= 0 && m < 240).sort((a, b) => a - b);
  if (usable.length < 3) return fallback;
  const trim = Math.floor(usable.length * 0.1);
  const kept = usable.slice(trim, usable.length - trim);
  return kept.reduce((s, m) => s + m, 0) / kept.length;
}

export function estimateWaitMinutes(i: EtaInput): number {
  if (i.ahead <= 0) return 0;
  const per = typicalMinutes(i.recentMinutes, i.fallbackMinutes);
  return Math.ceil((i.ahead * per) / Math.max(1, i.openCounters));
}
