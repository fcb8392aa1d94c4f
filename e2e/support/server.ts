import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const DEMO_PASSWORD = 'e2e-demo-pass';

export interface TestServer {
  base: string;
  stop: () => Promise<void>;
}

/**
 * Builds what is stale: the web app and the compiled server (each script checks its sources' times;
 * nothing to do takes a moment). The e2e global setup runs it once before any file starts, so files
 * running side by side never build at the same time.
 */
export function ensureBuilt(): void {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execSync('node scripts/ensure-web.mjs', { stdio: 'inherit', env });
  execSync('node scripts/ensure-server.mjs', { stdio: 'inherit', env });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Builds the web app and the server if their sources changed, then starts the real server — the
 * compiled one `npm start` runs (dist/server/cli.mjs), no TypeScript loader — on a free port with a
 * fresh data dir.
 */
export async function startServer(
  opts: {
    /** e.g. 0.0.0.0 to open screens by the machine's LAN address */
    host?: string;
    /** A port chosen beforehand (e.g. to put it in PUBLIC_URL); a free one otherwise. */
    port?: number;
    env?: Record<string, string>;
  } = {},
): Promise<TestServer & { port: number }> {
  ensureBuilt();
  const port = opts.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-e2e-'));
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['dist/server/cli.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: opts.host ?? '127.0.0.1',
      DATA_DIR: dataDir,
      SATU_ATAP_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...opts.env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => logs.push(String(d)));
  child.stderr?.on('data', (d) => logs.push(String(d)));
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping)
      console.error(`server exited unexpectedly (${code ?? signal}):\n${logs.join('').slice(-4000)}`);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${logs.join('')}`);
    const ok = await fetch(`${base}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      // Do not leave it running: nobody gets a handle to stop it.
      stopping = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      throw new Error(`server did not become healthy:\n${logs.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    port,
    stop: async () => {
      stopping = true;
      // End the whole process group we started; wait until the server is gone (SIGKILL after 3 s).
      if (child.pid && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        const group = (signal: NodeJS.Signals) => {
          try {
            process.kill(-(child.pid as number), signal);
          } catch {
            /* already gone */
          }
        };
        group('SIGTERM');
        const hard = setTimeout(() => group('SIGKILL'), 3000);
        await gone;
        clearTimeout(hard);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: HTTP ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

/**
 * Registers a kiosk or display as the mall admin and answers its one-time pairing code, to open a
 * screen as /demo/kiosk?pair=CODE (or display) the way a mall sets one up.
 */
export async function pairingCode(base: string, kind: 'kiosk' | 'display', opts: { zone?: string } = {}) {
  const admin = await login(base, 'admin');
  const r = await fetch(`${base}/api/v1/malls/demo/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ kind, name: `e2e ${kind}`, ...opts }),
  });
  if (r.status !== 201) throw new Error(`register ${kind}: HTTP ${r.status}`);
  return ((await r.json()) as { pairingCode: string }).pairingCode;
}

/** A paired kiosk's bearer token (kiosk tickets need one). */
export async function kioskToken(base: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await pairingCode(base, 'kiosk') }),
  });
  if (!r.ok) throw new Error(`pair kiosk: HTTP ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

/** POST a kiosk ticket from a paired kiosk; answers the response. */
export async function issueKioskTicket(base: string, serviceId: number, token?: string): Promise<Response> {
  return fetch(`${base}/api/v1/malls/demo/tickets`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token ?? (await kioskToken(base))}`,
    },
    body: JSON.stringify({ serviceId, source: 'kiosk' }),
  });
}
