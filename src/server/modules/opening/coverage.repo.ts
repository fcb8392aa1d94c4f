import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, DualismEntriesTable } from '../../db/schema.js';

export type DualismRow = Selectable<DualismEntriesTable>;

/** Active services of active agencies with their coverage. */
export const coverageRows = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .select([
      'services.id',
      'services.name',
      'services.coverage',
      'services.coverage_reason',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
    ])
    .where('services.mall_id', '=', mallId)
    .where('services.retired_at', 'is', null)
    .where('agencies.retired_at', 'is', null)
    .orderBy('agencies.name')
    .orderBy('services.name')
    .execute();

export const listDualism = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('dualism_entries')
    .innerJoin('services', 'services.id', 'dualism_entries.service_id')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .selectAll('dualism_entries')
    .select(['services.name as service_name', 'agencies.name as agency_name'])
    .where('dualism_entries.mall_id', '=', mallId)
    .orderBy('dualism_entries.end_date')
    .execute();

export const findDualism = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('dualism_entries')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertDualism = async (db: Kysely<DB>, values: Insertable<DualismEntriesTable>) =>
  (await db.insertInto('dualism_entries').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const updateDualism = async (db: Kysely<DB>, id: number, set: Updateable<DualismEntriesTable>) => {
  await db.updateTable('dualism_entries').set(set).where('id', '=', id).execute();
};
