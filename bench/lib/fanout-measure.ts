import { pool } from '../../test/process/race.js';
import { rssBytes, sleep } from '../../test/process/server-process.js';
import { openSse, type SseStream } from '../../test/process/sse-client.js';
import { quantile, round } from './results.js';

/**
 * Holds `connections` SSE streams on a server, makes `calls` calls spaced `spacingMs` apart, and
 * times each stream's receipt of each call's ticket.called from just before the call's request.
 */

export interface FanoutTarget {
  streamUrl: string;
  lastEventId?: number;
  pid: number;
  /** Makes call i; calls `mark(number)` just before the request that causes the ticket.called. */
  call(i: number, mark: (number: string) => void): Promise<void>;
}

export interface FanoutOptions {
  connections: number;
  calls: number;
  spacingMs: number;
}

export async function measureFanout(target: FanoutTarget, o: FanoutOptions) {
  const rssBefore = rssBytes(target.pid);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const perConn = new Uint32Array(o.connections);
  const streams: SseStream[] = [];
  try {
    const openedAt = performance.now();
    await pool(Array.from({ length: o.connections }), 100, async (_, i) => {
      const onMessage = (m: { event: string; data: string }) => {
        if (m.event !== 'ticket.called') return;
        const now = performance.now();
        const sent = sentAt.get((JSON.parse(m.data) as { payload: { number: string } }).payload.number);
        if (sent === undefined) return;
        latencies.push(now - sent);
        perConn[i] = (perConn[i] ?? 0) + 1;
      };
      const opts = { lastEventId: target.lastEventId, timeoutMs: 30_000 };
      streams.push(await openSse(target.streamUrl, onMessage, opts));
    });
    const openMs = performance.now() - openedAt;
    await sleep(1000);
    const rssWith = rssBytes(target.pid);

    const started = performance.now();
    for (let i = 0; i < o.calls; i++) {
      const due = started + i * o.spacingMs;
      if (performance.now() < due) await sleep(due - performance.now());
      await target.call(i, (number) => sentAt.set(number, performance.now()));
    }
    const expected = o.calls * o.connections;
    const deadline = performance.now() + 10_000;
    while (latencies.length < expected && performance.now() < deadline) await sleep(20);
    const runMs = performance.now() - started;
    const sorted = Float64Array.from(latencies).sort();
    return {
      deliveries: latencies.length,
      missing: expected - latencies.length,
      connectionsMissingSome: perConn.filter((n) => n < o.calls).length,
      latencyMs: {
        p50: round(quantile(sorted, 0.5)),
        p95: round(quantile(sorted, 0.95)),
        p99: round(quantile(sorted, 0.99)),
        max: round(quantile(sorted, 1)),
      },
      openAllMs: Math.round(openMs),
      callsPerSecond: round((o.calls / runMs) * 1000, 1),
      serverRss: {
        beforeBytes: rssBefore,
        withConnectionsBytes: rssWith,
        perConnectionKiB: round((rssWith - rssBefore) / o.connections / 1024, 1),
      },
    };
  } finally {
    for (const s of streams) s.close();
  }
}
