import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * "Beri tahu saya": a citizen asks to be told by WhatsApp, SMS, e-mail or web push when few people
 * are ahead of their ticket and when it is called. One row per ticket and channel (asking again
 * replaces the address). `near_queued_at` / `called_queued_at` record that the message was put in
 * the outbox (in the same transaction as the queue change that caused it), so each goes out once;
 * `closed_at`: nothing more will be sent (called, or the ticket finished, was cancelled or expired).
 * `address` (a +62 number, an e-mail address, a push subscription JSON) is erased after retention;
 * `address_masked` stays. `malls.notify_when_ahead` is the mall's default "when N people are ahead".
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('ticket_notifications'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('address_masked', 'text', (c) => c.notNull())
    .addColumn('when_ahead', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('near_queued_at', 'text')
    .addColumn('called_queued_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('ticket_notifications_ticket_channel')
    .unique()
    .on('ticket_notifications')
    .columns(['ticket_id', 'channel'])
    .execute();
  // The sink's question on every queue change: which of this mall's requests are still open?
  await db.schema
    .createIndex('ticket_notifications_open')
    .on('ticket_notifications')
    .columns(['mall_id', 'closed_at'])
    .execute();
  await db.schema
    .alterTable('malls')
    .addColumn('notify_when_ahead', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
}
