import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../process/server-process.js';

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, pg_ctl on a free
 * loopback port, its unix socket in that directory), so a test can restart or crash it without
 * touching the machine's PostgreSQL on 5432 that other tests use. PostgreSQL refuses to run as root:
 * under root every command runs as the `postgres` user, who gets the directory.
 */

const run = promisify(execFile);
const isRoot = () => process.getuid?.() === 0;

/** The bin directory of the newest PostgreSQL server installed (Debian layout), or null. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const major = fs
    .readdirSync(root)
    .filter(
      (v) =>
        fs.existsSync(path.join(root, v, 'bin/initdb')) && fs.existsSync(path.join(root, v, 'bin/pg_ctl')),
    )
    .sort((a, b) => Number(b) - Number(a))[0];
  return major ? path.join(root, major, 'bin') : null;
}

export interface OwnPostgres {
  port: number;
  dir: string;
  /** postgres://postgres@127.0.0.1:<port>/<db> (trust authentication on loopback). */
  url(db?: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m <mode>` and wait until it accepts connections; answers how long it took. */
  restart(mode: 'fast' | 'immediate'): Promise<number>;
  /** The server log (for failure messages). */
  log(): string;
  destroy(): Promise<void>;
}

const live = new Set<() => void>();
process.once('exit', () => {
  for (const stop of live) stop();
});

export async function startOwnPostgres(bindir: string): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-pg-'));
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const argv = (tool: string, args: string[]): [string, string[]] =>
    isRoot()
      ? ['runuser', ['-u', 'postgres', '--', path.join(bindir, tool), ...args]]
      : [path.join(bindir, tool), args];
  const pgTool = async (tool: string, args: string[]) => {
    const [cmd, a] = argv(tool, args);
    return run(cmd, a, { cwd: dir, timeout: 120_000 });
  };
  const port = await freePort();
  await pgTool('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'max_connections = 60',
      'shared_buffers = 32MB',
      // Durable like production (initdb --no-sync only skips syncing the fresh cluster's files).
      'fsync = on',
      'synchronous_commit = on',
      '',
    ].join('\n'),
  );
  const ctl = (args: string[]) => pgTool('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', ...args]);
  await ctl(['start']);
  const stopNow = () => {
    const [cmd, a] = argv('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    try {
      execFileSync(cmd, a, { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // not running
    }
  };
  live.add(stopNow);
  const url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    dir,
    url,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    async restart(mode) {
      const started = performance.now();
      await ctl(['-m', mode, 'restart']);
      return performance.now() - started;
    },
    log: () => {
      try {
        return fs.readFileSync(logFile, 'utf8').slice(-4000);
      } catch {
        return '';
      }
    },
    async destroy() {
      stopNow();
      live.delete(stopNow);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
