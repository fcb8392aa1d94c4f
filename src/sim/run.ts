import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../server/app.js';
import { bootContext } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import type { AppContext } from '../server/context.js';
import { runBookingJobs } from '../server/modules/bookings/reminders.service.js';
import { localInstant } from '../server/modules/stats/simulate.js';
import { mulberry32 } from '../server/modules/stats/simulate.random.js';
import { seedDemoMall } from '../server/seed/demo.js';
import { addCalendarDays, isoWeekday } from '../shared/domain/local-time.js';
import { buildMall } from './build.js';
import { bookAhead, CITIZENS } from './citizens.js';
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
  /**
   * Serve the simulated mall over HTTP while it plays (the dashboard, boards and reports follow it
   * live); `onListening` gets the address and the national admin's login.
   */
  listen?: { port: number; host: string; onListening: (url: string, mall: string, password: string) => void };
  /** Simulated seconds per real second while the hall is open (default: as fast as it runs). */
  speed?: number;
  /** With `listen`: after the last day, keep serving until the promise it returns settles. */
  linger?: (report: SimReport) => Promise<void>;
  /** More settings for the installation, as environment variables (e.g. a WhatsApp gateway). */
  env?: Record<string, string>;
  /** Told of every API request of the run: method, URL, status and milliseconds in the app. */
  onRequest?: (method: string, url: string, status: number, ms: number) => void;
  /**
   * After each played day (and its booking job), with the app's context and the simulated clock at
   * the end of that day: the soak bench runs the hourly jobs and samples memory and tables here.
   */
  onDayEnd?: (day: DayRecord, ctx: AppContext) => Promise<void>;
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
    ...o.env,
  });
  const tz = o.scenario.timezone;
  let now = new Date(localInstant(addCalendarDays(o.start, -1), '09:00', tz));
  const { ctx } = await bootContext(config, pino({ level: 'silent' }), { seed: false, now: () => now });
  const app = await buildApp(ctx);
  try {
    await app.ready();
    let paced = false; // only the opening day's events are paced, never the set-up
    const setNow = async (d: Date) => {
      const ahead = d.getTime() - now.getTime();
      if (paced && o.speed && ahead > 0)
        await new Promise<void>((resolve) => setTimeout(resolve, Math.min(60_000, ahead / o.speed!)));
      now = d;
    };
    // A national admin to build with: the installation's first account (the demo seed makes one).
    const password = crypto.randomBytes(12).toString('base64url');
    await seedDemoMall(ctx.database, password, { slug: `sim-${o.scenario.id}-base`.slice(0, 60), now });
    const api = new SimClient(app, o.onRequest);
    const national = await api.login('national', password);
    const mall = await buildMall(api, national, o.scenario, o.seed);
    if (o.listen) {
      const url = await app.listen({ port: o.listen.port, host: o.listen.host });
      o.listen.onListening(url, mall.slug, password);
    }
    const holidays = new Set<string>();
    for (const year of new Set([o.start.slice(0, 4), String(Number(o.start.slice(0, 4)) + 1)])) {
      const cal = await api.call('GET', `/api/v1/calendar/national?year=${year}`);
      for (const d of cal.body.items as { date: string }[]) holidays.add(d.date);
    }
    const kiosk = await pairKiosk(api, national, mall.slug);
    const elements = (await api.call('GET', `/api/v1/malls/${mall.slug}/surveys/elements`)).body.elements as {
      code: string;
      weight: string;
    }[];
    const days: DayRecord[] = [];
    for (let date = o.start, n = 0; n < o.days; date = addCalendarDays(date, 1)) {
      if (isoWeekday(date) > 5 || holidays.has(date)) continue;
      // Before the day: the citizens who book online for it (on their phones, the evening or morning before).
      await setNow(new Date(localInstant(date, '06:30', tz)));
      const rng = mulberry32(o.seed * 104_729 + n);
      const { booked, turnedAway } = await bookAhead(
        api,
        mall,
        date,
        rng,
        Math.round(o.scenario.visitorsPerDay * CITIZENS.bookedShare),
        (hhmm) => localInstant(date, hhmm, tz),
        1,
      );
      await setNow(new Date(localInstant(date, '07:45', tz)));
      // Each officer signs in at the start of the day (a sign-in lasts a working day).
      const officers = new Map<number, string>();
      for (const c of mall.counters) officers.set(c.id, await api.login(c.officer, mall.password));
      paced = true;
      const day = await playDay(
        api,
        mall,
        { kiosk, officers },
        { date, seed: o.seed * 7919 + n, booked, turnedAway, surveyCodes: elements.map((e) => e.code) },
        setNow,
      );
      // After the last check-in window: the booking job (each node runs it every minute) marks those
      // who never came; run here once, at a fixed simulated time, so the run stays deterministic.
      paced = false;
      await setNow(new Date(Math.max(now.getTime(), day.closesAt) + 30 * 60_000));
      await runBookingJobs(ctx);
      days.push(day);
      n++;
      await o.onDayEnd?.(day, ctx);
    }
    // The system's own statistics of the same days, read back through the API: they must agree.
    const first = days[0]?.date ?? o.start;
    const last = days.at(-1)?.date ?? o.start;
    const stats = await api.call('GET', `/api/v1/malls/${mall.slug}/stats/queue?from=${first}&to=${last}`, {
      token: await api.login('national', password),
    });
    const report = await api.call(
      'GET',
      `/api/v1/malls/${mall.slug}/reports/queue?from=${first}&to=${last}&period=day`,
      { token: await api.login('national', password) },
    );
    const result = buildReport(mall, days, o.seed, stats.body.totals, report.body, elements, {
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      requests: api.requests,
    });
    if (o.listen && o.linger) await o.linger(result);
    return result;
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
