import type { MigrationContext } from './helpers.js';
import { withId } from './helpers.js';

/**
 * Registered kiosks and display boards. Like sessions, only hashes of the device token and of the
 * pairing code are stored; a revoked device keeps its row (audit trail) with revoked_at set.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('devices'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('token_hash', 'text')
    .addColumn('pairing_code_hash', 'text')
    .addColumn('pairing_expires_at', 'text')
    .addColumn('paired_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('printer', 'text')
    .addColumn('last_print_at', 'text')
    .addColumn('last_print_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('devices_token').unique().on('devices').column('token_hash').execute();
  await db.schema
    .createIndex('devices_pairing_code')
    .unique()
    .on('devices')
    .column('pairing_code_hash')
    .execute();
  await db.schema.createIndex('devices_mall').on('devices').columns(['mall_id', 'kind']).execute();
}
