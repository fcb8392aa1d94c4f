import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { rssBytes, sleep, startServer, tempDir } from '../test/process/server-process.js';
import { envNumber, quantile, round, writeResult } from './lib/results.js';

/**
 * Cold start to the first answered request and idle RSS: the compiled server (`npm start` runs
 * dist/server/cli.mjs) against the same sources run through the tsx loader. Each start is a new
 * process: "first start" on an empty data directory (migrations + demo seed), "restart" on the
 * same directory. Goals: < 1 s to the first request, < 150 MB idle.
 */

const RUNS = envNumber('BENCH_STARTUP_RUNS', 3);
const IDLE_MS = 3000;

/** CPU time (user + system) the process used so far: less skewed by other load than wall time. */
function cpuMsOf(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

async function once(compiled: boolean, dataDir: string) {
  const started = performance.now();
  const server = await startServer({ dataDir, compiled, healthTimeoutMs: 60_000 });
  const firstRequestMs = performance.now() - started;
  const cpuMs = cpuMsOf(server.pid);
  await sleep(IDLE_MS);
  const rssMiB = rssBytes(server.pid) / 2 ** 20;
  await server.stop();
  return { firstRequestMs, cpuMs, rssMiB };
}

async function main() {
  execFileSync(process.execPath, ['scripts/ensure-server.mjs'], { stdio: 'inherit' });
  const variants = [
    { name: 'compiled (npm start)', compiled: true },
    { name: 'tsx loader (before)', compiled: false },
  ];
  const results = [];
  for (const v of variants) {
    const first: number[] = [];
    const restart: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = tempDir();
      try {
        const a = await once(v.compiled, dir);
        const b = await once(v.compiled, dir);
        first.push(a.firstRequestMs);
        restart.push(b.firstRequestMs);
        rss.push(a.rssMiB, b.rssMiB);
        cpu.push(b.cpuMs);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const med = (xs: number[]) =>
      round(
        quantile(
          [...xs].sort((a, b) => a - b),
          0.5,
        ),
        0,
      );
    const r = {
      name: v.name,
      firstStartMs: med(first),
      restartMs: med(restart),
      restartCpuMsToFirstRequest: med(cpu),
      idleRssMiB: round(
        quantile(
          [...rss].sort((a, b) => a - b),
          0.5,
        ),
        1,
      ),
      runs: RUNS,
      loadAverage1m: round(os.loadavg()[0] ?? 0),
    };
    results.push(r);
    console.log(r);
  }
  const file = writeResult('startup', {
    measured:
      'spawn → first 200 from GET /healthz (SQLite, demo seed on first start); CPU time of the server until then (restart); RSS after 3 s idle',
    goals: { coldStartMs: 1000, idleRssMiB: 150 },
    results,
  });
  console.log(`wrote ${file}`);
}

await main();
