import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export function openingHours(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('opening_hours')
    .selectAll()
    .where('mall_id', '=', mallId)
    .orderBy('weekday')
    .execute();
}

export async function replaceOpeningHours(
  db: Kysely<DB>,
  mallId: number,
  days: { weekday: number; opens: string; closes: string; breaks: string }[],
) {
  await db.deleteFrom('opening_hours').where('mall_id', '=', mallId).execute();
  if (days.length)
    await db
      .insertInto('opening_hours')
      .values(days.map((d) => ({ ...d, mall_id: mallId })))
      .execute();
}

/** The mall's own closures (local_closure). */
export function holidays(db: Kysely<DB>, mallId: number, from?: string, to?: string) {
  let q = db.selectFrom('holidays').select(['date', 'name', 'source']).where('mall_id', '=', mallId);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return q.orderBy('date').execute();
}

export async function upsertHoliday(
  db: Kysely<DB>,
  mallId: number,
  h: { date: string; name: string; source: string | null },
) {
  await db
    .insertInto('holidays')
    .values({ mall_id: mallId, date: h.date, name: h.name, source: h.source })
    .onConflict((oc) => oc.columns(['mall_id', 'date']).doUpdateSet({ name: h.name, source: h.source }))
    .execute();
}

export async function deleteHoliday(db: Kysely<DB>, mallId: number, date: string) {
  return db.deleteFrom('holidays').where('mall_id', '=', mallId).where('date', '=', date).executeTakeFirst();
}

export function nationalDays(db: Kysely<DB>, from?: string, to?: string) {
  let q = db.selectFrom('national_calendar').select(['date', 'kind', 'name', 'source']);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return q.orderBy('date').execute();
}

export function nationalDay(db: Kysely<DB>, date: string) {
  return db
    .selectFrom('national_calendar')
    .select(['date', 'kind', 'name', 'source'])
    .where('date', '=', date)
    .executeTakeFirst();
}

/** Years with at least one national holiday (a year of only cuti bersama is not a list). */
export async function nationalYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('national_calendar')
    .select('date')
    .where('kind', '=', 'national_holiday')
    .execute();
  return [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => a - b);
}

export async function upsertNationalDay(
  db: Kysely<DB>,
  d: { date: string; kind: 'national_holiday' | 'cuti_bersama'; name: string; source: string },
  at: string,
) {
  await db
    .insertInto('national_calendar')
    .values({ ...d, updated_at: at })
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({ kind: d.kind, name: d.name, source: d.source, updated_at: at }),
    )
    .execute();
}

export function deleteNationalDay(db: Kysely<DB>, date: string) {
  return db.deleteFrom('national_calendar').where('date', '=', date).executeTakeFirst();
}

/** The cuti bersama days the mall serves on. */
export async function servedCutiBersama(db: Kysely<DB>, mallId: number, from?: string, to?: string) {
  let q = db.selectFrom('mall_cuti_bersama_served').select('date').where('mall_id', '=', mallId);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return (await q.execute()).map((r) => r.date);
}

export async function setCutiBersamaServed(
  db: Kysely<DB>,
  mallId: number,
  date: string,
  served: boolean,
  at: string,
) {
  if (served)
    await db
      .insertInto('mall_cuti_bersama_served')
      .values({ mall_id: mallId, date, created_at: at })
      .onConflict((oc) => oc.columns(['mall_id', 'date']).doNothing())
      .execute();
  else
    await db
      .deleteFrom('mall_cuti_bersama_served')
      .where('mall_id', '=', mallId)
      .where('date', '=', date)
      .execute();
}

export async function setWorkingDays(db: Kysely<DB>, mallId: number, weekdays: number[]) {
  await db
    .updateTable('malls')
    .set({ working_days: JSON.stringify(weekdays) })
    .where('id', '=', mallId)
    .execute();
}
