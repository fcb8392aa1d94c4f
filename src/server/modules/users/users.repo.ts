import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.js';

export function listUsers(db: Kysely<DB>, mallId: number) {
  return db.selectFrom('users').selectAll().where('mall_id', '=', mallId).orderBy('username').execute();
}

export function findUser(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function usernameTaken(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Kysely<DB>, values: Insertable<UsersTable>): Promise<number> {
  return (await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateUser(db: Kysely<DB>, id: number, set: Updateable<UsersTable>) {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export function countersOfUsers(db: Kysely<DB>, userIds: number[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom('user_counters')
    .select(['user_id', 'counter_id'])
    .where('user_id', 'in', userIds)
    .execute();
}

export async function setUserCounters(db: Kysely<DB>, mallId: number, userId: number, counterIds: number[]) {
  await db.deleteFrom('user_counters').where('user_id', '=', userId).execute();
  if (counterIds.length) {
    await db
      .insertInto('user_counters')
      .values(counterIds.map((counter_id) => ({ mall_id: mallId, user_id: userId, counter_id })))
      .execute();
  }
}

export function countersInMall(db: Kysely<DB>, mallId: number, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('counters')
    .select(['id', 'agency_id'])
    .where('mall_id', '=', mallId)
    .where('id', 'in', ids)
    .execute();
}

export async function deleteSessionsOf(db: Kysely<DB>, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
