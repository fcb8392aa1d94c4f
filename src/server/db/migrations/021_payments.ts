import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Payments of applications. An entry is never edited: a correction is a new `refund` or `void`
 * entry naming the payment it corrects (`corrects_id`), with its reason. Every entry gets a receipt
 * number from `receipt_sequences` (per mall and year, bumped by an atomic upsert inside the
 * entry's transaction, so a rolled-back payment gives its number back and none is skipped).
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('receipt_sequences')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_sequences_pk', ['mall_id', 'year'])
    .execute();
  await withId(db.schema.createTable('payments'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('counter_id', 'integer', (c) => c.references('counters.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('receipt_year', 'integer', (c) => c.notNull())
    .addColumn('receipt_seq', 'integer', (c) => c.notNull())
    .addColumn('receipt_number', 'text', (c) => c.notNull())
    .addColumn('corrects_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('reason', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .execute();
  await db.schema
    .createIndex('payments_receipt')
    .unique()
    .on('payments')
    .columns(['mall_id', 'receipt_year', 'receipt_seq'])
    .execute();
  await db.schema.createIndex('payments_day').on('payments').columns(['mall_id', 'local_date']).execute();
  await db.schema.createIndex('payments_app').on('payments').columns(['application_id']).execute();
}
