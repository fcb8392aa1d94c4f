// Builds the web app (dist/web) when it is missing or older than its sources, so `npm start`
// needs no separate build step.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const out = 'dist/web/index.html';
const newest = (dir) => {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
};
const sources = Math.max(newest('src/web'), newest('src/shared'), fs.statSync('vite.config.ts').mtimeMs);
if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < sources) {
  console.log('building the web app …');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
