import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * The outbox: every message that leaves the system (WhatsApp, SMS, e-mail, web push, webhook) is a
 * row written in the transaction of the change that causes it, then drained after commit by any node.
 * `idempotency_key` is unique: the same message is never queued twice. `address` (a phone number,
 * e-mail address, push subscription or webhook URL) is erased after the retention period;
 * `address_masked` stays for the log. `outbox_attempts` is the delivery log, one row per try.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('outbox_messages'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('address_masked', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'integer')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('address_erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_messages_key')
    .unique()
    .on('outbox_messages')
    .column('idempotency_key')
    .execute();
  await db.schema
    .createIndex('outbox_messages_due')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_messages_mall')
    .on('outbox_messages')
    .columns(['mall_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('outbox_messages_subject')
    .on('outbox_messages')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await withId(db.schema.createTable('outbox_attempts'), dialect)
    .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_messages.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_attempts_message').on('outbox_attempts').column('message_id').execute();
}
