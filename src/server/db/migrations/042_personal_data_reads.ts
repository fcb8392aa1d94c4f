import type { MigrationContext } from './helpers.js';

/**
 * The personal-data reads log (modules/privacy) lists a mall's audit rows of a few actions (full NIK
 * reads, reporter contacts, subject exports), newest first: an index by chain, action and sequence
 * answers that without walking the whole chain.
 */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createIndex('audit_log_chain_action')
    .on('audit_log')
    .columns(['chain', 'action', 'seq'])
    .execute();
}
