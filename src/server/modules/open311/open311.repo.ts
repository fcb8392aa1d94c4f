import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The mall's services and agencies in force, for the service definition's value lists. */
export function activeServices(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('mall_id', '=', mallId)
    .where('retired_at', 'is', null)
    .orderBy('name')
    .execute();
}

export function activeAgencies(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('mall_id', '=', mallId)
    .where('retired_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Malls of the deployment (jurisdiction_id may be left out when there is exactly one). */
export function mallSlugs(db: Kysely<DB>, limit: number) {
  return db.selectFrom('malls').select('slug').orderBy('id').limit(limit).execute();
}
