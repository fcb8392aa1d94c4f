import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers that run the real server as a child process: spawn, wait for /healthz, SIGKILL, stop. */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = 'process-demo-123';

export interface ServerOptions {
  /** Reuse a data directory (restart on the same SQLite file); a fresh temp dir otherwise. */
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the server. */
  nodeArgs?: string[];
  /** Run the compiled server (dist/server/cli.mjs, what `npm start` runs) instead of the sources via tsx. */
  compiled?: boolean;
  healthTimeoutMs?: number;
}

export interface ServerProcess {
  base: string;
  port: number;
  pid: number;
  dataDir: string;
  /** The last lines the server printed (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL the whole process group; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), then SIGKILL after a grace period. */
  stop(graceMs?: number): Promise<void>;
  exited(): boolean;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) killGroup(c, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const tempDir = (prefix = 'satu-atap-proc-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitHealthy(base: string, child: ChildProcess, timeoutMs: number, out: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited during start (${child.exitCode ?? child.signalCode}):\n${out()}`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${out()}`);
}

let built = false;

/** Compiles the server (scripts/ensure-server.mjs) if its sources changed, once per test process. */
export function ensureCompiledServer(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/ensure-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** Starts `node --import tsx src/cli/main.ts serve` (or the compiled server) in its own process group and waits for /healthz. */
export async function startServer(opts: ServerOptions = {}): Promise<ServerProcess> {
  if (opts.compiled) ensureCompiledServer();
  const port = await freePort();
  const dataDir = opts.dataDir ?? tempDir();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SATU_ATAP_DEMO_PASSWORD: DEMO_PASSWORD,
    SEED_DEMO: 'auto',
    ...opts.env,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeArgs ?? []),
      ...(opts.compiled ? ['dist/server/cli.mjs'] : ['--import', 'tsx', 'src/cli/main.ts']),
      'serve',
    ],
    {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  gone.then(() => running.delete(child));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const output = () => tail;
  const server: ServerProcess = {
    base,
    port,
    pid: child.pid ?? -1,
    dataDir,
    output,
    exited,
    async kill9() {
      killGroup(child, 'SIGKILL');
      await gone;
    },
    async stop(graceMs = 3000) {
      if (exited()) return;
      killGroup(child, 'SIGTERM');
      const t = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await gone;
      clearTimeout(t);
    },
  };
  try {
    await waitHealthy(base, child, opts.healthTimeoutMs ?? 60_000, output);
  } catch (err) {
    await server.kill9();
    throw err;
  }
  return server;
}

/** Resident set size of a process in bytes, from /proc/<pid>/status (Linux). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) * 1024;
}
