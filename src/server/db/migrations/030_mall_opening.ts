import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * The road to opening (issue 14): a mall is `preparing` or `open` (every mall that existed before is
 * open); its milestones (commitment, trial, soft and grand opening) and the space it offers; the action
 * plan (stages with actions, budgets in rupiah) and the readiness checklist over five areas.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('malls')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .execute();
  for (const col of ['commitment_date', 'trial_date', 'soft_opening_date', 'grand_opening_date', 'opened_at'])
    await db.schema.alterTable('malls').addColumn(col, 'text').execute();
  for (const col of ['space_counters', 'space_desks'])
    await db.schema.alterTable('malls').addColumn(col, 'integer').execute();

  await withId(db.schema.createTable('plan_stages'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text')
    .addColumn('budget_planned', 'bigint')
    .addColumn('budget_realised', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_stages_mall')
    .on('plan_stages')
    .columns(['mall_id', 'position'])
    .execute();
  await withId(db.schema.createTable('plan_actions'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('plan_stages.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('budget_planned', 'bigint')
    .addColumn('budget_realised', 'bigint')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_actions_mall')
    .on('plan_actions')
    .columns(['mall_id', 'stage_id'])
    .execute();

  await withId(db.schema.createTable('readiness_items'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** null: ticked by hand; else the name of the rule that derives it from the mall's data. */
    .addColumn('rule', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('evidence', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('readiness_items_mall')
    .on('readiness_items')
    .columns(['mall_id', 'area'])
    .execute();
}
