import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `npm run bench`: runs every bench/*.bench.ts in turn (but the long ones), each as its own process; each writes bench/results/<name>.json. */

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
/** Long runs, only when named (`npm run bench -- soak`), with their own time limit in minutes. */
const LONG: Record<string, number> = { 'soak.bench.ts': 180 };
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => (only.length ? only.some((o) => f.startsWith(o)) : !LONG[f]))
  .sort();
// The benchmarks measure what `npm start` runs: the compiled server.
spawnSync(process.execPath, ['scripts/ensure-server.mjs'], {
  stdio: 'inherit',
  cwd: path.resolve(dir, '..'),
});
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], {
    stdio: 'inherit',
    cwd: path.resolve(dir, '..'),
    timeout: (LONG[file] ?? 10) * 60_000,
  });
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.error(`${file} failed (${r.status ?? r.signal}) after ${secs} s`);
  } else console.log(`${file} done in ${secs} s`);
}
process.exitCode = failed ? 1 : 0;
