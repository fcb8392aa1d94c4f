import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Integrators: API keys (only the SHA-256 of the key is stored, plus its first characters to tell keys
 * apart in the list; a revoked key keeps its row for the audit trail) and webhook subscriptions.
 * A subscription's secret signs every delivery, so it is kept as issued (the worker needs it at send
 * time); it is shown to the admin once and never listed. `consecutive_failures` counts messages that
 * failed for good since the last delivered one; at WEBHOOK_DISABLE_AFTER the subscription is switched
 * off (`active` 0) with `disabled_at`/`disabled_reason` set, which the admin screen shows.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('api_keys'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_hash').unique().on('api_keys').column('key_hash').execute();
  await db.schema.createIndex('api_keys_mall').on('api_keys').columns(['mall_id', 'created_at']).execute();

  await withId(db.schema.createTable('webhook_subscriptions'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_at', 'text')
    .addColumn('disabled_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_subscriptions_mall')
    .on('webhook_subscriptions')
    .columns(['mall_id', 'active'])
    .execute();
}
