import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * The back office (issue 12): applications filed at a counter and processed by the agency.
 * `standard_id`/`standard_version` pin the service standard in force at intake: its fee, its
 * completion time and its requirements are what the citizen was promised, whatever changes later.
 * The NIK is kept encrypted (`nik_cipher`, AES-256-GCM), with a keyed hash to find it again and its
 * masked form for every screen. `due_date` (local) / `due_at` (UTC) move only by pauses, each
 * recorded in `application_pauses`; `application_events` is the status history the citizen sees.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('applications'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('standard_id', 'integer', (c) => c.notNull().references('service_standards.id'))
    .addColumn('standard_version', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('counter_id', 'integer', (c) => c.references('counters.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('nik_cipher', 'text', (c) => c.notNull())
    .addColumn('nik_hash', 'text', (c) => c.notNull())
    .addColumn('nik_masked', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('fee_amount', 'integer')
    .addColumn('fee_legal_basis', 'text', (c) => c.notNull())
    .addColumn('completion_value', 'integer', (c) => c.notNull())
    .addColumn('completion_unit', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('assigned_to', 'integer', (c) => c.references('users.id'))
    .addColumn('intake_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reject_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('applications_desk')
    .on('applications')
    .columns(['mall_id', 'agency_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('applications_nik')
    .on('applications')
    .columns(['mall_id', 'nik_hash'])
    .execute();

  await withId(db.schema.createTable('application_events'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('application_events_app')
    .on('application_events')
    .columns(['application_id', 'id'])
    .execute();

  await withId(db.schema.createTable('application_pauses'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    /** Working days, calendar days or minutes the clock stood still (by `unit`); set when it ends. */
    .addColumn('paused', 'integer')
    .addColumn('due_before', 'text', (c) => c.notNull())
    .addColumn('due_after', 'text')
    .execute();
  await db.schema
    .createIndex('application_pauses_app')
    .on('application_pauses')
    .columns(['application_id', 'id'])
    .execute();

  // Keys the installation makes for itself on first start (insert-if-absent, so every node agrees).
  await db.schema
    .createTable('installation_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
