import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Complaints (pengaduan, issue 13). One row per report with its current state and the deadline that
 * runs now (`due_at`, `due_kind`: dispatch / follow_up / auto_close; `escalated_at` once the running
 * deadline was escalated). The reporter's contacts are kept as given (for messages and the desk's
 * audited read) beside their masked forms. `complaint_events` is the timestamped history with its
 * actor; `complaint_attachments` holds the uploaded images/PDFs in the row (a few MB at most).
 * `complaint_settings`: where a mall's overdue escalations are sent (e-mail, phone).
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('complaints'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('counter_id', 'integer')
    .addColumn('officer_id', 'integer')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_phone_masked', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_email_masked', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('media_url', 'text')
    .addColumn('due_at', 'text')
    .addColumn('due_kind', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaints_tracking')
    .unique()
    .on('complaints')
    .column('tracking_code')
    .execute();
  await db.schema
    .createIndex('complaints_mall_status')
    .on('complaints')
    .columns(['mall_id', 'status'])
    .execute();
  await db.schema
    .createIndex('complaints_mall_agency')
    .on('complaints')
    .columns(['mall_id', 'agency_id'])
    .execute();
  // The scheduler's question: which deadlines have passed?
  await db.schema.createIndex('complaints_due').on('complaints').columns(['due_kind', 'due_at']).execute();

  await withId(db.schema.createTable('complaint_events'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('status', 'text')
    .addColumn('agency_id', 'integer')
    .addColumn('message', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_events_complaint')
    .on('complaint_events')
    .columns(['complaint_id', 'id'])
    .execute();

  await withId(db.schema.createTable('complaint_attachments'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_attachments_complaint')
    .on('complaint_attachments')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('complaint_settings')
    .addColumn('mall_id', 'integer', (c) => c.primaryKey().references('malls.id'))
    .addColumn('escalation_email', 'text')
    .addColumn('escalation_phone', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
