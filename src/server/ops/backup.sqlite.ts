import fs from 'node:fs';
import path from 'node:path';
import { migrationNames } from '../db/migrate.js';
import {
  openSqliteFile,
  sqliteInUse,
  sqliteMigrations,
  sqliteProblems,
  sqliteStandalone,
  sqliteTables,
} from './backup.repo.js';
import { OpsError } from './ops-error.js';

/**
 * SQLite backups are plain database files made with SQLite's online backup API while the server
 * keeps serving; restore checks a copy, then swaps it in by rename.
 */

/** Pages per backup step: all of them, so the copy is one read transaction (see sqliteBackup). */
const ALL_PAGES = 0x7fffffff;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** fsync a file or directory, so a rename is durable before we report success. */
function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `tmp` as `out` atomically: fsync, rename, fsync the directory. */
function publish(tmp: string, out: string): void {
  fsyncPath(tmp);
  fs.renameSync(tmp, out);
  fsyncPath(path.dirname(out));
}

/**
 * Copies the live database `source` into `out`. The copy is taken in one step of the backup API,
 * i.e. inside one read transaction: in WAL mode the server's writers go on meanwhile (they are not
 * blocked, only the WAL cannot be checkpointed past the copy until it ends), and the copy is the
 * database as of one instant. Small steps would restart the copy on every write of the server and
 * might never finish on a busy mall. The copy is checked (`quick_check`), turned into a
 * self-contained file (rollback journal, no -wal beside it), readable by its owner only, and
 * appears under its name only when complete.
 */
export async function sqliteBackup(source: string, out: string): Promise<void> {
  if (!fs.existsSync(source)) throw new OpsError(`no database at ${source} (check DATA_DIR)`);
  const tmp = `${out}.partial-${process.pid}`;
  // Created empty first, owner-only: the copy holds personal data and secrets.
  fs.writeFileSync(tmp, '', { mode: 0o600 });
  try {
    const db = openSqliteFile(source);
    try {
      await db.backup(tmp, { progress: () => ALL_PAGES });
    } catch (err) {
      throw new OpsError(`backup of ${source} failed: ${errorText(err)}`);
    } finally {
      db.close();
    }
    const copy = openSqliteFile(tmp);
    try {
      const problems = sqliteProblems(copy, true);
      if (problems.length)
        throw new OpsError(`the copy failed its check: ${problems.slice(0, 3).join('; ')}`);
      sqliteStandalone(copy);
    } finally {
      copy.close();
    }
    publish(tmp, out);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The tables every Satu Atap database has; a file without them is something else. */
const REQUIRED_TABLES = ['kysely_migration', 'malls', 'audit_log', 'chain_heads'];

/** Checks a copy of a backup before it replaces anything: sound, ours, not from a newer version. */
function checkCopy(file: string, copy: string): void {
  let db: ReturnType<typeof openSqliteFile> | undefined;
  try {
    db = openSqliteFile(copy);
    const problems = sqliteProblems(db);
    if (problems.length)
      throw new OpsError(`${file} is damaged (integrity check: ${problems.slice(0, 3).join('; ')})`);
    const tables = sqliteTables(db);
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (missing.length)
      throw new OpsError(
        `${file} is an SQLite database but not a Satu Atap backup (no ${missing.join(', ')})`,
      );
    const known = new Set(migrationNames());
    const unknown = sqliteMigrations(db).filter((m) => !known.has(m));
    if (unknown.length)
      throw new OpsError(
        `${file} was made by a newer Satu Atap (migrations ${unknown.join(', ')} are unknown here): ` +
          'upgrade Satu Atap first, then restore',
        2,
      );
    sqliteStandalone(db);
  } catch (err) {
    if (err instanceof OpsError) throw err;
    throw new OpsError(`${file} is damaged or not a Satu Atap backup: ${errorText(err)}`);
  } finally {
    db?.close();
  }
}

/** Whether the target holds anything: a readable database with tables, or a file we cannot read. */
function targetState(target: string): 'absent' | 'empty' | 'in-use' | 'data' {
  if (!fs.existsSync(target)) return 'absent';
  if (fs.statSync(target).size === 0) return 'empty';
  try {
    if (sqliteInUse(target)) return 'in-use';
    const db = openSqliteFile(target);
    try {
      return sqliteTables(db).length ? 'data' : 'empty';
    } finally {
      db.close();
    }
  } catch {
    // Not a database we can read: something is there; only --force replaces it.
    return 'data';
  }
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Restores the SQLite backup `file` as the database `target`. The backup is copied next to the
 * target and checked (full integrity check, Satu Atap tables, known migrations) before anything is
 * touched; then, if the target is not in use by a server and is empty (or `force`), the old database
 * (with its -wal/-shm) is moved aside as `<target>.pre-restore-<stamp>` and the copy renamed in.
 * Answers the moved-aside path, if any.
 */
export function sqliteRestore(
  file: string,
  target: string,
  opts: { force: boolean; stamp: string },
): string | undefined {
  if (path.resolve(file) === path.resolve(target))
    throw new OpsError(`${file} is the database itself: restore from a backup copy`, 2);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restore-${process.pid}`;
  for (const s of ['', ...SIDE_FILES]) fs.rmSync(tmp + s, { force: true });
  try {
    fs.copyFileSync(file, tmp);
    fs.chmodSync(tmp, 0o600);
    checkCopy(file, tmp);
    const state = targetState(target);
    if (state === 'in-use')
      throw new OpsError(
        `the database ${target} is in use (is the server running?): stop the server first, then restore`,
        2,
      );
    if (state === 'data' && !opts.force)
      throw new OpsError(
        `the database ${target} is not empty: add --force to replace it (the old file is kept beside it)`,
        2,
      );
    let aside: string | undefined;
    if (state === 'data') {
      aside = `${target}.pre-restore-${opts.stamp}`;
      for (const s of ['', ...SIDE_FILES])
        if (fs.existsSync(target + s)) fs.renameSync(target + s, aside + s);
    } else {
      for (const s of ['', ...SIDE_FILES]) fs.rmSync(target + s, { force: true });
    }
    publish(tmp, target);
    return aside;
  } finally {
    for (const s of ['', ...SIDE_FILES]) fs.rmSync(tmp + s, { force: true });
  }
}

/** The migrations the database file has run. */
export function sqliteMigrationsOf(file: string): string[] {
  const db = openSqliteFile(file);
  try {
    return sqliteMigrations(db);
  } finally {
    db.close();
  }
}
