import type { MigrationContext } from './helpers.js';

/**
 * Recorded announcement clips a mall uploads (a human voice instead of the synthesised one) and the
 * mall's announcement settings. The audio is stored in the database (a clip is a few tens of KB), so
 * every node behind a load balancer serves the same clips without a shared disk.
 */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('announcement_clips')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('clip_key', 'varchar(48)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('audio', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_clips_pk', ['mall_id', 'clip_key'])
    .execute();

  await db.schema
    .createTable('announcement_settings')
    .addColumn('mall_id', 'integer', (c) => c.primaryKey().references('malls.id'))
    .addColumn('voice', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}
