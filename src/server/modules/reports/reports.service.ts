import {
  MAX_REPORT_DAYS,
  type NationalReportDto,
  type ReportDto,
  type ReportQueryInput,
} from '../../../shared/contracts/reports.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { type Actor, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { figuresOf, periodEnd, periodStart } from './reports.figures.js';
import * as repo from './reports.repo.js';
import { applicationSla, bookingSummary, complaintsSummary, ikmSummary } from './reports.sections.js';
import { addInto, type Cell, emptyMeasures, type Measures } from './rollup.cells.js';
import { replayCells } from './rollup.service.js';

type Period = 'day' | 'week' | 'month';

function checkRange(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_REPORT_DAYS)
    throw new AppError(
      'VALIDATION_FAILED',
      `Rentang paling lama ${MAX_REPORT_DAYS} hari (range is at most ${MAX_REPORT_DAYS} days).`,
    );
}

/**
 * Who sees what: mall admins and auditors the whole mall, agency admins and back office only their
 * agency (the filter is set for them), officers only their own counters. Anything else is 403.
 */
export function confine(actor: Actor, mallId: number, q: ReportQueryInput): ReportQueryInput {
  const out = { ...q };
  if (!can(actor, 'reports.read', { mallId, agencyId: -1, counterId: -1 })) {
    if (out.agencyId === undefined && actor.agencyId !== null && actor.role !== 'officer')
      out.agencyId = actor.agencyId;
    if (out.counterId === undefined && actor.role === 'officer' && actor.counterIds.length === 1)
      out.counterId = actor.counterIds[0];
  }
  const resource = {
    mallId,
    ...(out.agencyId !== undefined ? { agencyId: out.agencyId } : {}),
    ...(out.counterId !== undefined ? { counterId: out.counterId } : {}),
  };
  if (!can(actor, 'reports.read', resource))
    throw new AppError('FORBIDDEN', 'Anda tidak berwenang untuk tindakan ini (not allowed).');
  return out;
}

/** One (service, counter, officer) of the range with its summed measures. */
interface KeyRow {
  serviceId: number;
  counterId: number;
  officerId: number;
  m: Measures;
}

const matches = (c: Cell, f: repo.CellFilter) =>
  (f.agencyId === undefined || c.agencyId === f.agencyId) &&
  (f.serviceId === undefined || c.serviceId === f.serviceId) &&
  (f.counterId === undefined || c.counterId === f.counterId) &&
  (f.officerId === undefined || c.officerId === f.officerId);

function addTo<K>(map: Map<K, Measures>, k: K, m: Measures): void {
  let t = map.get(k);
  if (!t) {
    t = emptyMeasures();
    map.set(k, t);
  }
  addInto(t, m);
}

/**
 * Rolled-up days summed by the database (per day; per service × counter × officer; per hour: a few
 * hundred rows back whatever the range), the rest (today, or a closed day the job has not reached
 * yet) replayed from the event log now. `keys: false` skips the breakdowns (the national roll-up).
 */
async function gather(ctx: AppContext, mall: MallRecord, f: repo.CellFilter, keys = true) {
  const db = ctx.database.db;
  const [rolled, withTickets] = await Promise.all([
    repo.rolledDays(db, mall.id, f.from, f.to),
    repo.daysWithTickets(db, mall.id, f.from, f.to),
  ]);
  const liveDays = withTickets.filter((d) => !rolled.has(d));
  const some = rolled.size > 0;
  const [days, grouped, hours] = await Promise.all([
    some ? repo.sumCells(db, f, ['local_date']) : [],
    some && keys ? repo.sumCells(db, f, ['service_id', 'counter_id', 'officer_id']) : [],
    some && keys ? repo.sumCells(db, f, ['hour'], ['issued', 'wait_n', 'wait_sum']) : [],
  ]);
  const byDate = new Map(days.map((g) => [String(g.key.local_date), g.m]));
  const byKey = new Map<string, KeyRow>();
  const addKey = (serviceId: number, counterId: number, officerId: number, m: Measures) => {
    const k = `${serviceId}|${counterId}|${officerId}`;
    const seen = byKey.get(k);
    if (seen) addInto(seen.m, m);
    else byKey.set(k, { serviceId, counterId, officerId, m: { ...m } });
  };
  for (const g of grouped)
    addKey(Number(g.key.service_id), Number(g.key.counter_id), Number(g.key.officer_id), g.m);
  const byHour = Array.from({ length: 24 }, () => emptyMeasures());
  for (const h of hours) addInto(byHour[Number(h.key.hour)]!, h.m);
  for (const day of liveDays) {
    for (const c of await replayCells(ctx, mall, day)) {
      if (!matches(c, f)) continue;
      addTo(byDate, day, c.m);
      if (!keys) continue;
      addKey(c.serviceId, c.counterId, c.officerId, c.m);
      addInto(byHour[c.hour]!, c.m);
    }
  }
  return { byDate, rows: [...byKey.values()], byHour, rolledUpDays: rolled.size, liveDays: liveDays.length };
}

function groupBy<K>(rows: KeyRow[], key: (r: KeyRow) => K): Map<K, Measures> {
  const out = new Map<K, Measures>();
  for (const r of rows) addTo(out, key(r), r.m);
  return out;
}

function periodsOf(rows: { date: string; m: Measures }[], period: Period, to: string) {
  const byStart = new Map<string, Measures>();
  for (const r of rows) addTo(byStart, periodStart(r.date, period), r.m);
  return [...byStart.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, m]) => ({ start, end: periodEnd(start, period, to), ...figuresOf(m) }));
}

export async function mallReport(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  q: ReportQueryInput,
): Promise<ReportDto> {
  checkRange(q.from, q.to);
  const db = ctx.database.db;
  const f: repo.CellFilter = {
    mallIds: [mall.id],
    from: q.from,
    to: q.to,
    agencyId: q.agencyId,
    serviceId: q.serviceId,
    counterId: q.counterId,
    officerId: q.officerId,
  };
  const section = { mallId: mall.id, agencyId: q.agencyId, serviceId: q.serviceId, counterId: q.counterId };
  const [data, services, counters, applications, complaints, ikm, bookings] = await Promise.all([
    gather(ctx, mall, f),
    repo.servicesOf(db, [mall.id]),
    repo.countersOf(db, mall.id),
    q.officerId === undefined ? applicationSla(ctx, mall, section, q.from, q.to) : null,
    q.officerId === undefined ? complaintsSummary(ctx, mall, section, q.from, q.to) : null,
    q.officerId === undefined ? ikmSummary(ctx, mall, actor, section, q.from, q.to) : null,
    q.officerId === undefined ? bookingSummary(ctx, section, q.from, q.to) : null,
  ]);
  const { rows } = data;
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const counterById = new Map(counters.map((c) => [c.id, c]));
  const officerTotals = groupBy(rows, (r) => r.officerId);
  const officerNames = new Map(
    (
      await repo.officersOf(
        db,
        [...officerTotals.keys()].filter((id) => id > 0),
      )
    ).map((o) => [o.id, o.display_name]),
  );
  const total = emptyMeasures();
  for (const m of data.byDate.values()) addInto(total, m);
  return {
    mall: mall.slug,
    from: q.from,
    to: q.to,
    period: q.period,
    timezone: mall.timezone,
    filters: {
      agencyId: q.agencyId ?? null,
      serviceId: q.serviceId ?? null,
      counterId: q.counterId ?? null,
      officerId: q.officerId ?? null,
    },
    totals: figuresOf(total),
    periods: periodsOf(
      [...data.byDate.entries()].map(([date, m]) => ({ date, m })),
      q.period,
      q.to,
    ),
    services: [...groupBy(rows, (r) => r.serviceId).entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, m]) => ({
        serviceId: id,
        serviceName: serviceById.get(id)?.name ?? `#${id}`,
        agencyId: serviceById.get(id)?.agency_id ?? 0,
        agencyName: serviceById.get(id)?.agency_name ?? '',
        ...figuresOf(m),
      })),
    counters: [...groupBy(rows, (r) => r.counterId).entries()]
      .filter(([id]) => id > 0)
      .sort(([a], [b]) => (counterById.get(a)?.number ?? a) - (counterById.get(b)?.number ?? b))
      .map(([id, m]) => ({
        counterId: id,
        number: counterById.get(id)?.number ?? null,
        name: counterById.get(id)?.name ?? `#${id}`,
        ...figuresOf(m),
      })),
    officers: [...officerTotals.entries()]
      .filter(([id]) => id > 0)
      .sort(([a], [b]) => a - b)
      .map(([id, m]) => ({ officerId: id, name: officerNames.get(id) ?? `#${id}`, ...figuresOf(m) })),
    byHour: data.byHour.map((m, hour) => ({
      hour,
      issued: m.issued ?? 0,
      meanWaitMinutes: m.wait_n ? Math.round(((m.wait_sum ?? 0) / m.wait_n) * 100) / 100 : null,
    })),
    applications,
    complaints,
    ikm,
    bookings,
    source: { rolledUpDays: data.rolledUpDays, liveDays: data.liveDays },
  };
}

/** Every mall side by side (national admin, deployment-wide auditors): the same figures, no filters. */
export async function nationalReport(
  ctx: AppContext,
  q: { from: string; to: string; period: Period },
): Promise<NationalReportDto> {
  checkRange(q.from, q.to);
  const malls = await repo.allMalls(ctx.database.db);
  const perMall = new Map<number, Measures>();
  const byDate = new Map<string, Measures>();
  for (const mall of malls) {
    const data = await gather(ctx, mall, { mallIds: [mall.id], from: q.from, to: q.to }, false);
    for (const [date, m] of data.byDate) {
      addTo(perMall, mall.id, m);
      addTo(byDate, date, m);
    }
  }
  const total = emptyMeasures();
  for (const m of perMall.values()) addInto(total, m);
  return {
    from: q.from,
    to: q.to,
    period: q.period,
    totals: figuresOf(total),
    malls: malls.map((m) => ({
      mallId: m.id,
      slug: m.slug,
      name: m.name,
      ...figuresOf(perMall.get(m.id) ?? emptyMeasures()),
    })),
    periods: periodsOf(
      [...byDate.entries()].map(([date, m]) => ({ date, m })),
      q.period,
      q.to,
    ),
  };
}

export const todayOf = (ctx: AppContext, mall: MallRecord) => localMoment(ctx.now(), mall.timezone).date;
