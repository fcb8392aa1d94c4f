import { type Kysely, sql } from 'kysely';
import type { DB, ReportMeasureColumn } from '../../db/schema.js';
import { type Cell, MEASURES, type Measures } from './rollup.cells.js';
import type { DayEvent } from './rollup.replay.js';

type Db = Kysely<DB>;
const COLUMNS = MEASURES as readonly ReportMeasureColumn[];

/**
 * Every event of the tickets of one local day, in log order, with the ticket's source and visit. The
 * day's tickets come from their (mall, date) index and their events from the ticket index: no filter
 * on `ticket_events.mall_id` (the ticket's mall is theirs), which led PostgreSQL with stale statistics
 * into AND-ing the mall's whole event index for each ticket (48 s for a day instead of 0.2 s).
 */
export function dayEvents(db: Db, mallId: number, localDate: string): Promise<DayEvent[]> {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select([
      'ticket_events.ticket_id as ticketId',
      'ticket_events.service_id as serviceId',
      'ticket_events.type as type',
      'ticket_events.at as at',
      'ticket_events.counter_id as counterId',
      'ticket_events.officer_id as officerId',
      'ticket_events.data as data',
      'tickets.source as source',
      'tickets.visit_id as visitId',
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.local_date', '=', localDate)
    .orderBy('ticket_events.id')
    .execute();
}

/** Local days of the mall that had tickets (from the daily numbering, far smaller than the tickets). */
export async function daysWithTickets(db: Db, mallId: number, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('daily_sequences')
    .select('local_date')
    .distinct()
    .where('mall_id', '=', mallId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .orderBy('local_date')
    .execute();
  return rows.map((r) => r.local_date);
}

export async function rolledDays(db: Db, mallId: number, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_days')
    .select('local_date')
    .where('mall_id', '=', mallId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .execute();
  return new Set(rows.map((r) => r.local_date));
}

/** Claims a day for rolling up; false when it is already claimed (by this node earlier or another). */
export async function claimDay(db: Db, mallId: number, localDate: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('report_days')
    .values({ mall_id: mallId, local_date: localDate, rolled_at: at, cells: 0 })
    .onConflict((oc) => oc.columns(['mall_id', 'local_date']).doNothing())
    .returning('local_date')
    .executeTakeFirst();
  return r !== undefined;
}

export async function writeCells(db: Db, mallId: number, localDate: string, cells: Cell[]): Promise<void> {
  await db
    .deleteFrom('report_cells')
    .where('mall_id', '=', mallId)
    .where('local_date', '=', localDate)
    .execute();
  // ~80 columns a row: batches stay under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < cells.length; i += 100) {
    const rows = cells.slice(i, i + 100).map((c) => {
      const row: Record<string, number | string> = {
        mall_id: mallId,
        local_date: localDate,
        service_id: c.serviceId,
        agency_id: c.agencyId,
        counter_id: c.counterId,
        officer_id: c.officerId,
        hour: c.hour,
      };
      for (const f of COLUMNS) row[f] = c.m[f] ?? 0;
      return row as DB['report_cells'];
    });
    await db.insertInto('report_cells').values(rows).execute();
  }
  // The same day without the hour: what a long report scans.
  const byKey = new Map<string, Cell>();
  for (const c of cells) {
    const k = `${c.serviceId}|${c.counterId}|${c.officerId}`;
    const seen = byKey.get(k);
    if (!seen) byKey.set(k, { ...c, hour: 0, m: { ...c.m } });
    else for (const f of COLUMNS) seen.m[f] = (seen.m[f] ?? 0) + (c.m[f] ?? 0);
  }
  await db
    .deleteFrom('report_day_cells')
    .where('mall_id', '=', mallId)
    .where('local_date', '=', localDate)
    .execute();
  const dayCells = [...byKey.values()];
  for (let i = 0; i < dayCells.length; i += 100) {
    const rows = dayCells.slice(i, i + 100).map((c) => {
      const row: Record<string, number | string> = {
        mall_id: mallId,
        local_date: localDate,
        service_id: c.serviceId,
        agency_id: c.agencyId,
        counter_id: c.counterId,
        officer_id: c.officerId,
      };
      for (const f of COLUMNS) row[f] = c.m[f] ?? 0;
      return row as DB['report_day_cells'];
    });
    await db.insertInto('report_day_cells').values(rows).execute();
  }
  await db
    .updateTable('report_days')
    .set({ cells: cells.length })
    .where('mall_id', '=', mallId)
    .where('local_date', '=', localDate)
    .execute();
}

export interface CellFilter {
  mallIds: number[];
  from: string;
  to: string;
  agencyId?: number | undefined;
  serviceId?: number | undefined;
  counterId?: number | undefined;
  officerId?: number | undefined;
}

export type GroupKey = 'mall_id' | 'local_date' | 'service_id' | 'counter_id' | 'officer_id' | 'hour';

export interface GroupedRow {
  key: Record<GroupKey, number | string>;
  m: Measures;
}

/**
 * Sums of every measure over the filtered cells, grouped by the given key columns. SUM of integers
 * is a bigint (a string from pg) on PostgreSQL: every figure is read back through Number().
 */
export async function sumCells(
  db: Db,
  f: CellFilter,
  groupBy: GroupKey[],
  only: readonly ReportMeasureColumn[] = COLUMNS,
): Promise<GroupedRow[]> {
  if (f.mallIds.length === 0) return [];
  // Without the hour, the day table (about a fifth of the rows) answers.
  const table = groupBy.includes('hour') ? 'report_cells' : 'report_day_cells';
  let q = db
    .selectFrom(table)
    .where('mall_id', 'in', f.mallIds)
    .where('local_date', '>=', f.from)
    .where('local_date', '<=', f.to);
  if (f.agencyId !== undefined) q = q.where('agency_id', '=', f.agencyId);
  if (f.serviceId !== undefined) q = q.where('service_id', '=', f.serviceId);
  if (f.counterId !== undefined) q = q.where('counter_id', '=', f.counterId);
  if (f.officerId !== undefined) q = q.where('officer_id', '=', f.officerId);
  const rows = (await q
    .select(groupBy)
    .select(only.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)))
    .groupBy(groupBy)
    .execute()) as Record<string, unknown>[];
  return rows.map((r) => {
    const key = {} as Record<GroupKey, number | string>;
    for (const k of groupBy) key[k] = k === 'local_date' ? String(r[k]) : Number(r[k]);
    const m: Measures = {};
    for (const c of COLUMNS) m[c] = Number(r[c] ?? 0);
    return { key, m };
  });
}

/** All services of the mall (retired too: old days still name them) with their agency. */
export function servicesOf(db: Db, mallIds: number[]) {
  return db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .select([
      'services.id',
      'services.mall_id',
      'services.name',
      'services.agency_id',
      'agencies.name as agency_name',
    ])
    .where('services.mall_id', 'in', mallIds.length ? mallIds : [0])
    .orderBy('services.id')
    .execute();
}

export function countersOf(db: Db, mallId: number) {
  return db
    .selectFrom('counters')
    .select(['id', 'number', 'name', 'agency_id', 'status'])
    .where('mall_id', '=', mallId)
    .orderBy('number')
    .execute();
}

export function officersOf(db: Db, ids: number[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', ids.length ? ids : [0])
    .execute();
}

export function allMalls(db: Db) {
  return db.selectFrom('malls').selectAll().orderBy('id').execute();
}
