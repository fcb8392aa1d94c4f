import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { issueTicket, kioskToken, listCounters, login } from '../test/process/api.js';
import { createThrowawayDb, pgReachable } from '../test/process/pg-db.js';
import { DEMO_PASSWORD, type ServerProcess, startServer } from '../test/process/server-process.js';
import { startHello } from './lib/hello-server.js';
import { envNumber, round, writeResult } from './lib/results.js';

/**
 * Ticket issuing throughput: a bare node:http server as the ceiling, the real server's GET /healthz
 * (the framework without a database), then the real server issuing kiosk tickets on SQLite
 * (synchronous=NORMAL, then FULL) and on PostgreSQL when one is reachable. autocannon runs in this
 * process, every server is a child process; loopback only, fixed duration per round.
 */

const DURATION_S = envNumber('BENCH_DURATION', 10);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 50);
const TARGET_RATIO = 0.5;
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Round {
  name: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  survives?: string;
  ratioToHello?: number;
  ticketsIssued?: number;
  servicesRotated?: number;
  /** 1-minute load average as the round started: other work on the machine skews the numbers. */
  loadAverage1m: number;
}

async function load(
  url: string,
  requests: { body: string }[] | 'GET',
  token?: string,
): Promise<Omit<Round, 'name'>> {
  const loadAverage1m = round(os.loadavg()[0] ?? 0);
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(requests === 'GET'
      ? { method: 'GET' }
      : {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          requests: requests.map((x) => ({ method: 'POST', body: x.body })),
        }),
  });
  return {
    reqPerSec: round(r.requests.average, 0),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    requests: r.latency.totalCount,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    loadAverage1m,
  };
}

/** Services a kiosk can issue for (one warm-up ticket each); the load rotates over them, as kiosks do. */
async function issuableServices(server: ServerProcess): Promise<number[]> {
  const admin = await login(server.base, 'admin', DEMO_PASSWORD);
  const ids = [...new Set((await listCounters(server.base, admin)).flatMap((c) => c.serviceIds))];
  const ok: number[] = [];
  for (const id of ids) if ((await issueTicket(server.base, id)).status === 201) ok.push(id);
  if (!ok.length) throw new Error('no service issues tickets');
  return ok;
}

async function ticketsRound(name: string, server: ServerProcess, survives: string): Promise<Round> {
  try {
    const services = await issuableServices(server);
    const url = `${server.base}/api/v1/malls/demo/tickets`;
    const bodies = services.map((id) => ({ body: JSON.stringify({ serviceId: id, source: 'kiosk' }) }));
    for (let i = 0; i < 200; i++) await issueTicket(server.base, services[i % services.length] as number);
    const r = await load(url, bodies, await kioskToken(server.base));
    return { name, ...r, survives, ticketsIssued: r.requests - r.non2xx, servicesRotated: services.length };
  } finally {
    await server.kill9();
  }
}

async function pgDurability(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const show = async (k: string) => (await c.query<Record<string, string>>(`SHOW ${k}`)).rows[0]?.[k];
    const [sc, fsync] = [await show('synchronous_commit'), await show('fsync')];
    const both = sc !== 'off' && fsync === 'on';
    return `synchronous_commit=${sc}, fsync=${fsync}: ${both ? 'survives process kill and power loss' : 'survives process kill; a power cut may lose the last commits'}`;
  } finally {
    await c.end();
  }
}

async function main() {
  const rounds: Round[] = [];
  const hello = await startHello();
  try {
    rounds.push({ name: 'node:http hello world', ...(await load(hello.base, [{ body: '{}' }])) });
  } finally {
    await hello.stop();
  }
  const helloRps = rounds[0]?.reqPerSec ?? Number.NaN;
  console.log(`hello: ${helloRps} req/s`);
  // The framework's own ceiling on this machine: the real server answering GET /healthz (no database).
  const bare = await startServer({ compiled: true });
  try {
    rounds.push({ name: 'real server, GET /healthz', ...(await load(`${bare.base}/healthz`, 'GET')) });
  } finally {
    await bare.kill9();
  }
  console.log(`GET /healthz: ${rounds.at(-1)?.reqPerSec} req/s`);
  // The same with every request logged (LOG_LEVEL=info, two JSON lines per request to stdout).
  const logged = await startServer({ compiled: true, env: { LOG_LEVEL: 'info' } });
  try {
    rounds.push({
      name: 'real server, GET /healthz, LOG_LEVEL=info',
      ...(await load(`${logged.base}/healthz`, 'GET')),
    });
  } finally {
    await logged.kill9();
  }
  console.log(`GET /healthz (info logging): ${rounds.at(-1)?.reqPerSec} req/s`);
  const sqlite = [
    ['NORMAL', 'survives a process kill (kill -9); a power cut may lose the last commits'],
    ['FULL', 'survives a process kill and a power cut (WAL synced at every commit)'],
  ] as const;
  for (const [sync, survives] of sqlite) {
    const server = await startServer({ compiled: true, env: { SQLITE_SYNCHRONOUS: sync } });
    rounds.push(await ticketsRound(`tickets, SQLite synchronous=${sync}`, server, survives));
    console.log(`SQLite ${sync}: ${rounds.at(-1)?.reqPerSec} req/s`);
  }
  let pgNote = `PostgreSQL not reachable at ${PG_ADMIN}: round skipped`;
  if (await pgReachable(PG_ADMIN)) {
    const db = await createThrowawayDb(PG_ADMIN, 'satu_atap_bench');
    try {
      const survives = await pgDurability(db.url);
      rounds.push(
        await ticketsRound(
          'tickets, PostgreSQL',
          await startServer({ compiled: true, databaseUrl: db.url }),
          survives,
        ),
      );
      pgNote = 'PostgreSQL round ran on a throwaway database';
      console.log(`PostgreSQL: ${rounds.at(-1)?.reqPerSec} req/s`);
    } finally {
      await db.drop();
    }
  }
  for (const r of rounds.slice(1)) r.ratioToHello = round(r.reqPerSec / helloRps, 3);
  const file = writeResult('issue', {
    durationSec: DURATION_S,
    connections: CONNECTIONS,
    request:
      'POST /api/v1/malls/demo/tickets {serviceId, source:"kiosk"} from a paired kiosk, services rotated',
    targetRatio: TARGET_RATIO,
    meetsTarget: Object.fromEntries(
      rounds.slice(1).map((r) => [r.name, (r.ratioToHello ?? 0) >= TARGET_RATIO]),
    ),
    postgres: pgNote,
    rounds,
  });
  console.table(
    rounds.map((r) => ({
      round: r.name,
      'req/s': r.reqPerSec,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      non2xx: r.non2xx,
      errors: r.errors,
      'ratio to hello': r.ratioToHello ?? '',
    })),
  );
  for (const r of rounds) if (r.survives) console.log(`${r.name}: ${r.survives}`);
  console.log(`wrote ${file}`);
}

await main();
