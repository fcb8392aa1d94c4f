import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { AppContext } from '../src/server/context.js';
import { deleteExpiredSessions } from '../src/server/modules/auth/auth.service.js';
import { autoCloseDue, escalateOverdue } from '../src/server/modules/complaints/complaints.jobs.js';
import { eraseOldAddresses } from '../src/server/modules/notifications/notifications.service.js';
import { outboxWorkerOf } from '../src/server/modules/outbox/outbox.worker.js';
import {
  deleteExpiredMessages,
  eraseExpiredAddresses,
} from '../src/server/modules/outbox/retention.service.js';
import { anonymiseEverywhere } from '../src/server/modules/privacy/retention.service.js';
import { endEarlierDaysEverywhere } from '../src/server/modules/queue/day-end.service.js';
import { rollUpEverywhere } from '../src/server/modules/reports/rollup.service.js';
import type { DayRecord } from '../src/sim/play.js';
import { runSimulation } from '../src/sim/run.js';
import { resolveScenario, VISITORS_PER_COUNTER } from '../src/sim/scenario.js';
import { findPgBin, startOwnPostgres } from '../test/faults/own-pg.js';
import { createThrowawayDb, pgReachable } from '../test/process/pg-db.js';
import { openSse, type SseStream } from '../test/process/sse-client.js';
import { envNumber, quantile, round, writeResult } from './lib/results.js';

/**
 * Soak: a compressed week of a busy mall on SQLite, then on PostgreSQL. The day simulator
 * (src/sim, docs/planning.md "Day simulator") plays SOAK_DAYS working days (default 5, a week) of a
 * mall with SOAK_VISITORS visitors a day (default 2,500) through the real API in one process, with
 * the clock moved from event to event, while display boards hold live streams and a local WhatsApp
 * gateway takes the outbox's messages. Each database runs in its own child process (node
 * --expose-gc), so its RSS is its own; PostgreSQL is a cluster of the bench's own (see PG_URL).
 * At each simulated day end the hourly jobs a real day would have run are run once (their timers
 * are real-time, a compressed day is minutes), memory is sampled after a forced GC (and every
 * SAMPLE_EVERY requests), every table is counted, and the day's API latencies are summed up.
 * Criteria: RSS slope from day 2 to the last day under RSS_SLOPE_MAX MB/day; live_events, the
 * outbox and sessions kept to their retention; the last day's p99 (wall, and this process's CPU per
 * request) within P99_RATIO_MAX × the first day's. Results: bench/results/soak.json.
 */

const DAYS = envNumber('SOAK_DAYS', 5);
const VISITORS = envNumber('SOAK_VISITORS', 2500);
/** Counters for the visitors at the simulator's calibrated load (Pandeglang's 28.6 visitors a counter). */
const COUNTERS = envNumber('SOAK_COUNTERS', Math.round(VISITORS / VISITORS_PER_COUNTER));
const AGENCIES = envNumber('SOAK_AGENCIES', 30);
const BOARDS = envNumber('SOAK_BOARDS', 3);
const SEED = envNumber('SOAK_SEED', 42);
/** Monday 7 December 2026: the week to 11 December has no holiday. */
const START = process.env.SOAK_START ?? '2026-12-07';
/**
 * PostgreSQL: a cluster of the bench's own (initdb, defaults as in production: autovacuum on), since
 * this machine's shared server runs with autovacuum off for the tests' sake, and a week of updates
 * and deletes without it is not what a mall runs on. SOAK_PG_URL (a server's postgres database) uses
 * that server instead, with a throwaway database.
 */
const PG_URL = process.env.SOAK_PG_URL;
const DATABASES = (process.env.SOAK_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());

const RSS_SLOPE_MAX_MB_PER_DAY = 5;
/** Memory is also sampled (after a forced GC) every this many requests: one sample is noisy. */
const SAMPLE_EVERY = 500;
const P99_RATIO_MAX = 1.5;
/** Settings the soak runs with: live events the product's default (48 h); the outbox 2 days (default 30) so that its deletion shows within a week. */
const LIVE_EVENTS_RETENTION_HOURS = 48;
const OUTBOX_RETENTION_DAYS = envNumber('SOAK_OUTBOX_RETENTION_DAYS', 2);

interface DaySample {
  day: number;
  date: string;
  visitors: number;
  requests: number;
  wallSeconds: number;
  /** This process's CPU time (user + system) per API request of the day: less skewed by other load than latency. */
  cpuMsPerRequest: number;
  loadAverage1m: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /**
   * This process's CPU time from one answer to the next (the request and whatever it set off: the
   * boards' fan-out, the outbox): p50/p99. Other processes' load stretches latency, not this.
   */
  cpuPerRequestMs: { p50: number; p99: number };
  /** p99 of the busiest routes (method and path with ids as :x). */
  routesP99Ms: Record<string, { n: number; p99: number }>;
  /** At the day's end after a forced GC; and the median of the samples taken every SAMPLE_EVERY requests. */
  memory: { rssMiB: number; heapUsedMiB: number; externalMiB: number; samples: number; rssMedianMiB: number };
  boardEvents: number;
  jobs: Record<string, unknown>;
  tables: Record<string, number>;
  liveEvents: { rows: number; oldestAgeHours: number | null };
  outbox: { byStatus: Record<string, number>; attempts: number; oldestFinishedAgeHours: number | null };
  sessions: { rows: number; expired: number };
  /**
   * PostgreSQL only, from its statistics views over the day: the indexes that read the most entries
   * and the tables scanned whole the most (tuples per API request), and dead tuples left — where a
   * query that gets slower with history would show.
   */
  pg?: {
    indexReadsPerRequest: Record<string, number>;
    seqReadsPerRequest: Record<string, number>;
    deadTuples: Record<string, number>;
  };
}

interface RunResult {
  database: string;
  scenario: Record<string, unknown>;
  setupSeconds: number;
  wallSeconds: number;
  days: DaySample[];
  /** PostgreSQL: the server's version and the settings that matter over a week. */
  server?: Record<string, string>;
  gatewayRequests?: number;
}

const MiB = 2 ** 20;
const routeOf = (method: string, url: string) =>
  `${method} ${
    url
      .split('?')[0]!
      .replace(/^\/api\/v1\/malls\/[^/]+/, '')
      .split('/')
      .map((s) => (/\d/.test(s) ? ':x' : s))
      .join('/') || '/'
  }`;

// ─── child: one database ─────────────────────────────────────────────────────────────────────────

async function child(database: string): Promise<void> {
  const out = process.env.SOAK_OUT!;
  const scenario = resolveScenario({
    id: 'soak',
    name: 'MPP Kota Sibuk (soak)',
    timezone: 'Asia/Jakarta',
    agencies: AGENCIES,
    counters: COUNTERS,
    services: null,
    officers: COUNTERS,
    visitorsPerDay: VISITORS,
    facts: [],
  });
  const t0 = performance.now();
  let setupSeconds = 0;
  let dayStarted = 0;
  let cpuAtStart = process.cpuUsage();
  let latencies: number[] = [];
  let cpuPerRequest: number[] = [];
  let rssSamples: number[] = [];
  let lastCpu = process.cpuUsage();
  let byRoute = new Map<string, number[]>();
  let requests = 0;
  let boardEvents = 0;
  const boards: SseStream[] = [];
  const days: DaySample[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  let pgBefore = new Map<string, number>();
  let server: Record<string, string> | undefined;

  const onDayEnd = async (day: DayRecord, ctx: AppContext) => {
    // The jobs a real day runs on timers (hourly, or every minute), once at the simulated day's end.
    const jobs: Record<string, unknown> = {};
    await outboxWorkerOf(ctx)?.kick();
    jobs.liveEventsPruned = await ctx.hub.prune();
    jobs.outboxAddressesErased = await eraseExpiredAddresses(ctx);
    jobs.outboxDeleted = await deleteExpiredMessages(ctx);
    jobs.sessionsDeleted = await deleteExpiredSessions(ctx);
    jobs.notifyAddressesErased = await eraseOldAddresses(ctx, ctx.config.OUTBOX_ADDRESS_RETENTION_DAYS);
    jobs.dayEnd = await endEarlierDaysEverywhere(ctx);
    jobs.rollups = await rollUpEverywhere(ctx);
    jobs.complaintsClosed = await autoCloseDue(ctx);
    jobs.complaintsEscalated = await escalateOverdue(ctx);
    jobs.anonymised = Object.keys(await anonymiseEverywhere(ctx)).length;
    await outboxWorkerOf(ctx)?.kick();
    const now = ctx.now();
    const { db } = ctx.database;
    if (ctx.database.dialect === 'postgres' && !server) {
      const rows = await sql<{ name: string; setting: string }>`
        select name, setting from pg_settings
        where name in ('server_version', 'autovacuum', 'shared_buffers', 'fsync', 'synchronous_commit')`.execute(
        ctx.database.db,
      );
      server = Object.fromEntries(rows.rows.map((r) => [r.name, r.setting]));
    }
    // PostgreSQL's counters first, before this sampling reads anything.
    const pg = ctx.database.dialect === 'postgres' ? await pgStats(ctx, pgBefore, requests) : undefined;
    const tables = await countRows(ctx);
    const ageHours = (iso: string | null | undefined) =>
      iso ? round((now.getTime() - Date.parse(iso)) / 3_600_000, 1) : null;
    const oldestLive = await db
      .selectFrom('live_events')
      .select((eb) => eb.fn.min<string>('at').as('at'))
      .executeTakeFirst();
    const outboxStatus = await db
      .selectFrom('outbox_messages')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const oldestFinished = await db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.min<string>('created_at').as('at'))
      .where('status', 'in', ['sent', 'failed', 'cancelled'])
      .executeTakeFirst();
    const expired = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('expires_at', '<=', now.toISOString())
      .executeTakeFirst();
    const cpu = process.cpuUsage(cpuAtStart);
    // The baseline for tomorrow after this sampling's own reads.
    if (pg) pgBefore = (await pgStats(ctx, new Map(), 1)).now;
    gc?.();
    gc?.();
    const mem = process.memoryUsage();
    rssSamples.push(mem.rss);
    const sorted = Float64Array.from(latencies).sort();
    const cpuSorted = Float64Array.from(cpuPerRequest).sort();
    const routesP99Ms: DaySample['routesP99Ms'] = {};
    for (const [route, ms] of [...byRoute].sort((a, b) => b[1].length - a[1].length).slice(0, 10)) {
      routesP99Ms[route] = { n: ms.length, p99: round(quantile(Float64Array.from(ms).sort(), 0.99), 1) };
    }
    const sample: DaySample = {
      day: days.length + 1,
      date: day.date,
      visitors: day.visitors,
      requests,
      wallSeconds: round((performance.now() - dayStarted) / 1000, 1),
      cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, requests), 2),
      loadAverage1m: round(os.loadavg()[0] ?? 0),
      latencyMs: {
        p50: round(quantile(sorted, 0.5), 2),
        p95: round(quantile(sorted, 0.95), 2),
        p99: round(quantile(sorted, 0.99), 2),
        max: round(sorted.at(-1) ?? 0, 1),
      },
      cpuPerRequestMs: { p50: round(quantile(cpuSorted, 0.5), 2), p99: round(quantile(cpuSorted, 0.99), 2) },
      routesP99Ms,
      memory: {
        rssMiB: round(mem.rss / MiB, 1),
        heapUsedMiB: round(mem.heapUsed / MiB, 1),
        externalMiB: round(mem.external / MiB, 1),
        samples: rssSamples.length,
        rssMedianMiB: round(quantile(Float64Array.from(rssSamples).sort(), 0.5) / MiB, 1),
      },
      boardEvents,
      jobs,
      tables,
      liveEvents: { rows: tables.live_events ?? 0, oldestAgeHours: ageHours(oldestLive?.at) },
      outbox: {
        byStatus: Object.fromEntries(outboxStatus.map((r) => [r.status, Number(r.n)])),
        attempts: tables.outbox_attempts ?? 0,
        oldestFinishedAgeHours: ageHours(oldestFinished?.at),
      },
      sessions: { rows: tables.sessions ?? 0, expired: Number(expired?.n ?? 0) },
      ...(pg ? { pg: pg.sample } : {}),
    };
    days.push(sample);
    console.log(
      `[${database}] day ${sample.day} ${sample.date}: ${sample.visitors} visitors, ${requests} requests in ` +
        `${sample.wallSeconds} s (load ${sample.loadAverage1m}, ${sample.cpuMsPerRequest} CPU-ms/request); p50 ${sample.latencyMs.p50} ms, p99 ` +
        `${sample.latencyMs.p99} ms (CPU p99 ${sample.cpuPerRequestMs.p99} ms); RSS ${sample.memory.rssMiB} MiB ` +
        `(median ${sample.memory.rssMedianMiB}), heap ${sample.memory.heapUsedMiB} MiB; ` +
        `live_events ${sample.liveEvents.rows} (oldest ${sample.liveEvents.oldestAgeHours} h), outbox ` +
        `${JSON.stringify(sample.outbox.byStatus)}, sessions ${sample.sessions.rows}, board events ${boardEvents}`,
    );
    latencies = [];
    cpuPerRequest = [];
    rssSamples = [];
    byRoute = new Map();
    requests = 0;
    boardEvents = 0;
    if (days.length === DAYS) for (const b of boards) b.close();
    dayStarted = performance.now();
    cpuAtStart = process.cpuUsage();
    lastCpu = process.cpuUsage();
  };

  await runSimulation({
    scenario,
    days: DAYS,
    seed: SEED,
    start: START,
    databaseUrl: process.env.SOAK_DATABASE_URL || undefined,
    env: {
      WHATSAPP_GATEWAY_URL: process.env.SOAK_GATEWAY_URL!,
      LIVE_EVENTS_RETENTION_HOURS: String(LIVE_EVENTS_RETENTION_HOURS),
      OUTBOX_RETENTION_DAYS: String(OUTBOX_RETENTION_DAYS),
    },
    // The boards connect once the mall is built; from then on every request counts for its day.
    listen: {
      port: 0,
      host: '127.0.0.1',
      onListening: (url, slug) => {
        setupSeconds = round((performance.now() - t0) / 1000, 1);
        latencies = [];
        byRoute = new Map();
        requests = 0;
        dayStarted = performance.now();
        cpuAtStart = process.cpuUsage();
        lastCpu = process.cpuUsage();
        void (async () => {
          for (let i = 0; i < BOARDS; i++)
            boards.push(
              await openSse(`${url}/api/v1/malls/${slug}/displays/all/stream`, () => boardEvents++),
            );
        })();
      },
    },
    onRequest: (method, url, _status, ms) => {
      requests++;
      latencies.push(ms);
      const cpu = process.cpuUsage(lastCpu);
      cpuPerRequest.push((cpu.user + cpu.system) / 1000);
      if (requests % SAMPLE_EVERY === 0) {
        gc?.();
        rssSamples.push(process.memoryUsage().rss);
      }
      lastCpu = process.cpuUsage();
      const key = routeOf(method, url);
      const list = byRoute.get(key);
      if (list) list.push(ms);
      else byRoute.set(key, [ms]);
    },
    onDayEnd,
  });
  const result: RunResult = {
    database,
    scenario: {
      visitorsPerDay: scenario.visitorsPerDay,
      agencies: scenario.agencies,
      counters: scenario.counters,
      services: scenario.services,
      officers: scenario.officers,
      boards: BOARDS,
      days: DAYS,
      start: START,
      seed: SEED,
    },
    setupSeconds,
    wallSeconds: round((performance.now() - t0) / 1000, 1),
    days,
    ...(server ? { server } : {}),
  };
  fs.writeFileSync(out, JSON.stringify(result));
}

/** Tables kept to a retention: counted exactly. */
const BOUNDED = ['live_events', 'outbox_messages', 'outbox_attempts', 'sessions'];

/**
 * Rows of every table: exact on SQLite; on PostgreSQL exact for the bounded tables and the live-tuple
 * count of its statistics for the others (a count(*) of each would be read as the app's own reads).
 */
async function countRows(ctx: AppContext): Promise<Record<string, number>> {
  const { db } = ctx.database;
  const tables: Record<string, number> = {};
  const exact = async (name: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n);
  if (ctx.database.dialect === 'sqlite') {
    const names = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
      db,
    );
    for (const { name } of names.rows) tables[name] = await exact(name);
    return tables;
  }
  const live = await sql<{ name: string; n: string }>`
    select relname as name, n_live_tup as n from pg_stat_user_tables order by relname`.execute(db);
  for (const { name, n } of live.rows) tables[name] = BOUNDED.includes(name) ? await exact(name) : Number(n);
  return tables;
}

/** Counters of PostgreSQL's statistics views now, and what they moved since `before`, per request. */
async function pgStats(ctx: AppContext, before: Map<string, number>, requests: number) {
  const { db } = ctx.database;
  const now = new Map<string, number>();
  const idx = await sql<{ name: string; reads: string }>`
    select relname || '.' || indexrelname as name, idx_tup_read as reads from pg_stat_user_indexes`.execute(
    db,
  );
  for (const r of idx.rows) now.set(`i:${r.name}`, Number(r.reads));
  const tabs = await sql<{ name: string; seq: string; dead: string }>`
    select relname as name, seq_tup_read as seq, n_dead_tup as dead from pg_stat_user_tables`.execute(db);
  for (const r of tabs.rows) now.set(`s:${r.name}`, Number(r.seq));
  const top = (prefix: string) =>
    Object.fromEntries(
      [...now]
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(2), round((v - (before.get(k) ?? 0)) / Math.max(1, requests), 1)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8),
    );
  return {
    now,
    sample: {
      indexReadsPerRequest: top('i:'),
      seqReadsPerRequest: top('s:'),
      deadTuples: Object.fromEntries(
        tabs.rows
          .map((r) => [r.name, Number(r.dead)] as const)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5),
      ),
    },
  };
}

// ─── parent: a gateway, one child per database, the criteria ─────────────────────────────────────

/** A WhatsApp gateway on 127.0.0.1 that answers 200 at once and only counts (its memory is not the app's). */
async function startGateway() {
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `gw-${n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    count: () => n,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den ? num / den : 0;
}

function criteria(r: RunResult) {
  const after = r.days.slice(1); // day 1 warms up (JIT, caches, the SQLite page cache)
  const rssSlope = round(
    slope(
      after.map((d) => d.day),
      after.map((d) => d.memory.rssMedianMiB),
    ),
  );
  const heapSlope = round(
    slope(
      after.map((d) => d.day),
      after.map((d) => d.memory.heapUsedMiB),
    ),
  );
  const first = r.days[0]!;
  const last = r.days.at(-1)!;
  const p99Ratio = round(last.latencyMs.p99 / first.latencyMs.p99);
  // CPU after the warm-up day (day 1 compiles the code: its CPU p99 is high) when there is one.
  const cpuBase = r.days.length > 2 ? r.days[1]! : first;
  const cpuP99Ratio = round(last.cpuPerRequestMs.p99 / cpuBase.cpuPerRequestMs.p99);
  const liveOldest = Math.max(...r.days.map((d) => d.liveEvents.oldestAgeHours ?? 0));
  // Past the retention window the count stops growing: the last day against the first full window.
  const windowDay = Math.ceil(LIVE_EVENTS_RETENTION_HOURS / 24);
  const liveRatio =
    r.days.length > windowDay ? round(last.liveEvents.rows / r.days[windowDay - 1]!.liveEvents.rows) : null;
  const pendingMax = Math.max(...r.days.map((d) => d.outbox.byStatus.pending ?? 0));
  const outboxOldest = Math.max(...r.days.map((d) => d.outbox.oldestFinishedAgeHours ?? 0));
  const outboxRows = (d: DaySample) => Object.values(d.outbox.byStatus).reduce((a, b) => a + b, 0);
  const outboxDay = Math.ceil(OUTBOX_RETENTION_DAYS);
  const outboxRatio =
    r.days.length > outboxDay ? round(outboxRows(last) / outboxRows(r.days[outboxDay - 1]!)) : null;
  const expiredMax = Math.max(...r.days.map((d) => d.sessions.expired));
  const checks = {
    rss: {
      pass: after.length < 2 || rssSlope < RSS_SLOPE_MAX_MB_PER_DAY,
      detail: `RSS (day's median) slope day 2→${last.day} ${rssSlope} MiB/day (heap after GC ${heapSlope}); limit < ${RSS_SLOPE_MAX_MB_PER_DAY}`,
    },
    p99: {
      pass: p99Ratio <= P99_RATIO_MAX,
      detail: `p99 last day ${last.latencyMs.p99} ms ÷ day 1 ${first.latencyMs.p99} ms = ${p99Ratio} (p50 ${first.latencyMs.p50} → ${last.latencyMs.p50} ms); limit ≤ ${P99_RATIO_MAX} (load average ${first.loadAverage1m} → ${last.loadAverage1m})`,
    },
    p99Cpu: {
      pass: cpuP99Ratio <= P99_RATIO_MAX,
      detail: `CPU per request p99 last day ${last.cpuPerRequestMs.p99} ms ÷ day ${cpuBase.day} ${cpuBase.cpuPerRequestMs.p99} ms = ${cpuP99Ratio} (p50 ${cpuBase.cpuPerRequestMs.p50} → ${last.cpuPerRequestMs.p50} ms); limit ≤ ${P99_RATIO_MAX}`,
    },
    liveEvents: {
      pass: liveOldest <= LIVE_EVENTS_RETENTION_HOURS + 1 && (liveRatio === null || liveRatio <= 1.3),
      detail: `oldest kept ${liveOldest} h (retention ${LIVE_EVENTS_RETENTION_HOURS} h); last day ÷ day ${windowDay} rows ${liveRatio ?? 'n/a'} (≤ 1.3)`,
    },
    outbox: {
      pass:
        pendingMax === 0 &&
        outboxOldest <= OUTBOX_RETENTION_DAYS * 24 + 1 &&
        (outboxRatio === null || outboxRatio <= 1.3),
      detail: `pending at day ends ≤ ${pendingMax} (0); oldest finished kept ${outboxOldest} h (retention ${OUTBOX_RETENTION_DAYS * 24} h); last day ÷ day ${outboxDay} rows ${outboxRatio ?? 'n/a'} (≤ 1.3)`,
    },
    sessions: {
      pass: expiredMax === 0,
      detail: `expired sessions left at day ends ≤ ${expiredMax}; rows ${r.days.map((d) => d.sessions.rows).join(', ')}`,
    },
  };
  return {
    pass: Object.values(checks).every((c) => c.pass),
    rssSlope,
    heapSlope,
    p99Ratio,
    cpuP99Ratio,
    checks,
  };
}

async function parent(): Promise<void> {
  const gateway = await startGateway();
  const runs: (RunResult & { criteria: ReturnType<typeof criteria> })[] = [];
  const skipped: string[] = [];
  const self = fileURLToPath(import.meta.url);
  try {
    for (const database of DATABASES) {
      let drop: (() => Promise<void>) | null = null;
      let url = '';
      if (database === 'postgres' && PG_URL) {
        if (!(await pgReachable(PG_URL))) {
          console.log(`PostgreSQL not reachable at ${PG_URL}: skipped`);
          skipped.push(database);
          continue;
        }
        const db = await createThrowawayDb(PG_URL, 'satu_atap_soak');
        url = db.url;
        drop = db.drop;
      } else if (database === 'postgres') {
        const bin = findPgBin();
        if (!bin) {
          console.log('no PostgreSQL server installed (/usr/lib/postgresql/*/bin): skipped');
          skipped.push(database);
          continue;
        }
        const own = await startOwnPostgres(bin);
        url = await own.createDatabase('satu_atap_soak');
        drop = () => own.destroy();
      }
      const out = path.join(os.tmpdir(), `satu-atap-soak-${process.pid}-${database}.json`);
      const sentBefore = gateway.count();
      try {
        const code = await new Promise<number | null>((resolve) => {
          const p = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', self], {
            stdio: 'inherit',
            env: {
              ...process.env,
              SOAK_CHILD: database,
              SOAK_OUT: out,
              SOAK_GATEWAY_URL: gateway.url,
              SOAK_DATABASE_URL: url,
            },
          });
          p.on('exit', (c) => resolve(c));
        });
        if (code !== 0) throw new Error(`soak on ${database} exited with ${code}`);
        const r = JSON.parse(fs.readFileSync(out, 'utf8')) as RunResult;
        r.gatewayRequests = gateway.count() - sentBefore;
        const c = criteria(r);
        runs.push({ ...r, criteria: c });
        console.log(`\n${database}: ${c.pass ? 'PASS' : 'FAIL'} (${r.wallSeconds} s)`);
        for (const [k, v] of Object.entries(c.checks))
          console.log(`  ${v.pass ? 'ok  ' : 'FAIL'} ${k}: ${v.detail}`);
      } finally {
        fs.rmSync(out, { force: true });
        await drop?.().catch(() => {});
      }
    }
  } finally {
    await gateway.close();
  }
  const file = writeResult('soak', {
    settings: {
      days: DAYS,
      visitorsPerDay: VISITORS,
      counters: COUNTERS,
      agencies: AGENCIES,
      boards: BOARDS,
      liveEventsRetentionHours: LIVE_EVENTS_RETENTION_HOURS,
      outboxRetentionDays: OUTBOX_RETENTION_DAYS,
      limits: { rssSlopeMiBPerDay: RSS_SLOPE_MAX_MB_PER_DAY, p99Ratio: P99_RATIO_MAX },
    },
    skipped,
    pass: runs.length > 0 && runs.every((r) => r.criteria.pass),
    runs,
  });
  console.log(`\nwritten ${file}`);
  if (!runs.every((r) => r.criteria.pass)) process.exitCode = 1;
}

/** `SOAK_RECHECK=bench/results/soak.json`: the criteria again over recorded runs (after changing a limit). */
function recheck(file: string): void {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: RunResult[] } & Record<string, unknown>;
  const runs = saved.runs.map((r) => ({ ...r, criteria: criteria(r) }));
  for (const r of runs) {
    console.log(`${r.database}: ${r.criteria.pass ? 'PASS' : 'FAIL'}`);
    for (const [k, v] of Object.entries(r.criteria.checks))
      console.log(`  ${v.pass ? 'ok  ' : 'FAIL'} ${k}: ${v.detail}`);
  }
  fs.writeFileSync(
    file,
    `${JSON.stringify({ ...saved, pass: runs.every((r) => r.criteria.pass), runs }, null, 2)}\n`,
  );
}

if (process.env.SOAK_RECHECK) recheck(process.env.SOAK_RECHECK);
else if (process.env.SOAK_CHILD) await child(process.env.SOAK_CHILD);
else await parent();
process.exit(process.exitCode ?? 0);
