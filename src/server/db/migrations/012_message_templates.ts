import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * A mall's own wording of an outgoing message, per event and language. Without a row the default
 * in code (modules/outbox/templates.defaults.ts) is used, so a new event needs no migration.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('message_templates'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('message_templates_key')
    .unique()
    .on('message_templates')
    .columns(['mall_id', 'event', 'locale'])
    .execute();
}
