import net from 'node:net';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgProxy, startPgProxy } from '../../../test/pg-proxy.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../test/process/pg-db.js';
import { ConfigError, loadConfig } from '../config.js';
import { hostSelector, resilientPool } from './database.js';
import { connectTarget, NoTargetSessionError, parsePgTarget, pgUrlProblem } from './multi-host.js';
import { isDatabaseUnavailable } from './unavailable.js';

describe('multi-host DATABASE_URL parsing', () => {
  it('reads a single host as before, with the default port', () => {
    const t = parsePgTarget('postgres://postgres@db.example/satu');
    expect(t.hosts).toEqual([{ host: 'db.example', port: 5432 }]);
    expect(t.attrs).toBe('any');
    expect(t.connectTimeoutMs).toBe(5000);
    expect(t.urls).toEqual(['postgres://postgres@db.example:5432/satu']);
  });

  it('splits the host list and keeps every other parameter on each host', () => {
    const t = parsePgTarget(
      'postgresql://satu:p%40ss@10.0.0.1:6001,db2,[::1]:6003/satu?sslmode=require&target_session_attrs=read-write&application_name=x',
    );
    expect(t.hosts).toEqual([
      { host: '10.0.0.1', port: 6001 },
      { host: 'db2', port: 5432 },
      { host: '::1', port: 6003 },
    ]);
    expect(t.attrs).toBe('read-write');
    expect(t.urls).toEqual([
      'postgresql://satu:p%40ss@10.0.0.1:6001/satu?sslmode=require&application_name=x',
      'postgresql://satu:p%40ss@db2:5432/satu?sslmode=require&application_name=x',
      'postgresql://satu:p%40ss@[::1]:6003/satu?sslmode=require&application_name=x',
    ]);
    // node-postgres reads each per-host URL as one ordinary connection string.
    expect(parse(t.urls[2] as string)).toMatchObject({ host: '::1', port: '6003', password: 'p@ss' });
  });

  it('accepts any, read-write and primary; refuses the standby-seeking values with a reason', () => {
    for (const v of ['any', 'read-write', 'primary'])
      expect(parsePgTarget(`postgres://h1,h2/db?target_session_attrs=${v}`).attrs).toBe(v);
    for (const v of ['read-only', 'standby', 'prefer-standby'])
      expect(pgUrlProblem(`postgres://h1,h2/db?target_session_attrs=${v}`)).toMatch(
        /not supported: the app writes through every connection; use read-write/,
      );
    expect(pgUrlProblem('postgres://h1/db?target_session_attrs=readwrite')).toMatch(
      /must be read-write, primary or any \(not "readwrite"\)/,
    );
  });

  it('reads connect_timeout in seconds per host, as libpq does', () => {
    expect(parsePgTarget('postgres://h/db?connect_timeout=10').connectTimeoutMs).toBe(10_000);
    expect(parsePgTarget('postgres://h/db?connect_timeout=1').connectTimeoutMs).toBe(2000);
    expect(parsePgTarget('postgres://h/db?connect_timeout=0').connectTimeoutMs).toBe(0);
    expect(pgUrlProblem('postgres://h/db?connect_timeout=2.5')).toMatch(/whole seconds/);
  });

  it('says what is wrong with a bad host list, never showing the password', () => {
    const bad = {
      'postgres://u:secret@h1,,h2/db': /empty host/,
      'postgres://u:secret@h1,/db': /empty host/,
      'postgres://u:secret@h1:99999/db': /port "99999" of host "h1"/,
      'postgres://u:secret@h1:x/db': /cannot read host "h1:x"/,
      'postgres://u:secret@/db?host=a,b': /list several hosts in the address/,
    };
    for (const [url, msg] of Object.entries(bad)) {
      const problem = pgUrlProblem(url);
      expect(problem, url).toMatch(msg);
      expect(problem).not.toContain('secret');
    }
  });

  it('leaves a URL without hosts (Unix socket, PG* defaults) as one target', () => {
    const t = parsePgTarget('postgres:///satu?host=/var/run/postgresql');
    expect(t.urls).toEqual(['postgres:///satu?host=/var/run/postgresql']);
    expect(t.hosts).toHaveLength(1);
  });

  it('is checked with the rest of the configuration', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://a,b/satu?target_session_attrs=standby' }),
    ).toThrowError(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'postgres://a,b/satu?target_session_attrs=standby' });
    } catch (err) {
      expect((err as ConfigError).message).toMatch(
        /DATABASE_URL: target_session_attrs=standby is not supported/,
      );
    }
    expect(
      loadConfig({ DATABASE_URL: 'postgres://a:6001,b:6002/satu?target_session_attrs=read-write' })
        .DATABASE_URL,
    ).toBeDefined();
  });
});

/**
 * Two "servers" on the machine's one PostgreSQL: two databases reached through proxies that rename
 * the database at startup, one of them read-only (`default_transaction_read_only`), as a standby is.
 * The pool must pick the writable one, move when they swap, and drop sessions that turn read-only.
 * (The real thing — pg_auto_failover with a killed primary — is test/faults/failover.faults.ts.)
 */
const pgAdmin = pgServerFromTestEnv();

describe.skipIf(!pgAdmin)('multi-host pool on two servers', () => {
  let a: ThrowawayDb;
  let b: ThrowawayDb;
  let viaA: PgProxy;
  let viaB: PgProxy;
  let stalled: PgProxy;
  let deadPort: number;
  const pools: pg.Pool[] = [];
  const dbName = (d: ThrowawayDb) => new URL(d.url).pathname.slice(1);
  const hostOf = (p: PgProxy) => `127.0.0.1:${new URL(p.url).port}`;
  async function admin(sql: string) {
    const c = new pg.Client({ connectionString: pgAdmin ?? '' });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
  const readOnly = (d: ThrowawayDb, on: boolean) =>
    admin(`ALTER DATABASE ${dbName(d)} SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
  const terminate = (d: ThrowawayDb) =>
    admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName(d)}'`);
  const url = (hosts: string[], query: string) =>
    `postgres://postgres@${hosts.join(',')}/${dbName(a)}?${query}`;
  const pool = (u: string) => {
    const p = resilientPool(u, 4);
    pools.push(p);
    return p;
  };
  const where = async (p: pg.Pool) =>
    (await p.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db;

  beforeAll(async () => {
    a = await createThrowawayDb(pgAdmin ?? '', 'satu_atap_mh_a');
    b = await createThrowawayDb(pgAdmin ?? '', 'satu_atap_mh_b');
    viaA = await startPgProxy(a.url, { database: dbName(a) });
    viaB = await startPgProxy(a.url, { database: dbName(b) });
    stalled = await startPgProxy(a.url);
    stalled.stall();
    deadPort = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    await readOnly(b, true);
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end().catch(() => {})));
    for (const p of [viaA, viaB, stalled]) await p?.close();
    await a?.drop();
    await b?.drop();
  });

  it('goes past a dead host and a read-only one to the writable server', async () => {
    const p = pool(
      url([`127.0.0.1:${deadPort}`, hostOf(viaB), hostOf(viaA)], 'target_session_attrs=read-write'),
    );
    expect(await where(p)).toBe(dbName(a));
    await p.query('CREATE TABLE written (x int)');
    await p.query('INSERT INTO written VALUES (1)');
  });

  it('with target_session_attrs=any takes the first host that answers, read-only or not', async () => {
    const p = pool(url([`127.0.0.1:${deadPort}`, hostOf(viaB), hostOf(viaA)], 'target_session_attrs=any'));
    expect(await where(p)).toBe(dbName(b));
  });

  it('follows a switch-over: old sessions are cut, new ones find the new writable server', async () => {
    const hosts = [hostOf(viaA), `127.0.0.1:${deadPort}`, hostOf(viaB)];
    const selector = hostSelector(url(hosts, 'target_session_attrs=read-write'));
    const p = resilientPool(url(hosts, 'target_session_attrs=read-write'), 4, undefined, selector);
    pools.push(p);
    expect(await where(p)).toBe(dbName(a));
    expect(selector.preferred).toBe(0);
    const listen = await connectTarget(selector, { application_name: 'mh-listen' });
    await listen.query('LISTEN mh');
    listen.on('error', () => {});
    try {
      // The switch-over: A becomes read-only and loses its sessions (a demotion), B becomes writable.
      await readOnly(a, true);
      await readOnly(b, false);
      await terminate(a);
      // The first request may meet a pooled session that was just cut: a 503-type error, not a hang.
      const first = await p.query('SELECT 1').then(
        () => null,
        (err: unknown) => err,
      );
      if (first) expect(isDatabaseUnavailable(first)).toBe(true);
      expect(await where(p)).toBe(dbName(b));
      expect(selector.preferred).toBe(2);
      await p.query('CREATE TABLE after_switch (x int)');
      // The LISTEN side reconnects the same way.
      const again = await connectTarget(selector, { application_name: 'mh-listen' });
      expect((await again.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db).toBe(
        dbName(b),
      );
      await again.end();
    } finally {
      await listen.end().catch(() => {});
      await readOnly(a, false);
      await readOnly(b, true);
    }
  });

  it('drops a pooled session that turns read-only under it (SQLSTATE 25006)', async () => {
    const p = pool(url([hostOf(viaA)], 'target_session_attrs=read-write'));
    const c = await p.connect();
    const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    await c.query('SET default_transaction_read_only = on');
    const err = await c.query('CREATE TEMP TABLE t (x int)').catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('25006');
    expect(isDatabaseUnavailable(err)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    c.release();
    const pid2 = (await p.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    expect(pid2).not.toBe(pid);
  });

  it('answers a retryable error at once when no server is writable', async () => {
    const p = pool(url([`127.0.0.1:${deadPort}`, hostOf(viaB)], 'target_session_attrs=read-write'));
    const started = performance.now();
    const err = await p.query('SELECT 1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoTargetSessionError);
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect((err as Error).message).toMatch(
      new RegExp(
        `no PostgreSQL server gave a read-write session \\(127.0.0.1:${deadPort}: .*ECONNREFUSED.*; ${hostOf(viaB)}: server is read-only`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives up on a silent host after connect_timeout and moves on', async () => {
    const p = pool(url([hostOf(stalled), hostOf(viaA)], 'target_session_attrs=read-write&connect_timeout=2'));
    const started = performance.now();
    expect(await where(p)).toBe(dbName(a));
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(4000);
    // The next connection starts at the host that worked: no second wait.
    const t2 = performance.now();
    const c1 = await p.connect();
    const c2 = await p.connect();
    c1.release();
    c2.release();
    expect(performance.now() - t2).toBeLessThan(1000);
  });
});
