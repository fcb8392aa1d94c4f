import pg from 'pg';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';

/**
 * Throwaway PostgreSQL databases for one test run, created here and dropped after (every database
 * whose name starts with the run's name):
 * - SATU_ATAP_TEST_PG: the run's database;
 * - SATU_ATAP_TEST_PG_TEMPLATE: the name of a database migrated to the latest schema (no data but
 *   what the migrations insert) that nobody connects to, copied by `CREATE DATABASE … TEMPLATE` for
 *   each test worker's database (test/harness.ts) and for throwaway databases that need no migration
 *   test of their own (test/process/pg-db.ts) — a copy takes a fraction of a second, migrating a
 *   few seconds.
 * When no server is reachable the PostgreSQL half of the suite is skipped with a clear message (see
 * test/harness.ts), except under CI=true, where an unreachable PostgreSQL fails the run.
 */
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup() {
  const name = `satu_atap_test_${process.pid}_${Date.now().toString(36)}`;
  const template = `${name}_tpl`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    // Under CI nothing is skipped: no PostgreSQL fails the run instead of passing half of it.
    if (process.env.CI === 'true')
      throw new Error(`CI=true but PostgreSQL is not reachable at ${ADMIN_URL}: ${(err as Error).message}`);
    console.warn(
      `\n[satu-atap tests] PostgreSQL not reachable at ${ADMIN_URL} (${(err as Error).message}): PostgreSQL tests are SKIPPED.\n`,
    );
    process.env.SATU_ATAP_TEST_PG = '';
    process.env.SATU_ATAP_TEST_PG_TEMPLATE = '';
    return;
  }
  const urlOf = (db: string) => {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${db}`;
    return url.toString();
  };
  const teardown = async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [name, `${name}\\_%`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await c.end();
  };
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const database = openDatabase({ databaseUrl: urlOf(template), sqlitePath: '', poolSize: 1 });
    try {
      await migrateToLatest(database);
    } finally {
      await database.close();
    }
  } catch (err) {
    await teardown().catch(() => {});
    throw err;
  } finally {
    await admin.end();
  }
  process.env.SATU_ATAP_TEST_PG = urlOf(name);
  process.env.SATU_ATAP_TEST_PG_TEMPLATE = template;
  return teardown;
}
