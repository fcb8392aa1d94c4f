import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ROOT } from '../process/server-process.js';

/**
 * Reads a server's database from the test, beside the running server (SQLite in WAL mode lets a
 * reader in; PostgreSQL is a second client) or after it died. Queries are written once with $1…
 * placeholders and plain SQL both databases understand.
 */
export interface Inspector {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const sqlitePath = (dataDir: string) => path.join(dataDir, 'satu-atap.sqlite');

export async function inspect(target: { dataDir: string; databaseUrl?: string }): Promise<Inspector> {
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    return {
      all: async <T>(q: string, params: unknown[] = []) => (await c.query(q, params)).rows as T[],
      close: () => c.end(),
    };
  }
  const db = new Database(sqlitePath(target.dataDir), { readonly: true });
  return {
    all: async <T>(q: string, params: unknown[] = []) =>
      db.prepare(q.replace(/\$\d+/g, '?')).all(...params) as T[],
    close: async () => {
      db.close();
    },
  };
}

/** One query on a fresh connection. */
export async function queryOnce<T = Record<string, unknown>>(
  target: { dataDir: string; databaseUrl?: string },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const i = await inspect(target);
  try {
    return await i.all<T>(sql, params);
  } finally {
    await i.close();
  }
}

/** `satu-atap <args>` (the compiled CLI) against a data directory or PostgreSQL URL. */
export function runCli(args: string[], target: { dataDir: string; databaseUrl?: string }) {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  else delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['dist/server/cli.mjs', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
