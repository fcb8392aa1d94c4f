import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Candidate agencies and the public consultation (issue 14): who might join, the services each
 * offers, the space each needs, the forums' requests and votes, and the decision with its reason.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('candidates'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('counters_needed', 'integer', (c) => c.notNull())
    .addColumn('desks_needed', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decision', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decision_reason', 'text')
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('candidates_mall').on('candidates').column('mall_id').execute();
  await withId(db.schema.createTable('candidate_services'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('candidate_services_candidate')
    .on('candidate_services')
    .column('candidate_id')
    .execute();
  await withId(db.schema.createTable('consultation_inputs'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id'))
    .addColumn('forum_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('request', 'text')
    .addColumn('service_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultation_inputs_candidate')
    .on('consultation_inputs')
    .column('candidate_id')
    .execute();
}
