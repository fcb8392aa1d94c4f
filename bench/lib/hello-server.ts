import { spawn } from 'node:child_process';
import { freePort, sleep } from '../../test/process/server-process.js';

/** The baseline: a bare node:http "hello world" server, as a child process like the real server. */

const SOURCE = `
const http = require('node:http');
http
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello world');
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

export interface HelloServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startHello(): Promise<HelloServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', SOURCE], {
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
      if ((await fetch(base, { signal: AbortSignal.timeout(500) })).ok)
        return { base, pid: child.pid ?? -1, stop };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await stop();
  throw new Error('hello server did not start');
}
