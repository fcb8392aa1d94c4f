import pg from 'pg';

/** Throwaway PostgreSQL databases for process tests and benchmarks (created and dropped via pg). */

/** The server URL (no database) from SATU_ATAP_TEST_PG, set by test/global-setup.ts; null when absent. */
export function pgServerFromTestEnv(): string | null {
  const url = process.env.SATU_ATAP_TEST_PG;
  if (!url) return null;
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Whether a PostgreSQL server answers at `adminUrl` (a URL to its postgres database). */
export async function pgReachable(adminUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface ThrowawayDb {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own, empty; with `migrated`, a copy of the run's migrated template
 * (SATU_ATAP_TEST_PG_TEMPLATE, see test/global-setup.ts) for tests that only need a private database,
 * not a first migration of their own (an empty one where no template was made: the app migrates it).
 */
export async function createThrowawayDb(
  adminUrl: string,
  prefix: string,
  opts: { migrated?: boolean } = {},
): Promise<ThrowawayDb> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const template = opts.migrated ? process.env.SATU_ATAP_TEST_PG_TEMPLATE : undefined;
  await admin(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
