import type { MigrationContext } from './helpers.js';

/**
 * The ETA reads the latest finished tickets of a queue group on every issue: walk them newest first
 * through an index instead of sorting a mall's whole history.
 */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createIndex('tickets_mall_status_finished')
    .on('tickets')
    .columns(['mall_id', 'status', 'finished_at'])
    .execute();
}
