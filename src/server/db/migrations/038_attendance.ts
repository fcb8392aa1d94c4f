import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Officers' work at the counters. `counter_sessions`: an officer signed in at a counter from
 * `started_at` until `ended_at` (null while signed in); one open session per counter and per officer.
 * `counter_requests`: an officer asks for a break or a closure of the counter with a reason; a mall
 * admin approves (the counter changes state, the reason shows on the board) or rejects; `ended_at`
 * when the counter opened again. `counters.status_reason`: why a counter is on break or closed.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('counter_sessions'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema
    .createIndex('counter_sessions_mall_date')
    .on('counter_sessions')
    .columns(['mall_id', 'local_date'])
    .execute();
  await db.schema
    .createIndex('counter_sessions_open_counter')
    .on('counter_sessions')
    .columns(['counter_id', 'ended_at'])
    .execute();
  await withId(db.schema.createTable('counter_requests'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('counter_requests_mall_status')
    .on('counter_requests')
    .columns(['mall_id', 'status'])
    .execute();
  await db.schema.alterTable('counters').addColumn('status_reason', 'text').execute();
}
