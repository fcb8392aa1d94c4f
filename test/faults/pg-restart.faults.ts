import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastEventId } from '../process/api.js';
import { type ServerProcess, sleep, startServer } from '../process/server-process.js';
import { openSse, type SseStream } from '../process/sse-client.js';
import { inspect } from './inspect.js';
import { type Kind, LOAD_ENV, MixedLoad, prepareLoad } from './mixed-load.js';
import { findPgBin, type OwnPostgres, startOwnPostgres } from './own-pg.js';
import { checkAcked } from './verify.js';

/**
 * Issue 16 §3: PostgreSQL restarted under load — `pg_ctl restart -m fast` (clients disconnected,
 * clean shutdown), then `-m immediate` (a crash: no shutdown checkpoint, recovery from the WAL) — on
 * a cluster of the test's own (never the machine's 5432). Two app nodes run against it: A takes the
 * mixed load, B holds a display stream. Neither is restarted. Requests meanwhile answer 503
 * DATABASE_UNAVAILABLE and nothing else; every kind of request succeeds again within seconds;
 * nothing acknowledged is lost; B's stream (LISTEN reconnected, the mall re-read) misses no event.
 */

const pgBin = findPgBin();
if (!pgBin && process.env.CI === 'true')
  throw new Error('CI=true but no PostgreSQL server (initdb) is installed');
if (!pgBin)
  console.warn('[fault tests] no PostgreSQL server binaries: the PostgreSQL restart test is SKIPPED');

const KINDS: Kind[] = ['ticket', 'call', 'finish', 'booking', 'application', 'payment'];

describe.skipIf(!pgBin)('PostgreSQL restarted under load', () => {
  let cluster: OwnPostgres;
  let url: string;
  const nodes: ServerProcess[] = [];
  let stream: SseStream | undefined;

  beforeAll(async () => {
    cluster = await startOwnPostgres(pgBin!);
    url = await cluster.createDatabase('satu_atap');
  }, 120_000);

  afterAll(async () => {
    stream?.close();
    for (const n of nodes) await n.kill9();
    await cluster?.destroy();
  });

  it('serves again by itself after a fast and an immediate restart, keeping every acknowledged write', async () => {
    const env = { ...LOAD_ENV, LOG_LEVEL: 'error' };
    const a = await startServer({ databaseUrl: url, env, compiled: true });
    nodes.push(a);
    const b = await startServer({ databaseUrl: url, env, compiled: true });
    nodes.push(b);
    const setup = await prepareLoad(a.base);

    // B's display stream: every event, in order, once.
    const from = await lastEventId(b.base);
    const seen: number[] = [];
    stream = await openSse(
      `${b.base}/api/v1/malls/demo/displays/all/stream`,
      (m) => {
        if (m.id !== null && m.event !== 'reset') seen.push(Number(m.id));
      },
      { lastEventId: from },
    );

    const load = new MixedLoad(setup, {
      tolerate: (status, code) => status === 503 && code === 'DATABASE_UNAVAILABLE',
    });
    load.start(a.base);
    await load.until({ ticket: 20, call: 5, booking: 3, payment: 3 });

    const figures: string[] = [];
    for (const mode of ['fast', 'immediate'] as const) {
      const refusedBefore = load.refused.get('DATABASE_UNAVAILABLE') ?? 0;
      const restartMs = await cluster.restart(mode);
      const upAt = performance.now();
      // Every kind of request is acknowledged again, without touching the app.
      const after = (k: Kind) => load.ackTimes.find((x) => x.kind === k && x.at > upAt)?.at;
      const deadline = upAt + 20_000;
      while (KINDS.some((k) => after(k) === undefined) && performance.now() < deadline) await sleep(50);
      const back = Object.fromEntries(KINDS.map((k) => [k, Math.round((after(k) ?? Number.NaN) - upAt)]));
      const missing = KINDS.filter((k) => after(k) === undefined);
      expect(
        missing,
        `after the ${mode} restart: ${load.errors.slice(0, 3).join(' | ')}\n${cluster.log()}`,
      ).toEqual([]);
      expect(Math.max(...Object.values(back))).toBeLessThan(10_000);
      figures.push(
        `${mode}: pg_ctl restart ${Math.round(restartMs)} ms, ${(load.refused.get('DATABASE_UNAVAILABLE') ?? 0) - refusedBefore} × 503 DATABASE_UNAVAILABLE, first acknowledgements after it is up (ms) ${JSON.stringify(back)}`,
      );
      await load.until({ ticket: load.count('ticket') + 10 });
    }
    await load.stop();
    expect(load.errors).toEqual([]);
    expect(a.exited() || b.exited()).toBe(false);

    const inspector = await inspect({ dataDir: '', databaseUrl: url });
    try {
      const { problems, figures: db } = await checkAcked(inspector, load.acked);
      expect(problems).toEqual([]);
      // B's stream caught up with every event of the mall after it opened, each once, in order.
      const mall = await inspector.all<{ seq: number }>(
        "select e.seq from live_events e join malls m on m.id = e.mall_id where m.slug = 'demo' and e.seq > $1 order by e.seq",
        [from],
      );
      const expected = mall.map((e) => Number(e.seq));
      const deadline = performance.now() + 15_000;
      while (seen.length < expected.length && performance.now() < deadline) await sleep(50);
      expect(seen.filter((s, i) => i > 0 && s <= seen[i - 1]!)).toEqual([]);
      expect(seen).toEqual(expected);
      console.info(
        `[fault pg restart] ${figures.join('; ')}; acknowledged ${JSON.stringify(load.counts())}; database ${JSON.stringify(db)}; node B's display stream got all ${seen.length} events once, in order`,
      );
    } finally {
      await inspector.close();
    }
  });
});
