import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredPushKeys {
  publicKey: string;
  privateKey: string;
}

/** The installation's VAPID key pair, or null before the first start made one. */
export async function readPushKeys(db: Db): Promise<StoredPushKeys | null> {
  const row = await db
    .selectFrom('push_keys')
    .select(['public_key', 'private_key'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { publicKey: row.public_key, privateKey: row.private_key } : null;
}

/** Stores the pair unless one is there already (another node got first); true when this one was stored. */
export async function insertPushKeysIfAbsent(db: Db, keys: StoredPushKeys, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto('push_keys')
    .values({ id: 1, public_key: keys.publicKey, private_key: keys.privateKey, created_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function isPushGone(db: Db, endpointHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('push_gone')
    .select('endpoint_hash')
    .where('endpoint_hash', '=', endpointHash)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPushGone(db: Db, endpointHash: string, statusCode: number, at: string) {
  await db
    .insertInto('push_gone')
    .values({ endpoint_hash: endpointHash, status_code: statusCode, gone_at: at })
    .onConflict((oc) => oc.column('endpoint_hash').doNothing())
    .execute();
}
