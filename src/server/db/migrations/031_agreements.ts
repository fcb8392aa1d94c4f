import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Agreements per agency (issue 14): the memorandum (`mou`) and the cooperation agreement (`pks`), one
 * row per agency and kind, with the signed scan in `opening_documents`. `agencies.agreement_status`
 * stays the quick answer to "may this agency go live" (signed = its PKS is signed); a mall admin may
 * let an agency go live without it (`agreement_override`, the reason). Agencies of existing malls that
 * already serve keep serving: the ones not signed get an override naming this migration.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('opening_documents'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('agreements'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('signatories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text')
    .addColumn('deadline', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('opening_documents.id'))
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreements_agency_kind')
    .unique()
    .on('agreements')
    .columns(['agency_id', 'kind'])
    .execute();
  await db.schema.createIndex('agreements_mall').on('agreements').column('mall_id').execute();
  await db.schema.alterTable('agencies').addColumn('agreement_override', 'text').execute();
  await db
    .updateTable('agencies')
    .set({ agreement_override: 'Sudah melayani sebelum perjanjian dicatat (migrasi 031)' })
    .where('agreement_status', '!=', 'signed')
    .execute();
}
