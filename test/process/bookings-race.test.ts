import { afterAll, describe, expect, it } from 'vitest';
import { call, login } from './api.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from './pg-db.js';
import { pool } from './race.js';
import { DEMO_PASSWORD, type ServerProcess, startServer } from './server-process.js';

/**
 * Issue 11's rush: 100 citizens book the last 10 places of a session at once, through the real API
 * of real server processes — one SQLite node, and two PostgreSQL nodes on one database taking turns.
 * Exactly 10 succeed, the rest hear SESSION_FULL, nobody gets a 5xx, and the slot shows 0 left.
 * The compiled server (what `npm start` runs).
 */
const pgAdmin = pgServerFromTestEnv();
const env = { RATE_LIMIT_BOOKINGS: '10000', LOG_LEVEL: 'warn' };
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const nik = (i: number) =>
  `3204${String((i % 9) + 1).padStart(2, '0')}${i % 2 ? 15 : 55}0590${String(i + 1).padStart(4, '0')}`;

async function rush(bases: string[]) {
  const base = bases[0]!;
  const admin = await login(base, 'admin', DEMO_PASSWORD);
  const services = await call<{ items: { id: number; servedAtMall: boolean }[] }>(
    base,
    'GET',
    '/api/v1/malls/demo/services?limit=500',
  );
  const serviceId = services.body.items.find((s) => s.servedAtMall)!.id;
  const patched = await call<{ booking: { sessions: { id: number }[] } }>(
    base,
    'PATCH',
    `/api/v1/malls/demo/services/${serviceId}`,
    {
      token: admin,
      body: { booking: { sessions: [{ start: '00:00', end: '24:00', capacity: 15 }], daysAhead: 14 } },
    },
  );
  expect(patched.status).toBe(200);
  const sessionId = patched.body.booking.sessions[0]!.id;
  const book = (i: number) =>
    call<{ error?: { code: string } }>(bases[i % bases.length]!, 'POST', '/api/v1/malls/demo/bookings', {
      body: { serviceId, date: today(), sessionId, nik: nik(i), name: 'Warga Uji', phone: '081234567890' },
    });
  // Five places go first, one by one: 10 are left.
  for (let i = 0; i < 5; i++) expect((await book(1000 + i)).status).toBe(201);
  const started = performance.now();
  const answers = await pool(
    Array.from({ length: 100 }, (_, i) => i),
    100,
    (i) => book(i),
  );
  const ms = performance.now() - started;
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(statuses.filter((s) => s === 201)).toHaveLength(10);
  expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.error?.code))).toEqual(
    new Set(['SESSION_FULL']),
  );
  const slots = await call<{ sessions: { remaining: number }[] }>(
    bases[bases.length - 1]!,
    'GET',
    `/api/v1/malls/demo/services/${serviceId}/slots?date=${today()}`,
  );
  expect(slots.body.sessions[0]!.remaining).toBe(0);
  return ms;
}

describe('100 concurrent bookings for the last 10 places', () => {
  const nodes: ServerProcess[] = [];
  let db: ThrowawayDb | undefined;
  afterAll(async () => {
    for (const n of nodes) await n.kill9();
    await db?.drop();
  });

  it('exactly 10 win on one SQLite node', async () => {
    const node = await startServer({ env, compiled: true });
    nodes.push(node);
    const ms = await rush([node.base]);
    console.info(`[booking rush sqlite] 10 of 100 won in ${Math.round(ms)} ms`);
  }, 120_000);

  it.skipIf(!pgAdmin)(
    'exactly 10 win on two PostgreSQL nodes',
    async () => {
      db = await createThrowawayDb(pgAdmin ?? '', 'satu_atap_bookings');
      const a = await startServer({ databaseUrl: db.url, env, compiled: true });
      const b = await startServer({ databaseUrl: db.url, env, compiled: true });
      nodes.push(a, b);
      const ms = await rush([a.base, b.base]);
      console.info(`[booking rush postgres, 2 nodes] 10 of 100 won in ${Math.round(ms)} ms`);
    },
    180_000,
  );
});
