import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, MallsTable, OpeningHoursTable } from '../../db/schema.js';

export const findMallBySlug = (db: Kysely<DB>, slug: string) =>
  db.selectFrom('malls').selectAll().where('slug', '=', slug).executeTakeFirst();

export const listMalls = (db: Kysely<DB>) => db.selectFrom('malls').selectAll().orderBy('name').execute();

export const findMallById = (db: Kysely<DB>, id: number) =>
  db.selectFrom('malls').selectAll().where('id', '=', id).executeTakeFirst();

/** Whether the database holds any mall yet (boot seeds the demo mall into an empty one). */
export const anyMall = async (db: Kysely<DB>) =>
  (await db.selectFrom('malls').select('id').limit(1).executeTakeFirst()) !== undefined;

export const insertMall = async (db: Kysely<DB>, values: Insertable<MallsTable>) =>
  (await db.insertInto('malls').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const insertOpeningHours = async (db: Kysely<DB>, rows: Insertable<OpeningHoursTable>[]) => {
  await db.insertInto('opening_hours').values(rows).execute();
};

export const updateMall = async (db: Kysely<DB>, id: number, set: Updateable<MallsTable>) => {
  await db.updateTable('malls').set(set).where('id', '=', id).execute();
};

export const listZones = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('zones')
    .select(['id', 'slug', 'name'])
    .where('mall_id', '=', mallId)
    .orderBy('slug')
    .execute();

export const findZoneBySlug = (db: Kysely<DB>, mallId: number, slug: string) =>
  db
    .selectFrom('zones')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('slug', '=', slug)
    .executeTakeFirst();

export const renameZone = async (db: Kysely<DB>, id: number, name: string) => {
  await db.updateTable('zones').set({ name }).where('id', '=', id).execute();
};

export const insertZone = async (db: Kysely<DB>, mallId: number, slug: string, name: string) =>
  (
    await db
      .insertInto('zones')
      .values({ mall_id: mallId, slug, name })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
