import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Signed documents issued for approved applications. The PDF is kept as issued (its SHA-256 is
 * what `POST /documents/verify` compares); `verify_code` is the short public code on the page and
 * in its QR code. Revocation adds a reason and a time, never deletes.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('documents'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('verify_code', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by', 'integer')
    .execute();
  await db.schema.createIndex('documents_app').on('documents').columns(['application_id']).execute();
  await db.schema.createIndex('documents_sha').on('documents').columns(['sha256']).execute();
}
