import { sql } from 'kysely';
import {
  BUCKETS,
  COUNT_FIELDS,
  HIST_PREFIXES,
  MEASURES,
  SUM_FIELDS,
} from '../../modules/reports/rollup.cells.js';
import type { MigrationContext } from './helpers.js';

/**
 * `report_day_cells`: the roll-up without the hour (mall × local date × service × counter × officer),
 * about a fifth of `report_cells`' rows; a year's report scans it, and reads `report_cells` only for
 * its per-hour line (three columns). Filled from the cells already rolled up.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  let t = db.schema
    .createTable('report_day_cells')
    .addColumn('mall_id', 'integer', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('officer_id', 'integer', (c) => c.notNull());
  for (const f of COUNT_FIELDS) t = t.addColumn(f, 'integer', (c) => c.notNull().defaultTo(0));
  for (const f of SUM_FIELDS) t = t.addColumn(f, 'double precision', (c) => c.notNull().defaultTo(0));
  for (const p of HIST_PREFIXES)
    for (let i = 0; i < BUCKETS; i++)
      t = t.addColumn(`${p}${String(i).padStart(2, '0')}`, 'integer', (c) => c.notNull().defaultTo(0));
  t = t.addPrimaryKeyConstraint('report_day_cells_pk', [
    'mall_id',
    'local_date',
    'service_id',
    'counter_id',
    'officer_id',
  ]);
  await (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t).execute();
  const cols = sql.raw(MEASURES.join(', '));
  const sums = sql.raw(MEASURES.map((m) => `sum(${m})`).join(', '));
  await sql`insert into report_day_cells (mall_id, local_date, service_id, agency_id, counter_id, officer_id, ${cols})
    select mall_id, local_date, service_id, max(agency_id), counter_id, officer_id, ${sums}
    from report_cells group by mall_id, local_date, service_id, counter_id, officer_id`.execute(db);
}
