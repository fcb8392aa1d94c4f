import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, OutboxMessagesTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Inserts a message unless one with its idempotency key exists; returns the message's id either way. */
export async function insertMessage(db: Db, row: Insertable<OutboxMessagesTable>): Promise<number> {
  const inserted = await db
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('idempotency_key', '=', row.idempotency_key)
    .executeTakeFirstOrThrow();
  return existing.id;
}
