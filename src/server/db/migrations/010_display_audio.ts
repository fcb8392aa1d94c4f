import type { MigrationContext } from './helpers.js';

/**
 * The last audio status each display board reported (can it be heard?), so the admin sees silent
 * boards. One row per device, replaced on each report; part of the announcements feature (010).
 */
export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('display_audio_status')
    .addColumn('device_id', 'integer', (c) => c.primaryKey().references('devices.id'))
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reported_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}
