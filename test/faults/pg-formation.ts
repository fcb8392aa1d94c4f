import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, sleep } from '../process/server-process.js';

/**
 * A pg_auto_failover formation on loopback ports for the failover test: a monitor and two
 * PostgreSQL nodes (primary + synchronous standby), each run by `pg_autoctl` in its own process
 * group, with data under one temporary directory. Debian's postgresql-NN-auto-failover package
 * provides it (.ci/run installs it). PostgreSQL refuses to run as root, so under root (CI) every
 * command runs as the `postgres` user and the directory is handed to it.
 *
 * The monitor is tuned to notice a dead node in ~2 s and to promote without waiting the default
 * 30 s for the old primary to demote itself (primary_demote_timeout): safe here because the test
 * kills the whole node. In production keep primary_demote_timeout above the keepers'
 * network_partition_timeout (docs/operations.md).
 */

export interface PgAutoFailover {
  autoctl: string;
  bindir: string;
}

/** pg_autoctl and the PostgreSQL bin directory whose server has the pgautofailover extension. */
export function findPgAutoFailover(): PgAutoFailover | null {
  const autoctl = ['/usr/bin/pg_autoctl', '/usr/local/bin/pg_autoctl'].find((p) => fs.existsSync(p));
  if (!autoctl) return null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const majors = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'lib/pgautofailover.so')))
    .sort((a, b) => Number(b) - Number(a));
  const major = majors[0];
  return major ? { autoctl, bindir: path.join(root, major, 'bin') } : null;
}

export interface FormationNode {
  name: string;
  port: number;
  pgdata: string;
}

export interface NodeState {
  name: string;
  port: number;
  reported: string;
  assigned: string;
}

export interface Formation {
  dir: string;
  monitorPort: number;
  nodes: FormationNode[];
  /** The app's connection string: both nodes, target_session_attrs=read-write. */
  appUrl: string;
  /** A single-host URL to one node's app database (for checks). */
  nodeUrl(node: FormationNode, db?: string): string;
  states(): Promise<NodeState[]>;
  /** Waits until `pred` holds for the monitor's view (polling every 200 ms). */
  waitFor(pred: (s: NodeState[]) => boolean, timeoutMs: number, what: string): Promise<NodeState[]>;
  /** SIGKILL the node's pg_autoctl, its postmaster and every backend: the machine died. */
  kill(node: FormationNode): void;
  /** `pg_autoctl perform switchover`: the planned way (maintenance), waits until it is done. */
  switchover(): Promise<void>;
  /** The keepers' logs, for failure messages. */
  logs(): string;
  destroy(): Promise<void>;
}

const DB = 'satu';
const isRoot = () => process.getuid?.() === 0;

/** SIGKILL a pid, ignoring ones already gone. */
function kill9(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

/** Direct children of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

function postmasterPid(pgdata: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface FormationOptions {
  /**
   * Keep pg_auto_failover's default health-check and demotion timeouts (production-like, ~50 s
   * to a writable primary) instead of the test's fast ones.
   */
  monitorDefaults?: boolean;
}

export async function startFormation(tools: PgAutoFailover, opts: FormationOptions = {}): Promise<Formation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-ha-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const env: Record<string, string> = {
    PATH: `${tools.bindir}:/usr/bin:/bin`,
    PG_CONFIG: path.join(tools.bindir, 'pg_config'),
    // pg_autoctl keeps its configuration, state and pid files under these: all inside `dir`.
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    XDG_RUNTIME_DIR: path.join(dir, 'xdg/run'),
    HOME: dir,
    LANG: 'C.UTF-8',
  };
  const command = (args: string[]): [string, string[]] => {
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    return isRoot()
      ? ['runuser', ['-u', 'postgres', '--', 'env', ...envArgs, tools.autoctl, ...args]]
      : ['env', [...envArgs, tools.autoctl, ...args]];
  };
  const groups: ChildProcess[] = [];
  const logFiles: string[] = [];
  const run = (name: string, args: string[]) => {
    const log = path.join(dir, `${name}.log`);
    logFiles.push(log);
    const fd = fs.openSync(log, 'a');
    const [cmd, argv] = command(args);
    const child = spawn(cmd, argv, { cwd: dir, detached: true, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    groups.push(child);
    return child;
  };
  const monitorPort = await freePort();
  const nodes: FormationNode[] = [];
  for (const name of ['node1', 'node2'])
    nodes.push({ name, port: await freePort(), pgdata: path.join(dir, name) });
  const monitorData = path.join(dir, 'monitor');
  const monitorUri = `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover?sslmode=disable`;
  const adminUrl = (port: number, db: string) =>
    `postgres://postgres@127.0.0.1:${port}/${db}?sslmode=disable`;

  const logs = () =>
    logFiles
      .map((f) => {
        try {
          return `--- ${path.basename(f)}\n${fs.readFileSync(f, 'utf8').split('\n').slice(-25).join('\n')}`;
        } catch {
          return '';
        }
      })
      .join('\n');

  async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    c.on('error', () => {});
    try {
      await c.connect();
      return (await c.query<T>(sql)).rows;
    } finally {
      await c.end().catch(() => {});
    }
  }

  const states = async (): Promise<NodeState[]> =>
    query<NodeState>(
      adminUrl(monitorPort, 'pg_auto_failover'),
      'SELECT nodename AS name, nodeport AS port, reportedstate::text AS reported, goalstate::text AS assigned FROM pgautofailover.node ORDER BY nodeid',
    );

  async function waitFor(pred: (s: NodeState[]) => boolean, timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    let last: NodeState[] = [];
    while (Date.now() < deadline) {
      for (const g of groups)
        if (g.exitCode !== null && g.exitCode !== 0 && g.signalCode === null)
          throw new Error(`pg_autoctl exited with ${g.exitCode} while waiting for ${what}:\n${logs()}`);
      try {
        last = await states();
        if (pred(last)) return last;
      } catch {
        // the monitor is starting
      }
      await sleep(200);
    }
    throw new Error(`formation: no ${what} within ${timeoutMs} ms (${JSON.stringify(last)}):\n${logs()}`);
  }

  const killed = new Set<string>();
  const formation: Formation = {
    dir,
    monitorPort,
    nodes,
    appUrl: `postgres://postgres@${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}/${DB}?target_session_attrs=read-write&connect_timeout=2`,
    nodeUrl: (node, db = DB) => adminUrl(node.port, db),
    states,
    waitFor,
    kill(node) {
      const i = nodes.indexOf(node);
      const group = groups[i + 1];
      const pm = postmasterPid(node.pgdata);
      // Everything at once: the keeper (which would restart PostgreSQL), the postmaster, the backends.
      const pids = [...(pm ? [pm, ...childrenOf(pm)] : [])];
      if (group?.pid) {
        try {
          process.kill(-group.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      for (const pid of pids) kill9(pid);
      killed.add(node.name);
    },
    async switchover() {
      const [cmd, argv] = command(['perform', 'switchover', '--pgdata', (nodes[0] as FormationNode).pgdata]);
      await new Promise<void>((resolve, reject) => {
        const child = spawn(cmd, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr?.on('data', (c: Buffer) => {
          err = (err + c.toString()).slice(-4000);
        });
        child.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`switchover: ${code}\n${err}`)),
        );
      });
    },
    logs,
    async destroy() {
      for (const g of groups)
        if (g.pid) {
          try {
            process.kill(-g.pid, 'SIGKILL');
          } catch {
            // gone
          }
        }
      for (const pgdata of [monitorData, ...nodes.map((n) => n.pgdata)]) {
        const pm = postmasterPid(pgdata);
        if (!pm) continue;
        // Only a postmaster still serving this directory (the pid file may be stale).
        let cmdline = '';
        try {
          cmdline = fs.readFileSync(`/proc/${pm}/cmdline`, 'utf8');
        } catch {
          continue;
        }
        if (!cmdline.includes(pgdata)) continue;
        const kids = childrenOf(pm);
        kill9(pm);
        for (const k of kids) kill9(k);
      }
      await sleep(200);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  process.once('exit', () => {
    for (const g of groups) if (g.pid) kill9(-g.pid);
  });

  try {
    run('monitor', [
      'create',
      'monitor',
      '--pgdata',
      monitorData,
      '--pgport',
      String(monitorPort),
      '--hostname',
      '127.0.0.1',
      '--listen',
      '127.0.0.1',
      '--auth',
      'trust',
      '--no-ssl',
      '--run',
    ]);
    await waitFor(() => true, 60_000, 'monitor');
    // ALTER SYSTEM runs outside a transaction block: one statement at a time.
    for (const setting of opts.monitorDefaults
      ? []
      : [
          'health_check_period = 1000',
          'health_check_timeout = 1000',
          'health_check_max_retries = 1',
          'health_check_retry_delay = 500',
          'node_considered_unhealthy_timeout = 2000',
          'primary_demote_timeout = 3000',
        ])
      await query(adminUrl(monitorPort, 'pg_auto_failover'), `ALTER SYSTEM SET pgautofailover.${setting}`);
    await query(adminUrl(monitorPort, 'pg_auto_failover'), 'SELECT pg_reload_conf()');
    for (const [i, node] of nodes.entries()) {
      run(node.name, [
        'create',
        'postgres',
        '--pgdata',
        node.pgdata,
        '--pgport',
        String(node.port),
        '--hostname',
        '127.0.0.1',
        '--listen',
        '127.0.0.1',
        '--name',
        node.name,
        '--dbname',
        DB,
        '--auth',
        'trust',
        '--no-ssl',
        '--monitor',
        monitorUri,
        '--run',
      ]);
      if (i === 0) await waitFor((s) => s[0]?.reported === 'single', 60_000, 'first node as single');
    }
    // The standby's pg_basebackup asks for a spread checkpoint (minutes on an idle server);
    // a CHECKPOINT on the primary makes the pending one immediate.
    let ready = false;
    const nudge = (async () => {
      while (!ready) {
        await query(adminUrl((nodes[0] as FormationNode).port, 'postgres'), 'CHECKPOINT').catch(() => {});
        await sleep(1000);
      }
    })();
    try {
      await waitFor(
        (s) => s.length === 2 && s[0]?.reported === 'primary' && s[1]?.reported === 'secondary',
        90_000,
        'primary + secondary',
      );
    } finally {
      ready = true;
      await nudge;
    }
  } catch (err) {
    await formation.destroy();
    throw err;
  }
  return formation;
}
