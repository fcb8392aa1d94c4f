import { randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/server/app.js';
import { bootContext } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import type { App } from '../src/server/http.js';
import { seedDemoMall } from '../src/server/seed/demo.js';
import { pgServerFromTestEnv } from './process/pg-db.js';

export type TestDialect = 'sqlite' | 'postgres';
export const PASSWORD = 'test-pass-123';

/** The databases this run tests on: SQLite always; PostgreSQL when the global setup made one. */
export function dialects(): TestDialect[] {
  return process.env.SATU_ATAP_TEST_PG ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestMall {
  app: App;
  ctx: AppContext;
  /** This test's own mall (a copy of the demo catalog) and its staff usernames' suffix. */
  slug: string;
  user(name: string): string;
  login(name: string, password?: string): Promise<string>;
  /**
   * A paired kiosk's bearer token for this mall (registered by the mall admin and paired through
   * the API, like a real kiosk); the first call makes it, later calls reuse it.
   */
  kioskToken(): Promise<string>;
  /** POST /tickets with source "kiosk" from this mall's paired kiosk; `extra` adds priority etc. */
  issueKioskTicket(serviceId: number, extra?: object): Promise<LightMyRequestResponse>;
  /** Registers a device through the admin API and pairs it; answers its token and record. */
  pairDevice(
    kind: 'kiosk' | 'display',
    opts?: { name?: string; zone?: string; printer?: string },
  ): Promise<{ token: string; id: number }>;
  /** Moves the clock used by the services (opening hours, daily numbering). */
  setNow(d: Date): void;
  close(): Promise<void>;
}

let counter = 0;

let staffHash: Promise<string> | null = null;

/**
 * The test staff's password hash: PASSWORD in the format of src/server/auth/password.ts (whose
 * verifyPassword reads the cost from the hash) at scrypt N=2^10 instead of 2^15 — 1/32 of the CPU
 * per sign-in, and made once per test process instead of once per mall. Staff created through the
 * API, unknown users and the servers of the process and e2e tests keep the full cost.
 */
function staffPasswordHash(): Promise<string> {
  staffHash ??= new Promise((resolve, reject) => {
    const [n, r, p] = [2 ** 10, 8, 1];
    const salt = randomBytes(16);
    scrypt(PASSWORD, salt, 32, { N: n, r, p }, (err, key) =>
      err
        ? reject(err)
        : resolve(`scrypt$${n}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`),
    );
  });
  return staffHash;
}

let workerDatabase: Promise<string> | null = null;

/**
 * This test worker's PostgreSQL database: a copy of the run's migrated template (test/global-setup.ts),
 * made on first use and dropped with the run. Test files of one worker run one after another and
 * share it, as all files did when they ran one at a time; files running at the same time in other
 * workers never see its malls (their background jobs, e.g. the day end, sweep every mall they see).
 */
function workerDatabaseUrl(): Promise<string> {
  const run = process.env.SATU_ATAP_TEST_PG as string;
  const template = process.env.SATU_ATAP_TEST_PG_TEMPLATE;
  if (!template) return Promise.resolve(run);
  workerDatabase ??= (async () => {
    const url = new URL(run);
    const name = `${url.pathname.slice(1)}_w${process.env.VITEST_POOL_ID ?? process.pid}`;
    const admin = new pg.Client({ connectionString: pgServerFromTestEnv() as string });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    url.pathname = `/${name}`;
    return url.toString();
  })();
  return workerDatabase;
}

/**
 * Builds the real app in-process on a real database: a fresh SQLite file, or the test worker's
 * throwaway PostgreSQL database. Each call seeds its own mall under a unique slug so tests never share data.
 */
export async function createTestMall(
  dialect: TestDialect,
  opts: {
    start?: Date;
    /** PostgreSQL only: a database of this test's own (e.g. to cut its connections). */
    databaseUrl?: string;
    /** The queue opens every day whatever the calendar says (like the mall "demo"). */
    alwaysOpen?: boolean;
    /** Extra configuration (environment variables), e.g. TRUST_PROXY. */
    env?: Record<string, string>;
    /** The app's logger (default: silent), e.g. to collect the server's own errors. */
    log?: pino.Logger;
  } = {},
): Promise<TestMall> {
  const tag = `${process.pid}x${Date.now().toString(36)}x${++counter}`;
  const databaseUrl = dialect === 'postgres' ? (opts.databaseUrl ?? (await workerDatabaseUrl())) : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'never',
    ...opts.env,
  });
  let now = opts.start ?? new Date();
  const { ctx } = await bootContext(config, opts.log ?? pino({ level: 'silent' }), {
    seed: false,
    now: () => now,
  });
  const slug = `t-${tag}`.toLowerCase().slice(0, 60);
  await seedDemoMall(ctx.database, PASSWORD, {
    slug,
    usernameSuffix: tag,
    now,
    alwaysOpen: opts.alwaysOpen,
    passwordHash: await staffPasswordHash(),
  });
  const app = await buildApp(ctx);
  await app.ready();
  const user = (name: string) => `${name}-${tag}`;
  let kiosk: Promise<string> | null = null;
  let adminToken: Promise<string> | null = null;
  const login = async (name: string, password = PASSWORD) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user(name), password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`);
    return res.json().token as string;
  };
  const pairDevice: TestMall['pairDevice'] = async (kind, o = {}) => {
    adminToken ??= login('admin');
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/malls/${slug}/devices`,
      headers: bearer(await adminToken),
      payload: { kind, name: o.name ?? `test ${kind}`, zone: o.zone, printer: o.printer },
    });
    if (made.statusCode !== 201) throw new Error(`register ${kind}: ${made.statusCode} ${made.body}`);
    const paired = await app.inject({
      method: 'POST',
      url: '/api/v1/devices/pair',
      payload: { code: made.json().pairingCode },
    });
    if (paired.statusCode !== 200) throw new Error(`pair ${kind}: ${paired.statusCode} ${paired.body}`);
    return { token: paired.json().token as string, id: made.json().id as number };
  };
  const kioskToken = () => {
    kiosk ??= pairDevice('kiosk').then((d) => d.token);
    return kiosk;
  };
  return {
    app,
    ctx,
    slug,
    user,
    login,
    kioskToken,
    pairDevice,
    async issueKioskTicket(serviceId, extra = {}) {
      return app.inject({
        method: 'POST',
        url: `/api/v1/malls/${slug}/tickets`,
        headers: bearer(await kioskToken()),
        payload: { serviceId, source: 'kiosk', ...extra },
      });
    },
    setNow(d) {
      now = d;
    },
    async close() {
      await app.close();
      await ctx.hub.stop();
      await ctx.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The caller a kiosk of `mallId` is, for tests that call the ticket services directly (not through
 * HTTP, where a paired kiosk's token gives it).
 */
export const kioskCaller = (mallId: number) => ({
  actor: null,
  device: { deviceId: 0, kind: 'kiosk' as const, mallId, zoneId: null },
});
