/**
 * Whether an error means "the database cannot be reached right now" (a PostgreSQL restart, a
 * terminated backend, a refused or timed-out connection) rather than a bug or a bad query. Such
 * errors answer 503 DATABASE_UNAVAILABLE: the request may simply be retried a few seconds later.
 */
// ENOPRIMARY: no host of a multi-host DATABASE_URL gave a writable session (a failover under way).
const SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOPRIMARY',
]);
// 57P01 admin_shutdown ("terminating connection due to administrator command"), 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up or shutting down); class 08 is "connection exception";
// 25006 read_only_sql_transaction: a write reached a server that is (now) a standby or read-only,
// which during a failover means "the new primary is not writable yet".
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '25006']);
const MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SYSTEM_CODES.has(code) || SQLSTATES.has(code) || /^08/.test(code)))
      return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Whether an error means "no room left to write": SQLite's SQLITE_FULL (the disk holding the database
 * or its WAL is full), PostgreSQL's 53100 disk_full (also "could not extend file"), or ENOSPC from a
 * file write. Such errors answer 503 STORAGE_FULL: nothing was written, and retrying helps only once
 * an operator has made room.
 */
export function isStorageFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code } = e as { code?: unknown };
    if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
