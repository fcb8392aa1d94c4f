import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AgenciesTable, DB } from '../../db/schema.js';

export type AgencyRow = Selectable<AgenciesTable>;

export function findAgency(db: Kysely<DB>, mallId: number, id: number) {
  return db
    .selectFrom('agencies')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findAgencyByKey(db: Kysely<DB>, mallId: number, key: string) {
  return db
    .selectFrom('agencies')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export function listAgencies(db: Kysely<DB>, mallId: number, includeRetired: boolean) {
  let q = db
    .selectFrom('agencies')
    .selectAll('agencies')
    .select((eb) =>
      eb
        .selectFrom('services')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('services.agency_id', '=', 'agencies.id')
        .where('services.retired_at', 'is', null)
        .as('service_count'),
    )
    .where('mall_id', '=', mallId);
  if (!includeRetired) q = q.where('retired_at', 'is', null);
  return q.orderBy('name').execute();
}

export async function insertAgency(db: Kysely<DB>, values: Insertable<AgenciesTable>): Promise<number> {
  const r = await db.insertInto('agencies').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAgency(
  db: Kysely<DB>,
  mallId: number,
  id: number,
  set: Updateable<AgenciesTable>,
) {
  await db.updateTable('agencies').set(set).where('mall_id', '=', mallId).where('id', '=', id).execute();
}
