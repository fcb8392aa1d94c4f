import type { MigrationContext } from './helpers.js';

/** live_events are pruned by age (LIVE_EVENTS_RETENTION_HOURS): find the old rows by index, not by scan. */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema.createIndex('live_events_at').on('live_events').column('at').execute();
}
