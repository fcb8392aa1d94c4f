import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, DB } from '../../db/schema.js';

type Db = Kysely<DB>;
export type ApiKeyRow = Selectable<ApiKeysTable>;

export async function insertApiKey(db: Db, row: Insertable<ApiKeysTable>): Promise<number> {
  const r = await db.insertInto('api_keys').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The mall's keys, newest first; revoked keys stay listed (with revokedAt) for the record. */
export function listApiKeys(db: Db, mallId: number): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('mall_id', '=', mallId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findApiKey(db: Db, mallId: number, id: number): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A live key by its hash (one indexed read per request, so revoking takes effect at once). */
export function findLiveByHash(db: Db, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'mall_id', 'name', 'scopes', 'last_used_at'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeApiKey(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function touchLastUsed(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}
