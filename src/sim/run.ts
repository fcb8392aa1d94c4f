import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../server/app.js';
import { bootContext } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import { localInstant } from '../server/modules/stats/simulate.js';
import { seedDemoMall } from '../server/seed/demo.js';
import { addCalendarDays, isoWeekday } from '../shared/domain/local-time.js';
import { buildMall } from './build.js';
import { SimClient } from './client.js';
import { type DayRecord, playDay } from './play.js';
import { buildReport, type SimReport } from './report.js';
import type { Scenario } from './scenario.js';

export interface SimulationOptions {
  scenario: Scenario;
  days: number;
  seed: number;
  /** The first simulated local date (later days are the next working days). */
  start: string;
  /** PostgreSQL instead of a fresh SQLite file (the database must be empty or hold no such mall). */
  databaseUrl?: string;
}

/**
 * Runs a scenario on a fresh installation in this process: boots the real app on its own database
 * with a clock the simulation moves, builds the mall through the API as the national admin, then plays
 * each day through the API and sums up.
 */
export async function runSimulation(o: SimulationOptions): Promise<SimReport> {
  const t0 = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-sim-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dir,
    DATABASE_URL: o.databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'never',
  });
  const tz = o.scenario.timezone;
  let now = new Date(localInstant(addCalendarDays(o.start, -1), '09:00', tz));
  const { ctx } = await bootContext(config, pino({ level: 'silent' }), { seed: false, now: () => now });
  const app = await buildApp(ctx);
  try {
    await app.ready();
    const setNow = (d: Date) => {
      now = d;
    };
    // A national admin to build with: the installation's first account (the demo seed makes one).
    const password = crypto.randomBytes(12).toString('base64url');
    await seedDemoMall(ctx.database, password, { slug: `sim-${o.scenario.id}-base`.slice(0, 60), now });
    const api = new SimClient(app);
    const national = await api.login('national', password);
    const mall = await buildMall(api, national, o.scenario, o.seed);
    const holidays = new Set<string>();
    for (const year of new Set([o.start.slice(0, 4), String(Number(o.start.slice(0, 4)) + 1)])) {
      const cal = await api.call('GET', `/api/v1/calendar/national?year=${year}`);
      for (const d of cal.body.items as { date: string }[]) holidays.add(d.date);
    }
    const kiosk = await pairKiosk(api, national, mall.slug);
    const days: DayRecord[] = [];
    for (let date = o.start, n = 0; n < o.days; date = addCalendarDays(date, 1)) {
      if (isoWeekday(date) > 5 || holidays.has(date)) continue;
      setNow(new Date(localInstant(date, '07:45', tz)));
      // Each officer signs in at the start of the day (a sign-in lasts a working day).
      const officers = new Map<number, string>();
      for (const c of mall.counters) officers.set(c.id, await api.login(c.officer, mall.password));
      days.push(await playDay(api, mall, { kiosk, officers }, { date, seed: o.seed * 7919 + n }, setNow));
      n++;
    }
    // The system's own statistics of the same days, read back through the API: they must agree.
    const first = days[0]?.date ?? o.start;
    const last = days.at(-1)?.date ?? o.start;
    const stats = await api.call('GET', `/api/v1/malls/${mall.slug}/stats/queue?from=${first}&to=${last}`, {
      token: await api.login('national', password),
    });
    return buildReport(mall, days, o.seed, stats.body.totals, {
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      requests: api.requests,
    });
  } finally {
    await app.close().catch(() => {});
    await ctx.hub.stop().catch(() => {});
    await ctx.database.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A kiosk registered by the admin and paired, as in the hall: the citizens' tickets come from it. */
async function pairKiosk(api: SimClient, token: string, slug: string): Promise<string> {
  const made = await api.call('POST', `/api/v1/malls/${slug}/devices`, {
    token,
    body: { kind: 'kiosk', name: 'Kiosk simulasi' },
  });
  const paired = await api.call('POST', '/api/v1/devices/pair', { body: { code: made.body.pairingCode } });
  return paired.body.token;
}
