import { sql } from 'kysely';
import type { MigrationContext } from './helpers.js';

/**
 * Web Push. `push_keys` holds the installation's one VAPID key pair (the row id is always 1): every
 * node signs with the same key, and browsers subscribed through any node keep working. Nodes
 * starting together each insert-if-absent, so the first insert wins and all of them read it back.
 * One pair per installation, not per mall: a browser has one push subscription per service worker,
 * and every mall of a deployment shares the origin and its root-scoped worker.
 * `push_gone` remembers subscriptions the push service called gone (404/410) by the SHA-256 of their
 * endpoint, so later messages to them fail at once without another request.
 */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('push_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('push_keys_one_row', sql`id = 1`)
    .execute();
  await db.schema
    .createTable('push_gone')
    .addColumn('endpoint_hash', 'text', (c) => c.primaryKey())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('gone_at', 'text', (c) => c.notNull())
    .execute();
}
