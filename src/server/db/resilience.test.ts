import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, type TestMall } from '../../../test/harness.js';
import { type PgProxy, startPgProxy } from '../../../test/pg-proxy.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../test/process/pg-db.js';

/**
 * Issue 8 §5: PostgreSQL going away must not end the process. Requests during an outage answer 503
 * DATABASE_UNAVAILABLE; the app serves again by itself once PostgreSQL is back. The app runs on a
 * database of its own (cutting connections of the shared test database would break other tests),
 * reached through a TCP proxy the test can take down.
 */
const pgAdmin = pgServerFromTestEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!pgAdmin)('PostgreSQL outages', () => {
  let db: ThrowawayDb;
  let proxy: PgProxy;
  let t: TestMall;
  beforeAll(async () => {
    db = await createThrowawayDb(pgAdmin ?? '', 'satu_atap_outage', { migrated: true });
    proxy = await startPgProxy(db.url);
    t = await createTestMall('postgres', { databaseUrl: proxy.url });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await db?.drop();
  });

  const read = () => t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/agencies` });
  const login = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: t.user('admin'), password: 'test-pass-123' },
    });

  /** Retries until a read answers 200 (at most `tries` × 100 ms); returns how many tries it took. */
  async function servesAgain(tries = 100): Promise<number> {
    for (let i = 1; i <= tries; i++) {
      if ((await read()).statusCode === 200) return i;
      await sleep(100);
    }
    return -1;
  }

  it('survives pg_terminate_backend on every connection under load', async () => {
    let running = true;
    const statuses: { status: number; code?: string }[] = [];
    const worker = async () => {
      while (running) {
        const res = await (statuses.length % 10 ? read() : login());
        statuses.push({ status: res.statusCode, code: res.json().error?.code });
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (statuses.length < 40) await sleep(10);
    const admin = new pg.Client({ connectionString: pgAdmin ?? '' });
    await admin.connect();
    const cut = await admin.query(
      'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1',
      [new URL(db.url).pathname.slice(1)],
    );
    await admin.end();
    expect(cut.rows[0].n).toBeGreaterThan(0);
    const before = statuses.length;
    while (statuses.length < before + 80) await sleep(10);
    running = false;
    await Promise.all(workers);
    const odd = statuses.filter(
      (s) => s.status !== 200 && !(s.status === 503 && s.code === 'DATABASE_UNAVAILABLE'),
    );
    expect(odd).toEqual([]);
    expect(await servesAgain()).toBeGreaterThan(0);
  });

  it('answers 503 DATABASE_UNAVAILABLE while PostgreSQL is down and serves again when it is back', async () => {
    expect((await read()).statusCode).toBe(200);
    await proxy.down();
    const during = await read();
    expect(during.statusCode).toBe(503);
    expect(during.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(during.headers['retry-after']).toBe('5');
    const failedLogin = await login();
    expect(failedLogin.json().error.code).toBe('DATABASE_UNAVAILABLE');
    // Open311 answers in its own error format, with the same status.
    const open311 = await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.slug}` });
    expect(open311.statusCode).toBe(503);
    expect(open311.json()).toEqual([
      { code: 503, description: expect.stringContaining('database unavailable') },
    ]);
    await proxy.up();
    expect(await servesAgain()).toBeGreaterThan(0);
    expect((await login()).statusCode).toBe(200);
  });
});
