import type { Insertable, Transaction } from 'kysely';
import type {
  AgenciesTable,
  CountersTable,
  DB,
  MallsTable,
  ServiceStandardsTable,
  ServicesTable,
  UsersTable,
} from '../db/schema.js';

/**
 * The demo seed's writes: whole rows as the seed builds them, inside its one transaction. (The
 * catalog's own repositories validate and audit edits one at a time; the seed loads a mall at once.)
 */
type Db = Transaction<DB>;

export const insertMall = async (db: Db, row: Insertable<MallsTable>) =>
  (await db.insertInto('malls').values(row).returning('id').executeTakeFirstOrThrow()).id;

/** The same opening hours on each of the given ISO weekdays. */
export async function insertOpeningHours(
  db: Db,
  mallId: number,
  weekdays: number[],
  hours: { opens: string; closes: string; breaks: string },
): Promise<void> {
  await db
    .insertInto('opening_hours')
    .values(weekdays.map((weekday) => ({ mall_id: mallId, weekday, ...hours })))
    .execute();
}

export const insertZone = async (db: Db, mallId: number, slug: string, name: string) =>
  (
    await db
      .insertInto('zones')
      .values({ mall_id: mallId, slug, name })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const insertAgency = async (db: Db, row: Insertable<AgenciesTable>) =>
  (await db.insertInto('agencies').values(row).returning('id').executeTakeFirstOrThrow()).id;

/** The demo agencies joined with their memorandum and cooperation agreement signed (issue 14). */
export const insertSignedAgreements = async (
  db: Db,
  mallId: number,
  agencyId: number,
  date: string,
  at: string,
) => {
  await db
    .insertInto('agreements')
    .values(
      (['mou', 'pks'] as const).map((kind) => ({
        mall_id: mallId,
        agency_id: agencyId,
        kind,
        status: 'signed',
        date,
        reason: null,
        deadline: null,
        document_id: null,
        updated_by: null,
        updated_at: at,
      })),
    )
    .execute();
};

export const insertService = async (db: Db, row: Insertable<ServicesTable>) =>
  (await db.insertInto('services').values(row).returning('id').executeTakeFirstOrThrow()).id;

export async function insertStandard(db: Db, row: Insertable<ServiceStandardsTable>): Promise<void> {
  await db.insertInto('service_standards').values(row).execute();
}

export const insertCounter = async (db: Db, row: Insertable<CountersTable>) =>
  (await db.insertInto('counters').values(row).returning('id').executeTakeFirstOrThrow()).id;

export async function insertCounterServices(
  db: Db,
  mallId: number,
  counterId: number,
  serviceIds: number[],
): Promise<void> {
  if (!serviceIds.length) return;
  await db
    .insertInto('counter_services')
    .values(serviceIds.map((service_id) => ({ mall_id: mallId, counter_id: counterId, service_id })))
    .execute();
}

export function listCounterAgencies(db: Db, mallId: number) {
  return db.selectFrom('counters').select(['id', 'agency_id']).where('mall_id', '=', mallId).execute();
}

export const insertUser = async (db: Db, row: Insertable<UsersTable>) =>
  (await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow()).id;

export async function insertUserCounters(
  db: Db,
  mallId: number,
  userId: number,
  counterIds: number[],
): Promise<void> {
  if (!counterIds.length) return;
  await db
    .insertInto('user_counters')
    .values(counterIds.map((counter_id) => ({ mall_id: mallId, user_id: userId, counter_id })))
    .execute();
}
