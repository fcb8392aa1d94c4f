import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** Adds an auto-incrementing integer primary key `id` in the dialect's own idiom. */
export function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export interface MigrationContext {
  // biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
  db: Kysely<any>;
  dialect: Dialect;
}
