import { NATIONAL_CALENDAR_2026, SKB_2026_SOURCE } from '../../../shared/domain/national-calendar-2026.js';
import { type MigrationContext, withId } from './helpers.js';

/**
 * The national calendar at deployment level (national holidays, cuti bersama) with the official
 * 2026 list; a mall's own closures stay in `holidays` (now with their legal source); the cuti
 * bersama days a mall declares it serves on; `always_open` for the demo mall, whose queue opens
 * every day so anyone can try it (its working-day arithmetic still follows the calendar).
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('national_calendar'), dialect)
    .addColumn('date', 'varchar(10)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mall_cuti_bersama_served')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('mall_cuti_bersama_served_pk', ['mall_id', 'date'])
    .execute();

  await db.schema.alterTable('holidays').addColumn('source', 'text').execute();
  await db.schema
    .alterTable('malls')
    .addColumn('always_open', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const at = new Date().toISOString();
  await db
    .insertInto('national_calendar')
    .values(NATIONAL_CALENDAR_2026.map((d) => ({ ...d, source: SKB_2026_SOURCE, updated_at: at })))
    .execute();
  // A mall's copies of national days are now inherited from the national list; its other dates
  // stay as its own closures.
  await db
    .deleteFrom('holidays')
    .where(
      'date',
      'in',
      NATIONAL_CALENDAR_2026.map((d) => d.date),
    )
    .execute();
  await db.updateTable('malls').set({ always_open: 1 }).where('slug', '=', 'demo').execute();
}
