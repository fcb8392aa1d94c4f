import fs from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedDemoMall } from '../src/server/seed/demo.js';
import { type CounterDto, call, listCounters, login } from '../test/process/api.js';
import { createThrowawayDb, pgReachable } from '../test/process/pg-db.js';
import { pool } from '../test/process/race.js';
import { rssBytes, type ServerProcess, sleep, startServer } from '../test/process/server-process.js';
import { openSse, type SseStream } from '../test/process/sse-client.js';
import { envNumber, quantile, round, writeResult } from './lib/results.js';

/**
 * National day on PostgreSQL: MALLS malls (each a copy of the demo mall) on one database, two compiled
 * app nodes, everything through the HTTP API: kiosks issue tickets (alternating nodes), each mall's
 * Disdukcapil counters call-next and finish as fast as tickets come, and each mall has a display
 * board listening on each node. Measured over SECONDS of steady load: tickets issued (and finished)
 * per second, p99 per request, the CPU seconds of each node and of PostgreSQL per ticket, and how
 * many writes each group commit carried. The full day is 500 malls × 3,000 visitors; the run is scaled
 * down (BENCH_NATIONAL_MALLS, BENCH_NATIONAL_SECONDS) and reports the rate it sustained.
 */

const MALLS = envNumber('BENCH_NATIONAL_MALLS', 20);
const SECONDS = envNumber('BENCH_NATIONAL_SECONDS', 30);
const KIOSKS = envNumber('BENCH_NATIONAL_KIOSKS', 48);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'national-bench-123';
const GOAL_TICKETS_PER_SECOND = 2000;

const ticks = (pid: number) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
};
/** CPU clock ticks (10 ms) of every postgres process on this machine (the database server's share). */
const postgresTicks = () => {
  let t = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim().startsWith('postgres')) t += ticks(Number(d));
    } catch {
      // gone
    }
  }
  return t;
};

interface Mall {
  slug: string;
  officer: string;
  /** A paired kiosk of the mall (kiosk tickets need one). */
  kiosk: string;
  counters: number[];
  serviceId: number;
}

async function main() {
  if (!(await pgReachable(PG_ADMIN))) {
    console.log(`PostgreSQL not reachable at ${PG_ADMIN}: national bench skipped`);
    return;
  }
  const db = await createThrowawayDb(PG_ADMIN, 'satu_atap_national');
  const nodes: ServerProcess[] = [];
  const streams: SseStream[] = [];
  try {
    const setupStarted = performance.now();
    const database = openDatabase({ databaseUrl: db.url, sqlitePath: '' });
    await migrateToLatest(database);
    const slugs = Array.from({ length: MALLS }, (_, i) => `mall-${i + 1}`);
    await pool(slugs, 4, (slug, i) =>
      seedDemoMall(database, PASSWORD, { slug, usernameSuffix: `m${i + 1}` }),
    );
    await database.close();
    const env = { SEED_DEMO: 'never' };
    for (let i = 0; i < 2; i++) nodes.push(await startServer({ databaseUrl: db.url, compiled: true, env }));
    const malls: Mall[] = await pool(slugs, 8, async (slug, i) => {
      const base = nodes[0]!.base;
      const officer = await login(base, `petugas-m${i + 1}`, PASSWORD);
      const admin = await login(base, `admin-m${i + 1}`, PASSWORD);
      const made = await call<{ pairingCode: string }>(base, 'POST', `/api/v1/malls/${slug}/devices`, {
        token: admin,
        body: { kind: 'kiosk', name: 'bench kiosk' },
      });
      const paired = await call<{ token: string }>(base, 'POST', '/api/v1/devices/pair', {
        body: { code: made.body.pairingCode },
      });
      if (paired.status !== 200) throw new Error(`pair kiosk of ${slug}: ${paired.status}`);
      const me = await call<{ counterIds?: number[] }>(nodes[0]!.base, 'GET', '/api/v1/auth/me', {
        token: officer,
      });
      const all = await listCounters(nodes[0]!.base, officer, slug);
      const mine = all.filter((c: CounterDto) => (me.body.counterIds ?? all.map((x) => x.id)).includes(c.id));
      const serviceId = mine[0]!.serviceIds[0]!;
      return {
        slug,
        officer,
        kiosk: paired.body.token,
        counters: mine.filter((c) => c.serviceIds.includes(serviceId)).map((c) => c.id),
        serviceId,
      };
    });
    for (const m of malls)
      for (const n of nodes)
        streams.push(
          await openSse(`${n.base}/api/v1/malls/${m.slug}/displays/all/stream`, () => {}, {
            timeoutMs: 30_000,
          }),
        );
    const setupSeconds = round((performance.now() - setupStarted) / 1000, 1);
    void malls.length;

    const latency: Record<'issue' | 'call' | 'finish', number[]> = { issue: [], call: [], finish: [] };
    let issued = 0;
    let finished = 0;
    let failures = 0;
    const timed = async <T>(kind: keyof typeof latency, fn: () => Promise<{ status: number; body: T }>) => {
      const t0 = performance.now();
      const r = await fn();
      latency[kind].push(performance.now() - t0);
      return r;
    };
    const cpu0 = { nodes: nodes.map((n) => ticks(n.pid)), pg: postgresTicks() };
    const started = performance.now();
    const until = started + SECONDS * 1000;
    let k = 0;
    const kiosk = async () => {
      while (performance.now() < until) {
        const m = malls[Math.floor(Math.random() * malls.length)]!;
        const node = nodes[k++ % nodes.length]!;
        const r = await timed('issue', () =>
          call(node.base, 'POST', `/api/v1/malls/${m.slug}/tickets`, {
            token: m.kiosk,
            body: { serviceId: m.serviceId, source: 'kiosk' },
          }),
        );
        if (r.status === 201) issued++;
        else failures++;
      }
    };
    const counter = async (m: Mall, counterId: number, node: ServerProcess) => {
      while (performance.now() < until) {
        const c = await timed('call', () =>
          call<{ id: number } | null>(
            node.base,
            'POST',
            `/api/v1/malls/${m.slug}/counters/${counterId}/call-next`,
            {
              token: m.officer,
            },
          ),
        );
        if (c.status !== 200 || !c.body) {
          await sleep(100);
          continue;
        }
        const f = await timed('finish', () =>
          call(node.base, 'POST', `/api/v1/malls/${m.slug}/tickets/${c.body!.id}/finish`, {
            token: m.officer,
            body: { outcome: 'done' },
          }),
        );
        if (f.status === 200) finished++;
        else failures++;
      }
    };
    await Promise.all([
      ...Array.from({ length: KIOSKS }, kiosk),
      ...malls.flatMap((m, i) => m.counters.map((c, j) => counter(m, c, nodes[(i + j) % nodes.length]!))),
    ]);
    const runMs = performance.now() - started;
    const cpu = { nodes: nodes.map((n, i) => ticks(n.pid) - cpu0.nodes[i]!), pg: postgresTicks() - cpu0.pg };
    const group = await Promise.all(
      nodes.map(async (n) => {
        const m = await (await fetch(`${n.base}/metrics`)).text();
        const g = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(m)?.[1] ?? 0);
        return { batches: g('satu_atap_group_commit_batches'), writes: g('satu_atap_group_commit_writes') };
      }),
    );
    const stat = (xs: number[]) => {
      const s = Float64Array.from(xs).sort();
      return {
        n: s.length,
        p50: round(quantile(s, 0.5)),
        p99: round(quantile(s, 0.99)),
        max: round(quantile(s, 1)),
      };
    };
    const perTicketMs = (t: number) => round((t * 10) / Math.max(1, issued), 2);
    const result = {
      malls: MALLS,
      nodes: 2,
      kiosks: KIOSKS,
      countersCalling: malls.reduce((s, m) => s + m.counters.length, 0),
      displays: streams.length,
      seconds: round(runMs / 1000, 1),
      setupSeconds,
      ticketsIssued: issued,
      ticketsFinished: finished,
      failures,
      ticketsPerSecond: round((issued / runMs) * 1000, 1),
      finishedPerSecond: round((finished / runMs) * 1000, 1),
      goalTicketsPerSecond: GOAL_TICKETS_PER_SECOND,
      latencyMs: { issue: stat(latency.issue), callNext: stat(latency.call), finish: stat(latency.finish) },
      cpuMsPerIssuedTicket: {
        node1: perTicketMs(cpu.nodes[0]!),
        node2: perTicketMs(cpu.nodes[1]!),
        postgres: perTicketMs(cpu.pg),
      },
      groupCommit: group,
      nodeRssMiB: nodes.map((n) => round(rssBytes(n.pid) / 2 ** 20, 1)),
      fullDay: '500 malls × 3,000 visitors = 1.5 M tickets; at the measured rate that is the hours below',
      fullDayHoursAtMeasuredRate: round(1_500_000 / Math.max(1, (issued / runMs) * 1000) / 3600, 2),
      loadAverage1m: os.loadavg()[0],
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`wrote ${writeResult('national', result)}`);
  } finally {
    for (const s of streams) s.close();
    for (const n of nodes) await n.kill9();
    await db.drop();
  }
}

await main();
