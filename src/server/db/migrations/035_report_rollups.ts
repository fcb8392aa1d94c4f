import { sql } from 'kysely';
import { BUCKETS, COUNT_FIELDS, HIST_PREFIXES, SUM_FIELDS } from '../../modules/reports/rollup.cells.js';
import type { MigrationContext } from './helpers.js';

/**
 * Daily roll-ups of the ticket event log (issue 15): `report_cells` holds one row per mall × local
 * date × service × counter × officer × local hour with additive counts, duration sums and three
 * histograms in fixed buckets (wait `wh00…`, walk `kh00…`, service `sh00…`); `report_days` marks a
 * closed day as rolled up (claimed first, so two nodes never write the same day).
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  let t = db.schema
    .createTable('report_cells')
    .addColumn('mall_id', 'integer', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('officer_id', 'integer', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull());
  for (const f of COUNT_FIELDS) t = t.addColumn(f, 'integer', (c) => c.notNull().defaultTo(0));
  for (const f of SUM_FIELDS) t = t.addColumn(f, 'double precision', (c) => c.notNull().defaultTo(0));
  for (const p of HIST_PREFIXES)
    for (let i = 0; i < BUCKETS; i++)
      t = t.addColumn(`${p}${String(i).padStart(2, '0')}`, 'integer', (c) => c.notNull().defaultTo(0));
  t = t.addPrimaryKeyConstraint('report_cells_pk', [
    'mall_id',
    'local_date',
    'service_id',
    'counter_id',
    'officer_id',
    'hour',
  ]);
  // SQLite: the rows themselves in key order, so a range of days is one contiguous read.
  await (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t).execute();

  await db.schema
    .createTable('report_days')
    .addColumn('mall_id', 'integer', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('rolled_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('cells', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_days_pk', ['mall_id', 'local_date'])
    .execute();
}
