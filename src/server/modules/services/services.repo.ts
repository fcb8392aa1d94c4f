import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, ServiceStandardsTable, ServicesTable } from '../../db/schema.js';

export type ServiceRow = Selectable<ServicesTable>;
export type StandardRow = Selectable<ServiceStandardsTable>;

/** Services with their agency name and hotline and the standard in force (valid_to null). */
function withStandard(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .leftJoin('service_standards', (j) =>
      j
        .onRef('service_standards.service_id', '=', 'services.id')
        .on('service_standards.valid_to', 'is', null),
    )
    .selectAll('services')
    .select([
      'agencies.name as agency_name',
      'agencies.hotline as agency_hotline',
      'service_standards.body as standard_body',
      'service_standards.version as standard_version',
      'service_standards.valid_from as standard_valid_from',
    ])
    .where('services.mall_id', '=', mallId);
}

export function listServicesWithStandard(db: Kysely<DB>, mallId: number, includeRetired: boolean) {
  let q = withStandard(db, mallId);
  if (!includeRetired)
    q = q.where('services.retired_at', 'is', null).where('agencies.retired_at', 'is', null);
  return q.orderBy('agencies.name').orderBy('services.name').execute();
}

export type ServiceWithStandard = Awaited<ReturnType<typeof listServicesWithStandard>>[number];

export function findServiceWithStandard(db: Kysely<DB>, mallId: number, id: number) {
  return withStandard(db, mallId).where('services.id', '=', id).executeTakeFirst();
}

/** A service with its agency's agreement state (whether the agency may go live; issue 14). */
export function findService(db: Kysely<DB>, mallId: number, id: number) {
  return db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .selectAll('services')
    .select(['agencies.agreement_status as agency_agreement_status', 'agencies.agreement_override'])
    .where('services.mall_id', '=', mallId)
    .where('services.id', '=', id)
    .executeTakeFirst();
}

export function servicesOfAgency(db: Kysely<DB>, mallId: number, agencyId: number) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'keywords'])
    .where('mall_id', '=', mallId)
    .where('agency_id', '=', agencyId)
    .execute();
}

export function countersForService(db: Kysely<DB>, serviceId: number) {
  return db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .select(['counters.id', 'counters.number', 'counters.name'])
    .where('counter_services.service_id', '=', serviceId)
    .where('counters.retired_at', 'is', null)
    .orderBy('counters.number')
    .execute();
}

export async function insertService(db: Kysely<DB>, values: Insertable<ServicesTable>): Promise<number> {
  return (await db.insertInto('services').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateService(
  db: Kysely<DB>,
  mallId: number,
  id: number,
  set: Updateable<ServicesTable>,
) {
  await db.updateTable('services').set(set).where('mall_id', '=', mallId).where('id', '=', id).execute();
}

export function currentStandard(db: Kysely<DB>, serviceId: number) {
  return db
    .selectFrom('service_standards')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

export function standardHistory(db: Kysely<DB>, mallId: number, serviceId: number) {
  return db
    .selectFrom('service_standards')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('service_id', '=', serviceId)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertStandard(db: Kysely<DB>, values: Insertable<ServiceStandardsTable>) {
  await db.insertInto('service_standards').values(values).execute();
}

export async function closeStandard(db: Kysely<DB>, id: number, validTo: string) {
  await db.updateTable('service_standards').set({ valid_to: validTo }).where('id', '=', id).execute();
}

/** Prefixes already used by an agency's services (services of one agency share a queue group). */
export function prefixesInMall(db: Kysely<DB>, mallId: number) {
  return db
    .selectFrom('services')
    .select(['agency_id', 'queue_prefix'])
    .where('mall_id', '=', mallId)
    .execute();
}
