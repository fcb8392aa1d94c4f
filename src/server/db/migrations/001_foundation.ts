import { type MigrationContext, withId } from './helpers.js';

/** Malls, catalog (agencies, services, versioned standards), counters, staff, hours, audit chain. */
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('malls'), dialect)
    .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'varchar(64)', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('working_days', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('agencies'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('agreement_status', 'varchar(32)', (c) => c.notNull())
    .addColumn('agreement_date', 'varchar(10)')
    .addColumn('hotline', 'text')
    .addColumn('back_office_contact', 'text')
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('agencies_mall_key', ['mall_id', 'key'])
    .execute();

  await withId(db.schema.createTable('services'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('served_at_mall', 'integer', (c) => c.notNull())
    .addColumn('not_served_note', 'text')
    .addColumn('queue_prefix', 'varchar(4)', (c) => c.notNull())
    .addColumn('online_bookable', 'integer', (c) => c.notNull())
    .addColumn('daily_quota', 'integer')
    .addColumn('issue_cutoff', 'varchar(5)')
    .addColumn('priority_max_streak', 'integer', (c) => c.notNull())
    .addColumn('priority_max_wait_minutes', 'integer')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_mall').on('services').columns(['mall_id', 'agency_id']).execute();

  await withId(db.schema.createTable('service_standards'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(32)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(32)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('standards_service_version', ['service_id', 'version'])
    .execute();

  await withId(db.schema.createTable('zones'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('slug', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('zones_mall_slug', ['mall_id', 'slug'])
    .execute();

  await withId(db.schema.createTable('counters'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('counters_mall').on('counters').column('mall_id').execute();

  await db.schema
    .createTable('counter_services')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addPrimaryKeyConstraint('counter_services_pk', ['counter_id', 'service_id'])
    .execute();
  await db.schema
    .createIndex('counter_services_service')
    .on('counter_services')
    .column('service_id')
    .execute();

  await withId(db.schema.createTable('users'), dialect)
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('mall_id', 'integer', (c) => c.references('malls.id'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_counters')
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addPrimaryKeyConstraint('user_counters_pk', ['user_id', 'counter_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('opening_hours'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('opens', 'varchar(5)', (c) => c.notNull())
    .addColumn('closes', 'varchar(5)', (c) => c.notNull())
    .addColumn('breaks', 'text', (c) => c.notNull())
    .addUniqueConstraint('opening_hours_mall_weekday', ['mall_id', 'weekday'])
    .execute();

  await withId(db.schema.createTable('holidays'), dialect)
    .addColumn('mall_id', 'integer', (c) => c.notNull().references('malls.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('holidays_mall_date', ['mall_id', 'date'])
    .execute();

  await withId(db.schema.createTable('audit_log'), dialect)
    .addColumn('chain', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('mall_id', 'integer')
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('audit_chain_seq', ['chain', 'seq'])
    .execute();

  await db.schema
    .createTable('chain_heads')
    .addColumn('chain', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
}
