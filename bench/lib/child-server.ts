import { spawn } from 'node:child_process';
import { freePort, sleep } from '../../test/process/server-process.js';

/** A baseline server run from inline source as a child process, so it shares the machine like the real one. */
export interface ChildServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Spawns `source` with PORT set and waits until `ready(base)` answers true (5 s at most). */
export async function startChildServer(
  name: string,
  source: string,
  ready: (base: string) => Promise<boolean>,
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', source], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGKILL');
    await gone;
  };
  for (let i = 0; i < 100; i++) {
    try {
      if (await ready(base)) return { base, pid: child.pid ?? -1, stop };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await stop();
  throw new Error(`${name} did not start`);
}
