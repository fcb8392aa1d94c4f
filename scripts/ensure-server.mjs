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
  const { outputFiles } = await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file written beside its place and renamed into it: a server starting meanwhile (or a second
  // build running at the same time, e.g. from two test workers) never reads half a file.
  const place = (file, contents) => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, file);
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Files the server reads next to its own module (new URL('./x', import.meta.url)).
  place('dist/server/demo-catalog.json', fs.readFileSync('src/server/seed/demo-catalog.json'));
  // The map first, the module last: the module's time is what says the build is done.
  const isMap = (f) => f.path.endsWith('.map');
  for (const f of [...outputFiles.filter(isMap), ...outputFiles.filter((f) => !isMap(f))])
    place(f.path, f.contents);
  console.log(`compiled the server to ${out} in ${Math.round(performance.now() - started)} ms`);
}
