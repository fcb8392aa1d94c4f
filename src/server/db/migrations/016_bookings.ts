import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Online booking (issue 11).
 * - `booking_sessions`: a service's sessions (local 'HH:MM' times, capacity). Removing a session from
 *   the service's list retires it (`retired_at`); bookings already made keep pointing at it.
 * - `booking_counts`: places taken per session and local date. The only writer of capacity: a
 *   booking takes a place with one conditional `UPDATE … SET booked = booked + 1 WHERE booked <
 *   capacity`, so no session is ever over-booked, whatever the concurrency or the number of nodes.
 * - `bookings`: the NIK is kept as a keyed hash (HMAC-SHA-256, for "one booking per NIK"), an
 *   AES-256-GCM ciphertext (staff-only, audited reads) and its masked form; never in clear.
 *   `active_key` is set while the booking is active (booked, checked in) and is unique: the database
 *   itself refuses a second active booking of one NIK for one service and day.
 * - `booking_closures`: a day or one session of a day closed by the mall.
 * - `online_tickets`: the NIK's keyed hash behind each same-day online ticket.
 * - `services.booking_days_ahead`; malls' booking rules (check-in window, caps, no-show block).
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('booking_sessions'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('booking_sessions_service')
    .on('booking_sessions')
    .columns(['service_id', 'retired_at'])
    .execute();

  await db.schema
    .createTable('booking_counts')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('booking_sessions.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('booking_counts_pk', ['session_id', 'date'])
    .execute();

  await withId(db.schema.createTable('bookings'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('booking_sessions.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('nik_hash', 'text', (c) => c.notNull())
    .addColumn('nik_cipher', 'text', (c) => c.notNull())
    .addColumn('nik_masked', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('active_key', 'text', (c) => c.unique())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('checked_in_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('no_show_at', 'text')
    .addColumn('flag', 'text')
    .addColumn('reminded_day_before_at', 'text')
    .addColumn('reminded_two_hours_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookings_day').on('bookings').columns(['mall_id', 'date', 'status']).execute();
  await db.schema.createIndex('bookings_nik').on('bookings').columns(['nik_hash', 'date']).execute();

  await withId(db.schema.createTable('booking_closures'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    /** null: the whole day. */
    .addColumn('session_id', 'integer', (c) => c.references('booking_sessions.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('booking_closures_day')
    .on('booking_closures')
    .columns(['service_id', 'date'])
    .execute();

  // Same-day online tickets: the NIK (keyed hash) behind each, for "one active online ticket per NIK".
  await db.schema
    .createTable('online_tickets')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('nik_hash', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('online_tickets_nik')
    .on('online_tickets')
    .columns(['nik_hash', 'local_date'])
    .execute();

  await db.schema.alterTable('services').addColumn('booking_days_ahead', 'integer').execute();
  for (const [col, dflt] of [
    ['booking_checkin_before_minutes', 30],
    ['booking_checkin_after_minutes', 15],
    ['booking_max_per_nik_per_day', 3],
    ['booking_noshow_limit', 3],
    ['booking_noshow_window_days', 30],
    ['booking_noshow_block_days', 30],
    ['online_queue_enabled', 1],
  ] as const) {
    await db.schema
      .alterTable('malls')
      .addColumn(col, 'integer', (c) => c.notNull().defaultTo(dflt))
      .execute();
  }
}
