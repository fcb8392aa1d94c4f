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

export function holidays(db: Kysely<DB>, mallId: number, from?: string, to?: string) {
  let q = db.selectFrom('holidays').select(['date', 'name']).where('mall_id', '=', mallId);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return q.orderBy('date').execute();
}

export async function upsertHoliday(db: Kysely<DB>, mallId: number, date: string, name: string) {
  await db
    .insertInto('holidays')
    .values({ mall_id: mallId, date, name })
    .onConflict((oc) => oc.columns(['mall_id', 'date']).doUpdateSet({ name }))
    .execute();
}

export async function deleteHoliday(db: Kysely<DB>, mallId: number, date: string) {
  return db.deleteFrom('holidays').where('mall_id', '=', mallId).where('date', '=', date).executeTakeFirst();
}

export async function setWorkingDays(db: Kysely<DB>, mallId: number, weekdays: number[]) {
  await db
    .updateTable('malls')
    .set({ working_days: JSON.stringify(weekdays) })
    .where('id', '=', mallId)
    .execute();
}
