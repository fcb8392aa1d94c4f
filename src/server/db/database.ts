import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { GroupCommit } from './group-commit.js';
import { HostSelector, hostLabel, parsePgTarget, targetPool } from './multi-host.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  /** Queue writes share durable transactions (see group-commit.ts). */
  group: GroupCommit;
  dialect: Dialect;
  /** Connection string (PostgreSQL only); the event bridge opens its own LISTEN connection with it. */
  url?: string;
  /** PostgreSQL only: the host list and which host worked last (the LISTEN connection follows it). */
  hosts?: HostSelector;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * Kysely prepares every query anew; a queue action runs a dozen small statements, so preparing was a
 * large share of its time. Statements are reused by SQL text (the dialect runs one query at a time on
 * its single connection, so a cached statement is never busy); the cache is bounded.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/**
 * SQLite ends a transaction by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM: "the
 * statement or the whole transaction is rolled back"). Kysely then sends ROLLBACK, which fails with
 * "cannot rollback - no transaction is active" and replaces the error that mattered (a full disk
 * became a 500 INTERNAL). ROLLBACK is skipped when there is nothing left to roll back.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  readonly #sqlite: SQLite.Database;
  readonly #database: SqliteDatabase;
  constructor(sqlite: SQLite.Database) {
    const database = withStatementCache(sqlite);
    super({ database });
    this.#sqlite = sqlite;
    this.#database = database;
  }
  override createDriver(): Driver {
    const sqlite = this.#sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: this.#database });
  }
}

export interface OpenOptions {
  databaseUrl?: string;
  sqlitePath: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  poolSize?: number;
  /** Where lost PostgreSQL connections are reported (a restart, pg_terminate_backend). */
  log?: Pick<Logger, 'warn'>;
}

/** The URL's hosts (throws PgUrlError on a bad URL); a switch to another host is logged. */
export function hostSelector(url: string, log?: Pick<Logger, 'warn'>): HostSelector {
  return new HostSelector(parsePgTarget(url), (from, to, why) =>
    log?.warn({ from: hostLabel(from), to: hostLabel(to), why }, 'PostgreSQL: trying the next host'),
  );
}

/**
 * A PostgreSQL pool that survives the server going away. node-postgres emits 'error' on an idle
 * pooled client, and on a checked-out client whose backend is terminated; an 'error' event nobody
 * listens to ends the Node process. Every pool and every client gets a listener: the failed query
 * rejects on its own (the request answers 503 DATABASE_UNAVAILABLE), the dead client is dropped on
 * release (pg-pool checks it is no longer queryable), and the next request connects afresh.
 *
 * The URL may list several hosts with `target_session_attrs=read-write` (a primary and its
 * standbys): each new connection then goes to the server that accepts writes, so after a failover
 * the pool finds the promoted standby by itself (see multi-host.ts).
 */
export function resilientPool(
  url: string,
  max: number,
  log?: Pick<Logger, 'warn'>,
  selector = hostSelector(url, log),
): pg.Pool {
  // No pool-level connectionTimeoutMillis: pg-pool applies it to waiting for a free client too, so
  // a burst of requests would get 503 while PostgreSQL is fine. Each connection attempt has its own
  // timeout per host instead (connect_timeout, default 5 s), and TCP keepalive finds dead peers.
  const pool = targetPool(selector, { max, application_name: 'satu-atap' });
  const lost = (err: Error) => log?.warn({ err: err.message }, 'PostgreSQL connection lost');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}

/**
 * Opens the database: PostgreSQL when a URL is given, else an embedded SQLite file in WAL mode.
 * SQLite with synchronous=NORMAL survives a process kill (kill -9); FULL also survives power loss.
 */
export function openDatabase(opts: OpenOptions): Database {
  if (opts.databaseUrl) {
    const selector = hostSelector(opts.databaseUrl, opts.log);
    const pool = resilientPool(opts.databaseUrl, opts.poolSize ?? 10, opts.log, selector);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    // A few batches may write at once (different malls in parallel); the rest of the pool serves reads.
    const group = new GroupCommit(db, Math.max(1, Math.floor((opts.poolSize ?? 10) / 3)));
    return {
      db,
      group,
      dialect: 'postgres',
      url: opts.databaseUrl,
      hosts: selector,
      close: () => db.destroy(),
    };
  }
  fs.mkdirSync(path.dirname(opts.sqlitePath), { recursive: true });
  const sqlite = new SQLite(opts.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${opts.sqliteSynchronous ?? 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialectKeepingErrors(sqlite) });
  return { db, group: new GroupCommit(db, 1), dialect: 'sqlite', close: () => db.destroy() };
}
