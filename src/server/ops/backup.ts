import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type VerifyResult, verifyAudit } from '../audit/audit.js';
import type { Config } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrationNames } from '../db/migrate.js';
import { openWith } from '../modules/applications/personal-data.js';
import { pgArchiveReadable, pgDump, pgRestore, splitPassword } from './backup.pg.js';
import { pgMigrations, sampleSealedNik, storedPersonalDataKey } from './backup.repo.js';
import { sqliteBackup, sqliteMigrationsOf, sqliteRestore } from './backup.sqlite.js';
import { OpsError } from './ops-error.js';

/**
 * `satu-atap backup [--out FILE]` and `satu-atap restore FILE [--force]` (see docs/operations.md).
 * SQLite: the online backup API into a plain database file, while the server serves. PostgreSQL:
 * pg_dump's custom format, restored by pg_restore in one transaction. After a restore the audit
 * hash chain is verified; a broken chain fails the command.
 */

export type BackupKind = 'sqlite' | 'postgres';

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
  ms: number;
}

export interface RestoreResult {
  kind: BackupKind;
  file: string;
  /** The database restored into: the SQLite path, or the URL without its password. */
  target: string;
  /** SQLite with --force: where the replaced database was moved. */
  movedAside?: string;
  /** The whole restore, the audit check included. */
  ms: number;
  audit: VerifyResult;
  auditMs: number;
  personalData: PersonalDataCheck;
  /** Migrations of this version the restored database has not run yet (the server runs them on start). */
  pendingMigrations: number;
  /** Migrations the restored database ran that this version does not know (a newer version's backup). */
  unknownMigrations: string[];
}

/** 2026-11-23T03:00:00.123Z → 20261123T030000Z: sorts by time and is safe in any file name. */
export const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Where `backup` writes without --out: DATA_DIR/backups/satu-atap-<UTC time>.<sqlite|pgdump>. */
export function defaultBackupPath(config: Config, now: Date): string {
  const ext = config.DATABASE_URL ? 'pgdump' : 'sqlite';
  return path.resolve(config.DATA_DIR, 'backups', `satu-atap-${stamp(now)}.${ext}`);
}

/** Tells an SQLite file from a pg_dump custom archive by their first bytes. */
export function backupKind(file: string): BackupKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new OpsError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const head = Buffer.alloc(16);
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n === 0) throw new OpsError(`${file} is empty: not a backup`);
  if (n === 16 && head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  throw new OpsError(`${file} is not a Satu Atap backup (neither an SQLite database nor a pg_dump archive)`);
}

export async function backupDatabase(
  config: Config,
  opts: { out?: string; now?: Date } = {},
): Promise<BackupResult> {
  const started = performance.now();
  const out = path.resolve(opts.out ?? defaultBackupPath(config, opts.now ?? new Date()));
  if (!config.DATABASE_URL && !fs.existsSync(config.sqlitePath))
    throw new OpsError(`no database at ${config.sqlitePath} (check DATA_DIR)`);
  if (fs.existsSync(out)) throw new OpsError(`${out} already exists: choose another --out`, 2);
  const dir = path.dirname(out);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new OpsError(`cannot create ${dir}: ${(err as Error).message}`);
  }
  const kind: BackupKind = config.DATABASE_URL ? 'postgres' : 'sqlite';
  if (config.DATABASE_URL) {
    const tmp = `${out}.partial-${process.pid}`;
    fs.writeFileSync(tmp, '', { mode: 0o600 });
    try {
      await pgDump(config.DATABASE_URL, tmp);
      await pgArchiveReadable(tmp);
      fs.renameSync(tmp, out);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } else {
    await sqliteBackup(config.sqlitePath, out);
  }
  return { kind, file: out, bytes: fs.statSync(out).size, ms: performance.now() - started };
}

/**
 * Whether the restored NIKs can be read with this configuration's key: PERSONAL_DATA_KEY when set,
 * else the key the database keeps. `none`: no NIK is stored; `no-key`/`wrong-key`: the data is
 * restored but identity numbers cannot be shown or searched until the key used when they were
 * written is configured.
 */
export type PersonalDataCheck = 'none' | 'readable' | 'no-key' | 'wrong-key';

async function personalDataCheck(config: Config, db: Database['db']): Promise<PersonalDataCheck> {
  const sealed = await sampleSealedNik(db);
  if (!sealed) return 'none';
  const key = config.PERSONAL_DATA_KEY ?? (await storedPersonalDataKey(db));
  if (!key) return 'no-key';
  try {
    openWith(Buffer.from(key, 'base64'), sealed);
    return 'readable';
  } catch {
    return 'wrong-key';
  }
}

/** Verifies the audit chain (timed) and the personal-data key of the database the configuration points at. */
async function checkTarget(config: Config) {
  const database = openDatabase({
    databaseUrl: config.DATABASE_URL,
    sqlitePath: config.sqlitePath,
    poolSize: 1,
  });
  try {
    const started = performance.now();
    const audit = await verifyAudit(database.db);
    const auditMs = performance.now() - started;
    return { audit, auditMs, personalData: await personalDataCheck(config, database.db) };
  } finally {
    await database.close().catch(() => {});
  }
}

export async function restoreDatabase(
  config: Config,
  file: string,
  opts: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const source = path.resolve(file);
  const kind = backupKind(source);
  const force = opts.force === true;
  let target: string;
  let movedAside: string | undefined;
  if (kind === 'sqlite') {
    if (config.DATABASE_URL)
      throw new OpsError(
        `${file} is an SQLite backup but DATABASE_URL points at PostgreSQL: unset DATABASE_URL to restore ` +
          'it into DATA_DIR (restore does not move data between the two databases)',
        2,
      );
    target = config.sqlitePath;
    movedAside = sqliteRestore(source, target, { force, stamp: stamp(opts.now ?? new Date()) });
  } else {
    if (!config.DATABASE_URL)
      throw new OpsError(
        `${file} is a PostgreSQL backup (pg_dump): set DATABASE_URL to the database to restore it into`,
        2,
      );
    target = splitPassword(config.DATABASE_URL).url;
    await pgRestore(config.DATABASE_URL, source, { force, shown: target });
  }
  const ran = new Set(
    kind === 'sqlite' ? sqliteMigrationsOf(config.sqlitePath) : await pgMigrations(config.DATABASE_URL!),
  );
  const known = migrationNames();
  const { audit, auditMs, personalData } = await checkTarget(config);
  return {
    kind,
    file: source,
    target,
    movedAside,
    ms: performance.now() - started,
    audit,
    auditMs,
    personalData,
    pendingMigrations: known.filter((m) => !ran.has(m)).length,
    unknownMigrations: [...ran].filter((m) => !known.includes(m)),
  };
}

const BACKUP_USAGE = 'usage: satu-atap backup [--out FILE]';
const RESTORE_USAGE = 'usage: satu-atap restore FILE [--force]';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs a command body, turning an OpsError into its message and exit code (no stack trace). */
async function reported(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof OpsError) {
      console.error(err.message);
      return err.exitCode;
    }
    throw err;
  }
}

/** `satu-atap backup [--out FILE]`: prints the file written; exit 1 on failure, 2 on wrong usage. */
export function backupCommand(args: string[], config: Config): Promise<number> {
  return reported(async () => {
    let out: string | undefined;
    try {
      const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } } });
      if (positionals.length) throw new Error('unexpected arguments');
      out = values.out;
    } catch (err) {
      throw new OpsError(`${(err as Error).message}\n${BACKUP_USAGE}`, 2);
    }
    const r = await backupDatabase(config, { out });
    console.log(`backup written: ${r.file} (${r.kind}, ${mb(r.bytes)}, ${secs(r.ms)})`);
    return 0;
  });
}

/**
 * `satu-atap restore FILE [--force]`: stop the server (every app node) first. Prints what was
 * restored and the audit check; exit 1 when the file is damaged, the restore failed or the restored
 * audit chain is broken, 2 when refused (in use, not empty without --force, wrong usage).
 */
export function restoreCommand(args: string[], config: Config): Promise<number> {
  return reported(async () => {
    let file: string | undefined;
    let force = false;
    try {
      const { values, positionals } = parseArgs({
        args,
        options: { force: { type: 'boolean', default: false } },
        allowPositionals: true,
      });
      if (positionals.length !== 1) throw new Error('name one backup file');
      file = positionals[0];
      force = values.force === true;
    } catch (err) {
      throw new OpsError(`${(err as Error).message}\n${RESTORE_USAGE}`, 2);
    }
    const r = await restoreDatabase(config, file!, { force });
    console.log(`restored ${r.file} into ${r.target} (${r.kind}, ${secs(r.ms)})`);
    if (r.movedAside) console.log(`the replaced database was kept as ${r.movedAside}`);
    if (r.pendingMigrations)
      console.log(
        `the backup is ${r.pendingMigrations} migration(s) behind: the server runs them when it starts`,
      );
    if (r.unknownMigrations.length)
      console.error(
        `warning: the backup was made by a newer Satu Atap (migrations ${r.unknownMigrations.join(', ')}): ` +
          'upgrade before starting the server',
      );
    let code = 0;
    if (r.audit.ok)
      console.log(
        `audit log intact: ${r.audit.rows} rows in ${r.audit.chains} chains (checked in ${secs(r.auditMs)})`,
      );
    else {
      console.error(`AUDIT LOG BROKEN in the restored database:\n${r.audit.problems.join('\n')}`);
      code = 1;
    }
    if (r.personalData === 'readable') console.log('identity numbers (NIK) readable with the configured key');
    else if (r.personalData !== 'none') {
      console.error(
        r.personalData === 'no-key'
          ? 'NIKs CANNOT BE READ: the backup was made with PERSONAL_DATA_KEY set and it is not set here.'
          : 'NIKs CANNOT BE READ: PERSONAL_DATA_KEY is not the key the backup was made with (if the ' +
              'backup was made without PERSONAL_DATA_KEY, unset it: that key is inside the backup).',
      );
      console.error(
        'The data is restored; set PERSONAL_DATA_KEY to the key used when the backup was made (no need to restore again).',
      );
      code = 1;
    }
    return code;
  });
}
