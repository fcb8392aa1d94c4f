import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, ReadinessItemsTable } from '../../db/schema.js';

export type ReadinessRow = Selectable<ReadinessItemsTable>;

export const listItems = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('readiness_items')
    .selectAll()
    .where('mall_id', '=', mallId)
    .orderBy('position')
    .orderBy('id')
    .execute();

export const findItem = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('readiness_items')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertItems = async (db: Kysely<DB>, rows: Insertable<ReadinessItemsTable>[]) => {
  if (rows.length) await db.insertInto('readiness_items').values(rows).execute();
};

export const updateItem = async (db: Kysely<DB>, id: number, set: Updateable<ReadinessItemsTable>) => {
  await db.updateTable('readiness_items').set(set).where('id', '=', id).execute();
};

/** The facts the computed items are derived from, in a handful of queries. */
export async function readinessFacts(db: Kysely<DB>, mallId: number) {
  const [agencies, agreements, counters, services, dualism, hours] = await Promise.all([
    db
      .selectFrom('agencies')
      .select(['id', 'name', 'agreement_status', 'agreement_override'])
      .where('mall_id', '=', mallId)
      .where('retired_at', 'is', null)
      .execute(),
    db
      .selectFrom('agreements')
      .select(['agency_id', 'kind', 'status'])
      .where('mall_id', '=', mallId)
      .execute(),
    db
      .selectFrom('counters')
      .select('agency_id')
      .where('mall_id', '=', mallId)
      .where('retired_at', 'is', null)
      .execute(),
    db
      .selectFrom('services')
      .leftJoin('service_standards', (j) =>
        j
          .onRef('service_standards.service_id', '=', 'services.id')
          .on('service_standards.valid_to', 'is', null),
      )
      .select([
        'services.id',
        'services.name',
        'services.agency_id',
        'services.coverage',
        'service_standards.body',
      ])
      .where('services.mall_id', '=', mallId)
      .where('services.retired_at', 'is', null)
      .execute(),
    db
      .selectFrom('dualism_entries')
      .select(['id', 'end_date'])
      .where('mall_id', '=', mallId)
      .where('ended_at', 'is', null)
      .execute(),
    db.selectFrom('opening_hours').select('weekday').where('mall_id', '=', mallId).execute(),
  ]);
  return { agencies, agreements, counters, services, dualism, hours };
}
export type ReadinessFacts = Awaited<ReturnType<typeof readinessFacts>>;
