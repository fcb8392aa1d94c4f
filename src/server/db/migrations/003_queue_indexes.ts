import type { MigrationContext } from './helpers.js';

/** Call-next reads the latest calls of a counter's services (the priority streak): index that path. */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createIndex('ticket_events_calls')
    .on('ticket_events')
    .columns(['mall_id', 'type', 'service_id', 'id'])
    .execute();
  await db.schema
    .createIndex('tickets_mall_day_service')
    .on('tickets')
    .columns(['mall_id', 'local_date', 'service_id'])
    .execute();
}
