/**
 * Reports over a year of a large mall, on SQLite and PostgreSQL: generates BENCH_REPORT_DAYS working
 * days × BENCH_REPORT_TICKETS tickets (default 250 × 4,000 = 1,000,000 tickets, ~3.9 million ticket
 * events: served, no-shows, transfers, cancels, spread over the demo mall's services and counters
 * from 08:00 to 15:00); BENCH_REPORT_SAMPLE_DAYS (10) of them event by event, rolled up through the
 * real back-fill (timed), the rest copied from those in SQL; then times the year
 * report through the API (`GET /malls/{mall}/reports/queue`, by month, by day, filtered by agency, and
 * the XLSX export). Writes bench/results/reports.json. Run: `npm run bench -- reports`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Insertable, type Kysely, sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../src/server/app.js';
import { bootContext } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import type { DB, TicketEventsTable, TicketsTable } from '../src/server/db/schema.js';
import { resolveMall } from '../src/server/modules/malls/malls.service.js';
import { sumCells } from '../src/server/modules/reports/reports.repo.js';
import { MEASURES } from '../src/server/modules/reports/rollup.cells.js';
import { rollUpClosedDays } from '../src/server/modules/reports/rollup.service.js';
import { addCalendarDays, isoWeekday, localDayStart } from '../src/shared/domain/local-time.js';
import { createThrowawayDb, pgReachable } from '../test/process/pg-db.js';
import { envNumber, quantile, round, writeResult } from './lib/results.js';

const DAYS = envNumber('BENCH_REPORT_DAYS', 250);
const TICKETS = envNumber('BENCH_REPORT_TICKETS', 4000);
const RUNS = envNumber('BENCH_REPORT_RUNS', 7);
/** Days generated event by event and rolled up for real; the rest of the year copies them (see below). */
const SAMPLE = Math.min(DAYS, envNumber('BENCH_REPORT_SAMPLE_DAYS', 10));
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const FIRST = '2025-01-06'; // a Monday; the year runs on working days (Mon–Fri) from here

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function workingDays(n: number): string[] {
  const out: string[] = [];
  for (let d = FIRST; out.length < n; d = addCalendarDays(d, 1)) if (isoWeekday(d) <= 5) out.push(d);
  return out;
}

async function generate(db: Kysely<DB>, mallId: number, days: string[], timezone: string) {
  const services = await db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .innerJoin('services', 'services.id', 'counter_services.service_id')
    .select(['services.id as serviceId', 'services.queue_prefix as prefix', 'counters.id as counterId'])
    .where('counters.mall_id', '=', mallId)
    .execute();
  const byService = new Map<number, { prefix: string; counters: number[] }>();
  for (const s of services) {
    const e = byService.get(s.serviceId) ?? { prefix: s.prefix, counters: [] };
    e.counters.push(s.counterId);
    byService.set(s.serviceId, e);
  }
  const serviceIds = [...byService.keys()];
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  let tickets = 0;
  let events = 0;
  for (const [dayNo, day] of days.entries()) {
    const start = localDayStart(day, timezone).getTime();
    const seq = new Map<string, number>();
    const rows: Insertable<TicketsTable>[] = [];
    const plans: { serviceId: number; at: number; fate: number; counter: number; to: number }[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const serviceId = pick(serviceIds);
      const svc = byService.get(serviceId)!;
      const n = (seq.get(svc.prefix) ?? 0) + 1;
      seq.set(svc.prefix, n);
      const at = start + 8 * 3_600_000 + Math.floor(rand() * 7 * 3_600_000);
      plans.push({ serviceId, at, fate: rand(), counter: pick(svc.counters), to: pick(serviceIds) });
      rows.push({
        mall_id: mallId,
        service_id: serviceId,
        visit_id: null,
        number: `${svc.prefix}${String(n).padStart(3, '0')}-${i}`,
        local_date: day,
        status: 'done',
        priority: null,
        priority_granted_by: null,
        source: rand() < 0.8 ? 'kiosk' : rand() < 0.5 ? 'online' : 'counter',
        tracking_code: `B${dayNo}x${i}`,
        counter_id: null,
        officer_id: null,
        target_counter_id: null,
        return_counter_id: null,
        issued_at: iso(at),
        queued_at: iso(at),
        called_at: null,
        started_at: null,
        finished_at: null,
        outcome: null,
      });
    }
    await db.transaction().execute(async (tx) => {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += 1000) {
        const r = await tx
          .insertInto('tickets')
          .values(rows.slice(i, i + 1000))
          .returning('id')
          .execute();
        for (const x of r) ids.push(x.id);
      }
      const ev: Insertable<TicketEventsTable>[] = [];
      const push = (i: number, serviceId: number, type: string, at: number, counter: number | null) =>
        ev.push({
          mall_id: mallId,
          ticket_id: ids[i]!,
          service_id: serviceId,
          type,
          at: iso(at),
          counter_id: counter,
          officer_id: counter === null ? null : 100_000 + counter,
          data: type === 'issued' && i % 12 === 0 ? '{"priority":"elderly"}' : null,
        });
      plans.forEach((p, i) => {
        const wait = Math.floor(rand() * 40 * 60_000);
        const walk = 20_000 + Math.floor(rand() * 120_000);
        const service = 3 * 60_000 + Math.floor(rand() * 15 * 60_000);
        push(i, p.serviceId, 'issued', p.at, null);
        if (p.fate < 0.02) {
          push(i, p.serviceId, 'cancelled', p.at + wait / 2, null);
          return;
        }
        push(i, p.serviceId, 'called', p.at + wait, p.counter);
        if (p.fate < 0.1) {
          push(i, p.serviceId, 'no_show', p.at + wait + 5 * 60_000, p.counter);
          return;
        }
        push(i, p.serviceId, 'started', p.at + wait + walk, p.counter);
        let end = p.at + wait + walk + service;
        if (p.fate < 0.15) {
          push(i, p.to, 'transferred', end, p.counter);
          const c2 = byService.get(p.to)!.counters[0]!;
          push(i, p.to, 'called', end + wait / 2, c2);
          push(i, p.to, 'started', end + wait / 2 + walk, c2);
          end = end + wait / 2 + walk + service;
          push(i, p.to, 'finished', end, c2);
          return;
        }
        push(i, p.serviceId, 'finished', end, p.counter);
      });
      for (let i = 0; i < ev.length; i += 2000)
        await tx
          .insertInto('ticket_events')
          .values(ev.slice(i, i + 2000))
          .execute();
      await tx
        .insertInto('daily_sequences')
        .values(
          [...seq.entries()].map(([prefix, last]) => ({
            mall_id: mallId,
            prefix,
            local_date: day,
            last_value: last,
          })),
        )
        .execute();
      events += ev.length;
    });
    tickets += rows.length;
    if ((dayNo + 1) % 25 === 0)
      console.log(`  ${dayNo + 1}/${days.length} days, ${tickets} tickets, ${events} events`);
  }
  return { tickets, events };
}

/**
 * The rest of the year, copied from the sample days in SQL (generating ~4 million events one by one
 * takes far longer than the year report it feeds): each further day gets a sample day's tickets (the
 * tickets table really holds the year, ~1 million rows), daily numbering, roll-up cells and marker.
 * The report reads only these; the ticket events exist for the sample days.
 */
async function copyYear(db: Kysely<DB>, mallId: number, days: string[]) {
  const cellCols = ['service_id', 'agency_id', 'counter_id', 'officer_id', 'hour', ...MEASURES];
  const ticketCols = [
    'mall_id',
    'service_id',
    'visit_id',
    'number',
    'status',
    'priority',
    'priority_granted_by',
    'source',
    'counter_id',
    'officer_id',
    'target_counter_id',
    'return_counter_id',
    'issued_at',
    'queued_at',
    'called_at',
    'started_at',
    'finished_at',
    'outcome',
  ];
  const list = (cols: string[]) => sql.raw(cols.join(', '));
  for (let i = SAMPLE; i < days.length; i++) {
    const day = days[i]!;
    const from = days[i % SAMPLE]!;
    await db.transaction().execute(async (tx) => {
      await sql`insert into report_cells (mall_id, local_date, ${list(cellCols)})
        select mall_id, ${day}, ${list(cellCols)} from report_cells where mall_id = ${mallId} and local_date = ${from}`.execute(
        tx,
      );
      await sql`insert into report_day_cells (mall_id, local_date, ${list(cellCols.filter((c) => c !== 'hour'))})
        select mall_id, ${day}, ${list(cellCols.filter((c) => c !== 'hour'))} from report_day_cells where mall_id = ${mallId} and local_date = ${from}`.execute(
        tx,
      );
      await sql`insert into report_days (mall_id, local_date, rolled_at, cells)
        select mall_id, ${day}, rolled_at, cells from report_days where mall_id = ${mallId} and local_date = ${from}`.execute(
        tx,
      );
      await sql`insert into daily_sequences (mall_id, prefix, local_date, last_value)
        select mall_id, prefix, ${day}, last_value from daily_sequences where mall_id = ${mallId} and local_date = ${from}`.execute(
        tx,
      );
      await sql`insert into tickets (local_date, tracking_code, ${list(ticketCols)})
        select ${day}, tracking_code || ${`d${i}`}, ${list(ticketCols)} from tickets where mall_id = ${mallId} and local_date = ${from}`.execute(
        tx,
      );
    });
    if ((i + 1) % 50 === 0) console.log(`  copied up to day ${i + 1}/${days.length}`);
  }
}

async function runOn(dialect: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-reports-'));
  const pgDb = dialect === 'postgres' ? await createThrowawayDb(PG_ADMIN, 'bench_reports') : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    DATABASE_URL: pgDb?.url,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'auto',
  });
  const days = workingDays(DAYS);
  // The clock stands the day after the last generated day: every generated day is closed.
  let now = new Date(`${addCalendarDays(days.at(-1)!, 1)}T05:00:00Z`);
  const { ctx } = await bootContext(config, pino({ level: 'silent' }), { seed: true, now: () => now });
  const app = await buildApp(ctx);
  await app.ready();
  try {
    const mall = await resolveMall(ctx, 'demo');
    const db = ctx.database.db;
    console.log(`${dialect}: generating ${DAYS} days × ${TICKETS} tickets…`);
    let t0 = performance.now();
    const sample = await generate(db, mall.id, days.slice(0, SAMPLE), mall.timezone);
    const generateSeconds = round((performance.now() - t0) / 1000, 1);
    console.log(`${dialect}: ${sample.tickets} tickets, ${sample.events} events in ${generateSeconds} s`);
    t0 = performance.now();
    const rolled = await rollUpClosedDays(ctx, mall);
    const rollupSeconds = round((performance.now() - t0) / 1000, 1);
    console.log(`${dialect}: ${rolled} days rolled up in ${rollupSeconds} s; copying the rest of the year…`);
    t0 = performance.now();
    await copyYear(db, mall.id, days);
    const copySeconds = round((performance.now() - t0) / 1000, 1);
    const gen = { tickets: DAYS * TICKETS, events: Math.round((sample.events / SAMPLE) * DAYS) };
    const count = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mall_id', '=', mall.id)
      .executeTakeFirstOrThrow();
    const cells = await db
      .selectFrom('report_cells')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `${dialect}: year copied in ${copySeconds} s: ${Number(count.n)} tickets, ${Number(cells.n)} roll-up cells`,
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: process.env.SATU_ATAP_DEMO_PASSWORD ?? 'demo1234' },
    });
    const token = login.json().token as string;
    const agencyId = (
      await db
        .selectFrom('services')
        .select('agency_id')
        .where('mall_id', '=', mall.id)
        .executeTakeFirstOrThrow()
    ).agency_id;
    const range = `from=${days[0]}&to=${days.at(-1)}`;
    const time = async (label: string, url: string) => {
      const ms: number[] = [];
      let body = '';
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        ms.push(performance.now() - s);
        if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        body = res.body;
      }
      ms.sort((a, b) => a - b);
      const r = { label, runs: RUNS, medianMs: round(quantile(ms, 0.5), 1), maxMs: round(ms.at(-1)!, 1) };
      console.log(`${dialect}: ${label}: median ${r.medianMs} ms, max ${r.maxMs} ms`);
      return { ...r, body };
    };
    const base = `/api/v1/malls/demo/reports/queue`;
    {
      // Where the time goes: the report's three grouped scans of the roll-up tables alone.
      const f = { mallIds: [mall.id], from: days[0]!, to: days.at(-1)! };
      const scan = async (label: string, run: () => Promise<unknown[]>) => {
        const s = performance.now();
        const n = (await run()).length;
        return `${label} ${round(performance.now() - s, 1)} ms (${n} groups)`;
      };
      const parts = [
        await scan('by day', () => sumCells(db, f, ['local_date'])),
        await scan('by service × counter × officer', () =>
          sumCells(db, f, ['service_id', 'counter_id', 'officer_id']),
        ),
        await scan('by hour', () => sumCells(db, f, ['hour'], ['issued', 'wait_n', 'wait_sum'])),
      ];
      console.log(`${dialect}: roll-up scans: ${parts.join(', ')}`);
    }
    const month = await time('year by month', `${base}?${range}&period=month`);
    const issued = (JSON.parse(month.body) as { totals: { issued: number } }).totals.issued;
    if (issued !== gen.tickets) throw new Error(`report counts ${issued} tickets, generated ${gen.tickets}`);
    const day = await time('year by day', `${base}?${range}&period=day`);
    const agency = await time(
      'year by month, one agency',
      `${base}?${range}&period=month&agencyId=${agencyId}`,
    );
    const xlsx = await time('year XLSX export', `${base}/export?${range}&period=month&format=xlsx`);
    const strip = ({ body: _b, ...r }: { body: string }) => r;
    return {
      dialect,
      days: DAYS,
      tickets: gen.tickets,
      events: gen.events,
      cells: Number(cells.n),
      ticketsInTable: Number(count.n),
      sampleDays: SAMPLE,
      sampleEvents: sample.events,
      generateSampleSeconds: generateSeconds,
      rollupSampleSeconds: rollupSeconds,
      rollupMsPerDay: round((rollupSeconds * 1000) / SAMPLE, 1),
      copySeconds,
      reports: [strip(month), strip(day), strip(agency), strip(xlsx)],
    };
  } finally {
    await app.close();
    await ctx.hub.stop();
    await ctx.database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await pgDb?.drop();
    now = new Date();
  }
}

const results = [await runOn('sqlite')];
if (await pgReachable(PG_ADMIN)) results.push(await runOn('postgres'));
else console.log('PostgreSQL not reachable: SQLite only');
const file = writeResult('reports', { goal: 'year report of ~1 million tickets well under 1 s', results });
console.log(`wrote ${file}`);
process.exit(0);
