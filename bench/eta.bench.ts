/**
 * ETA accuracy: replays simulated opening days of the demo mall through the real queue services on a
 * throwaway SQLite database and measures how far the estimate given at issue lands from the real wait.
 * Writes bench/results/eta.json. Run: `npx tsx bench/eta.bench.ts` (ETA_SEED, ETA_DAYS, ETA_CITIZENS).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Actor } from '../src/server/auth/policy.js';
import { bootContext } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { resolveMall } from '../src/server/modules/malls/malls.service.js';
import { type SimDayResult, simulateDay } from '../src/server/modules/stats/simulate.js';
import { buildModel } from '../src/server/modules/stats/simulate.model.js';
import { addCalendarDays } from '../src/shared/domain/local-time.js';

const seed = Number(process.env.ETA_SEED ?? 20260302);
const days = Number(process.env.ETA_DAYS ?? 3);
const citizens = Number(process.env.ETA_CITIZENS ?? 600);
/** Monday 2 March 2026: three ordinary working days follow (no holiday). */
const FIRST_DAY = '2026-03-02';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-eta-'));
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', SEED_DEMO: 'auto' });
let now = new Date(`${FIRST_DAY}T00:00:00Z`);
const started = Date.now();
const { ctx } = await bootContext(config, pino({ level: 'silent' }), { seed: true, now: () => now });
try {
  const mall = await resolveMall(ctx, 'demo');
  const admin = await ctx.database.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('mall_id', '=', mall.id)
    .where('role', '=', 'mall_admin')
    .executeTakeFirstOrThrow();
  const actor: Actor = { ...admin, role: 'mall_admin', mallId: mall.id, agencyId: null, counterIds: [] };
  const model = await buildModel(ctx, mall.id, seed);
  const setup = { ctx, mall, actor, model, setNow: (d: Date) => (now = d) };
  const results: SimDayResult[] = [];
  for (let i = 0; i < days; i++) {
    const date = addCalendarDays(FIRST_DAY, i);
    const r = await simulateDay(setup, { date, seed: seed + i, citizens });
    results.push(r);
    console.log(
      `${date}: ${r.called} called, MAE ${r.maeMinutes} min (priority ${r.maePriorityMinutes}, p90 ${r.p90AbsErrorMinutes}, bias ${r.biasMinutes}), mean wait ${r.meanActualWaitMinutes} min`,
    );
  }
  const called = results.reduce((s, r) => s + r.called, 0);
  const weighted = (k: 'maeMinutes' | 'meanActualWaitMinutes' | 'biasMinutes') =>
    Math.round((results.reduce((s, r) => s + r[k] * r.called, 0) / Math.max(1, called)) * 100) / 100;
  const overall = {
    called,
    maeMinutes: weighted('maeMinutes'),
    biasMinutes: weighted('biasMinutes'),
    meanActualWaitMinutes: weighted('meanActualWaitMinutes'),
  };
  console.log(
    `overall: MAE ${overall.maeMinutes} min over ${called} tickets; mean wait ${overall.meanActualWaitMinutes} min`,
  );
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'eta.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    bench: 'eta',
    seed,
    citizensPerDay: citizens,
    counters: model.counters.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    days: results,
    overall,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await ctx.hub.stop();
  await ctx.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
