import { spawn } from 'node:child_process';
import { PG_CLEAR_PUBLIC, pgState } from './backup.repo.js';
import { OpsError } from './ops-error.js';

/**
 * PostgreSQL backups are pg_dump custom-format archives (compressed, restorable table by table);
 * restore streams `pg_restore` into one psql transaction, so a damaged archive changes nothing.
 */

/** The URL without its password (shown in messages, passed to the tools) and the password apart. */
export function splitPassword(url: string): { url: string; password?: string } {
  const m = /^(postgres(?:ql)?:\/\/)([^@/]*)@(.*)$/s.exec(url);
  if (!m) return { url };
  const [, scheme, userinfo = '', rest] = m;
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { url };
  const password = decodeURIComponent(userinfo.slice(colon + 1));
  return { url: `${scheme}${userinfo.slice(0, colon)}@${rest}`, password };
}

/** The tools' environment: the password through PGPASSWORD, never on a command line `ps` shows. */
function toolEnv(password?: string): NodeJS.ProcessEnv {
  return password === undefined ? { ...process.env } : { ...process.env, PGPASSWORD: password };
}

interface Ran {
  code: number;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-8000);
    });
    child.once('error', (err) => reject(missing(cmd, err)));
    child.once('close', (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }));
  });
}

function missing(cmd: string, err: Error): Error {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return err;
  return new OpsError(
    `${cmd} was not found on PATH: install the PostgreSQL client tools of your server's major version ` +
      `or newer (Debian/Ubuntu: apt install postgresql-client-15) or add their directory to PATH`,
  );
}

/** Fails with a clear message when a client tool is not installed. */
export async function requireTool(cmd: string): Promise<void> {
  const r = await run(cmd, ['--version'], process.env);
  if (r.code !== 0) throw new OpsError(`${cmd} --version failed: ${r.stderr}`);
}

/** `pg_dump --format=custom` of the database into `file` (written whole or not at all by the caller). */
export async function pgDump(databaseUrl: string, file: string): Promise<void> {
  await requireTool('pg_dump');
  const { url, password } = splitPassword(databaseUrl);
  const r = await run(
    'pg_dump',
    [
      '--format=custom',
      '--no-password',
      // Waits at most this long for a table lock (e.g. a migration running); never hangs a cron job.
      '--lock-wait-timeout=60s',
      `--file=${file}`,
      `--dbname=${url}`,
    ],
    toolEnv(password),
  );
  if (r.code !== 0) throw new OpsError(`pg_dump failed (exit ${r.code}): ${r.stderr}`);
}

/** The archive's table of contents: fails on a file pg_restore cannot read. */
export async function pgArchiveReadable(file: string): Promise<void> {
  await requireTool('pg_restore');
  const r = await run('pg_restore', ['--list', file], process.env);
  if (r.code !== 0)
    throw new OpsError(
      `${file} is not a readable pg_dump archive (pg_restore: ${r.stderr || `exit ${r.code}`})`,
    );
}

export interface PgRestoreOptions {
  force: boolean;
  /** How the target is named in messages (the URL without password). */
  shown: string;
}

/**
 * Restores `file` into the database. Refuses while Satu Atap nodes are connected to it, and refuses
 * a database that has tables unless `force`; with `force` the public schema is emptied first. The
 * drop and the whole restore are one transaction: pg_restore's SQL is streamed into psql after a
 * BEGIN, and COMMIT is sent only when pg_restore read the whole archive without error (a truncated
 * file ends the stream without COMMIT, so PostgreSQL rolls everything back).
 */
export async function pgRestore(databaseUrl: string, file: string, opts: PgRestoreOptions): Promise<void> {
  await requireTool('pg_restore');
  await requireTool('psql');
  await pgArchiveReadable(file);
  const state = await pgState(databaseUrl).catch((err: Error) => {
    throw new OpsError(`cannot connect to ${opts.shown}: ${err.message}`);
  });
  if (state.appConnections > 0)
    throw new OpsError(
      `${state.appConnections} Satu Atap connection(s) are open to ${opts.shown}: stop every app node ` +
        'first (restore replaces the tables they are using)',
      2,
    );
  if (state.tables > 0 && !opts.force)
    throw new OpsError(
      `${opts.shown} is not empty (${state.tables} tables): restore into an empty database, or add ` +
        '--force to replace everything in it',
      2,
    );
  const { url, password } = splitPassword(databaseUrl);
  const env = toolEnv(password);
  const psql = spawn(
    'psql',
    ['--no-psqlrc', '--quiet', '--no-password', '-v', 'ON_ERROR_STOP=1', `--dbname=${url}`],
    { env, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let psqlErr = '';
  let restoreErr = '';
  psql.stderr.on('data', (c: Buffer) => {
    psqlErr = (psqlErr + c.toString()).slice(-8000);
  });
  restore.stderr.on('data', (c: Buffer) => {
    restoreErr = (restoreErr + c.toString()).slice(-8000);
  });
  // psql may stop reading (ON_ERROR_STOP) while pg_restore still writes: not a crash of ours.
  psql.stdin.on('error', () => {});
  restore.stdout.on('error', () => {});
  const psqlDone = new Promise<number>((resolve, reject) => {
    psql.once('error', (err) => reject(missing('psql', err)));
    psql.once('close', (code) => resolve(code ?? 1));
  });
  const restoreDone = new Promise<number>((resolve, reject) => {
    restore.once('error', (err) => reject(missing('pg_restore', err)));
    restore.once('close', (code) => resolve(code ?? 1));
  });
  psql.stdin.write(`SET lock_timeout = '30s';\nBEGIN;\n${PG_CLEAR_PUBLIC}\n`);
  restore.stdout.pipe(psql.stdin, { end: false });
  const restoreCode = await restoreDone;
  if (restoreCode === 0) psql.stdin.end('COMMIT;\n');
  else psql.stdin.end();
  const psqlCode = await psqlDone;
  if (restoreCode !== 0)
    throw new OpsError(
      `${file} could not be read to the end (pg_restore exit ${restoreCode}: ${restoreErr.trim()}); ` +
        `nothing was changed in ${opts.shown}`,
    );
  if (psqlCode !== 0)
    throw new OpsError(`restore into ${opts.shown} failed and was rolled back: ${psqlErr.trim()}`);
}
