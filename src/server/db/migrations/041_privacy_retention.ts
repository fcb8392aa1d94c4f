import type { MigrationContext } from './helpers.js';

/**
 * Personal-data retention (UU 27/2022 PDP; modules/privacy). `malls.retention_days`: how long after a
 * record is finished its personal data is kept (default 365). `anonymised_at` on every table that
 * holds a citizen's personal data: set by the retention job in the same statement that blanks the
 * personal columns; the row itself (dates, service, status, fees, receipt numbers) stays, so counts
 * and reports do not change. Partial indexes over the rows not yet anonymised keep each run's search
 * for due rows short however many anonymised rows pile up behind them.
 */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('malls')
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(365))
    .execute();
  const due: [table: string, columns: string[]][] = [
    ['bookings', ['mall_id', 'date']],
    ['applications', ['mall_id', 'updated_at']],
    ['complaints', ['mall_id', 'closed_at']],
    ['ticket_notifications', ['mall_id', 'created_at']],
    ['outbox_messages', ['mall_id', 'created_at']],
    ['online_tickets', ['mall_id', 'local_date']],
  ];
  for (const [table, columns] of due) {
    await db.schema.alterTable(table).addColumn('anonymised_at', 'text').execute();
    await db.schema
      .createIndex(`${table}_to_anonymise`)
      .on(table)
      .columns(columns)
      .where('anonymised_at', 'is', null)
      .execute();
  }
}
