import pg from 'pg';

/**
 * One throwaway PostgreSQL database per test run, created here and dropped after. When no server is
 * reachable the PostgreSQL half of the suite is skipped with a clear message (see test/harness.ts),
 * except under CI=true, where an unreachable PostgreSQL fails the run.
 */
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup() {
  const name = `satu_atap_test_${process.pid}_${Date.now().toString(36)}`;
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
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.SATU_ATAP_TEST_PG = url.toString();
  return async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
