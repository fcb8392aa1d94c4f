import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';

export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | null> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'mall_id', 'agency_id', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.disabled) return null;
  const counters = await db
    .selectFrom('user_counters')
    .select('counter_id')
    .where('user_id', '=', userId)
    .execute();
  return {
    id: u.id,
    username: u.username,
    role: u.role as Role,
    mallId: u.mall_id,
    agencyId: u.agency_id,
    counterIds: counters.map((c) => c.counter_id),
  };
}

export async function insertSession(
  db: Kysely<DB>,
  tokenHash: string,
  userId: number,
  createdAt: string,
  expiresAt: string,
) {
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash, user_id: userId, created_at: createdAt, expires_at: expiresAt })
    .execute();
}

export async function findSession(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session that expired at or before `now` (ISO); returns how many. */
export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function recordLoginFailure(
  db: Kysely<DB>,
  userId: number,
  failures: number,
  lockedUntil: string | null,
) {
  await db
    .updateTable('users')
    .set({ failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function resetLoginFailures(db: Kysely<DB>, userId: number) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
