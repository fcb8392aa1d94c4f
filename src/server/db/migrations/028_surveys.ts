import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * The satisfaction survey (SKM, PermenPANRB 14/2017).
 * - `survey_elements`: a mall's own element list (none: the regulation's nine, 1/9 each). Weights are
 *   exact fractions as text ("1/9", "1/5") so a report never sums 0.111s.
 * - `survey_responses`: one questionnaire; never a NIK or a name. `ticket_id` (unique) answers once per
 *   ticket; `agency_id` and `counter_id` are copied at submission so reports do not move when the
 *   catalog does. `answers` keeps the questionnaire as given (JSON).
 * - `survey_answers`: one row per answered element, what the report sums and counts in SQL.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('survey_elements'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('weight', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_elements_mall_code')
    .unique()
    .on('survey_elements')
    .columns(['mall_id', 'code'])
    .execute();

  await withId(db.schema.createTable('survey_responses'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('counter_id', 'integer', (c) => c.references('counters.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text')
    .addColumn('sex', 'text')
    .addColumn('education', 'text')
    .addColumn('occupation', 'text')
    .addColumn('suggestion', 'text')
    .execute();
  // NULLs are distinct on both databases: answers without a ticket never collide.
  await db.schema
    .createIndex('survey_responses_ticket')
    .unique()
    .on('survey_responses')
    .column('ticket_id')
    .execute();
  await db.schema
    .createIndex('survey_responses_period')
    .on('survey_responses')
    .columns(['mall_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id'))
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'code'])
    .execute();
  await db.schema
    .createIndex('survey_answers_period')
    .on('survey_answers')
    .columns(['mall_id', 'local_date', 'service_id'])
    .execute();
}
