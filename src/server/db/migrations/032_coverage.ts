import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Service coverage (issue 14): `full` (served at the mall), `intake_only` (registered at the mall,
 * handled by the agency's back office) or `not_served`, with the reason. `served_at_mall` stays and
 * follows it (not_served ⇔ 0). The dualism register: services still also delivered at the agency's
 * own office, each with its plan and end date.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('services')
    .addColumn('coverage', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();
  await db.schema.alterTable('services').addColumn('coverage_reason', 'text').execute();
  await db.updateTable('services').set({ coverage: 'not_served' }).where('served_at_mall', '=', 0).execute();
  await withId(db.schema.createTable('dualism_entries'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dualism_entries_mall').on('dualism_entries').column('mall_id').execute();
}
