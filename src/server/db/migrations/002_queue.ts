import { type MigrationContext, withId } from './helpers.js';

/** Tickets and their event log, daily numbering, visits (journeys) and the live event stream. */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('visits'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('tickets'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('visit_id', 'integer', (c) => c.references('visits.id'))
    .addColumn('number', 'varchar(16)', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'varchar(32)')
    .addColumn('priority_granted_by', 'integer')
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('tracking_code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('counter_id', 'integer', (c) => c.references('counters.id'))
    .addColumn('officer_id', 'integer')
    .addColumn('target_counter_id', 'integer')
    .addColumn('return_counter_id', 'integer')
    .addColumn('issued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('queued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('called_at', 'varchar(32)')
    .addColumn('started_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('outcome', 'varchar(32)')
    .addUniqueConstraint('tickets_mall_day_number', ['mall_id', 'local_date', 'number'])
    .execute();
  await db.schema
    .createIndex('tickets_waiting')
    .on('tickets')
    .columns(['mall_id', 'status', 'service_id'])
    .execute();

  await withId(db.schema.createTable('ticket_events'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('counter_id', 'integer')
    .addColumn('officer_id', 'integer')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').column('ticket_id').execute();
  await db.schema
    .createIndex('ticket_events_mall_at')
    .on('ticket_events')
    .columns(['mall_id', 'service_id', 'at'])
    .execute();

  await db.schema
    .createTable('daily_sequences')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('prefix', 'varchar(4)', (c) => c.notNull())
    .addColumn('local_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_sequences_pk', ['mall_id', 'prefix', 'local_date'])
    .execute();

  await db.schema
    .createTable('event_heads')
    .addColumn('mall_id', 'integer', (c) => c.primaryKey().references('malls.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('live_events')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('zone_id', 'integer')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('live_events_pk', ['mall_id', 'seq'])
    .execute();
}
