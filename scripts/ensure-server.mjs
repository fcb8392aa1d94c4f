// Compiles the server (src/cli/main.ts and everything it imports) to one ES module,
// dist/server/cli.mjs, when it is missing or older than its sources: `npm start` then runs plain
// JavaScript — no TypeScript loader in the running server (faster cold start, smaller RSS).
// Packages stay in node_modules (not bundled); only our own code is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const out = 'dist/server/cli.mjs';
const newest = (p) => {
  const s = fs.statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
};
const sources = Math.max(
  ...['src/server', 'src/cli', 'src/shared', 'package.json', 'scripts/ensure-server.mjs'].map(newest),
);
if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < sources) {
  const started = performance.now();
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // Files the server reads next to its own module (new URL('./x', import.meta.url)).
  fs.copyFileSync('src/server/seed/demo-catalog.json', 'dist/server/demo-catalog.json');
  console.log(`compiled the server to ${out} in ${Math.round(performance.now() - started)} ms`);
}
