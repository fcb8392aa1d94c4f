import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CountersTable, DB } from '../../db/schema.js';

export function listCounters(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('counters')
    .innerJoin('agencies', 'agencies.id', 'counters.agency_id')
    .leftJoin('zones', 'zones.id', 'counters.zone_id')
    .selectAll('counters')
    .select(['agencies.name as agency_name', 'zones.slug as zone_slug'])
    .where('counters.mall_id', '=', mallId)
    .where('counters.retired_at', 'is', null)
    .orderBy('counters.number')
    .execute();
}

export type CounterListRow = Awaited<ReturnType<typeof listCounters>>[number];

export function counterServices(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('counter_services')
    .innerJoin('services', 'services.id', 'counter_services.service_id')
    .select(['counter_services.counter_id', 'services.id', 'services.name', 'services.queue_prefix'])
    .where('counter_services.mall_id', '=', mallId)
    .where('services.retired_at', 'is', null)
    .orderBy('services.name')
    .execute();
}

export function findCounter(db: Kysely<DB>, mallId: number, id: number) {
  return db
    .selectFrom('counters')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertCounter(db: Kysely<DB>, values: Insertable<CountersTable>): Promise<number> {
  return (await db.insertInto('counters').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCounter(
  db: Kysely<DB>,
  mallId: number,
  id: number,
  set: Updateable<CountersTable>,
) {
  await db.updateTable('counters').set(set).where('mall_id', '=', mallId).where('id', '=', id).execute();
}

export async function setCounterServices(
  db: Kysely<DB>,
  mallId: number,
  counterId: number,
  serviceIds: number[],
) {
  await db.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
  if (serviceIds.length) {
    await db
      .insertInto('counter_services')
      .values(serviceIds.map((service_id) => ({ mall_id: mallId, counter_id: counterId, service_id })))
      .execute();
  }
}

export async function findOrCreateZone(db: Kysely<DB>, mallId: number, slug: string): Promise<number> {
  const z = await db
    .selectFrom('zones')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (z) return z.id;
  const r = await db
    .insertInto('zones')
    .values({ mall_id: mallId, slug, name: slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function servicesInMall(db: Kysely<DB>, mallId: number, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .select(['services.id', 'services.agency_id', 'agencies.agreement_status', 'agencies.agreement_override'])
    .where('services.mall_id', '=', mallId)
    .where('services.id', 'in', ids)
    .execute();
}
