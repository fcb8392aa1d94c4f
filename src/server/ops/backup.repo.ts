import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { connectTarget, HostSelector, parsePgTarget } from '../db/multi-host.js';
import type { DB } from '../db/schema.js';
import { LISTEN_APPLICATION_NAME } from '../events/pg-bridge.js';

/**
 * The statements backup and restore run against a database file or server directly (not through
 * Kysely: they look at the catalogue, locks and connections, not at the application's tables).
 */

/** Opens an SQLite file that must exist; `timeout` 0 answers "locked" at once instead of waiting. */
export function openSqliteFile(file: string, timeout = 5000): SQLite.Database {
  return new SQLite(file, { fileMustExist: true, timeout });
}

/**
 * Whether another connection (a running server, in this process or another) has the file open. In
 * WAL mode every open connection holds a shared lock on the database file for as long as it is
 * open, so an exclusive lock is refused at once while a server runs, even an idle one.
 */
export function sqliteInUse(file: string): boolean {
  const db = openSqliteFile(file, 0);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` (or the faster `quick_check`): an empty list when the file is sound. */
export function sqliteProblems(db: SQLite.Database, quick = false): string[] {
  const rows = db.pragma(quick ? 'quick_check' : 'integrity_check') as Record<string, string>[];
  const found = rows.map((r) => Object.values(r)[0] ?? '');
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

/** The file's tables, from the schema catalogue. */
export function sqliteTables(db: SQLite.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/** The migrations the file has run (Kysely's bookkeeping table). */
export function sqliteMigrations(db: SQLite.Database): string[] {
  return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** A self-contained file: no -wal beside it (the server turns WAL back on when it opens it). */
export function sqliteStandalone(db: SQLite.Database): void {
  db.pragma('journal_mode = DELETE');
}

/** One connection for restore's checks; a multi-host URL reaches the host its target_session_attrs asks for. */
function opsClient(url: string): Promise<pg.Client> {
  return connectTarget(new HostSelector(parsePgTarget(url)), { application_name: 'satu-atap-restore' });
}

export interface PgState {
  /** Tables in the public schema. */
  tables: number;
  /** Open connections of Satu Atap nodes (pool and LISTEN) to this database, other than ours. */
  appConnections: number;
}

/** What restore needs to know of the target PostgreSQL database before it touches it. */
export async function pgState(url: string): Promise<PgState> {
  const client = await opsClient(url);
  try {
    const tables = await client.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    const apps = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = ANY($1)`,
      [['satu-atap', LISTEN_APPLICATION_NAME]],
    );
    return { tables: Number(tables.rows[0]?.n ?? 0), appConnections: Number(apps.rows[0]?.n ?? 0) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** The migrations a PostgreSQL database has run (empty when it has none). */
export async function pgMigrations(url: string): Promise<string[]> {
  const client = await opsClient(url);
  try {
    const r = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
    return r.rows.map((x) => x.name);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Run first in the restore's transaction (with --force): empties the public schema of everything the
 * application made, so the restored database holds exactly the backup (no table of a newer version
 * left behind). The drops and the restore commit together or not at all.
 */
export const PG_CLEAR_PUBLIC = `
SET client_min_messages = warning;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') LOOP
    EXECUTE format(CASE r.relkind WHEN 'm' THEN 'DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE'
                   ELSE 'DROP VIEW IF EXISTS public.%I CASCADE' END, r.relname);
  END LOOP;
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', r.tablename);
  END LOOP;
  FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.sequencename);
  END LOOP;
END $$;
`;

/** One encrypted NIK of the database (an application's, else a booking's; sealed format v1), if any. */
export async function sampleSealedNik(db: Kysely<DB>): Promise<string | null> {
  const a = await db
    .selectFrom('applications')
    .select('nik_cipher')
    .where('nik_cipher', 'like', 'v1.%')
    .limit(1)
    .executeTakeFirst();
  if (a) return a.nik_cipher;
  const b = await db
    .selectFrom('bookings')
    .select('nik_cipher')
    .where('nik_cipher', 'like', 'v1.%')
    .limit(1)
    .executeTakeFirst();
  return b?.nik_cipher ?? null;
}

/** The personal-data key kept in the database (made when PERSONAL_DATA_KEY was unset), if any. */
export async function storedPersonalDataKey(db: Kysely<DB>): Promise<string | null> {
  const r = await db
    .selectFrom('installation_secrets')
    .select('value')
    .where('name', '=', 'personal-data-key')
    .executeTakeFirst();
  return r?.value ?? null;
}
