/**
 * The dashboard follows a simulated day live (issue 15): `satu-atap simulate --listen PORT --speed N`
 * serves the mall it plays; the browser signs in as the national admin it prints and watches the
 * dashboard at console size 1366×768 change through the day (the hall's live stream), then Ctrl+C
 * (SIGINT) after the day ends prints the manager's summary and exits 0.
 * Screenshot: e2e/screenshots/simulate-dashboard.png.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { freePort } from './support/server';

if (!hasChromium) console.warn('SKIPPED simulate e2e: /usr/bin/chromium is missing');

describe.skipIf(!hasChromium)('simulator: the dashboard follows a simulated day', () => {
  let browser: Browser | null = null;
  let child: ChildProcess | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-e2e-'));
  afterAll(async () => {
    await browser?.close();
    if (child?.pid && child.exitCode === null && child.signalCode === null)
      process.kill(-child.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('changes the waiting and busy figures without a reload, then sums the day up', async () => {
    const scenario = path.join(dir, 'scenario.json');
    fs.writeFileSync(
      scenario,
      JSON.stringify({
        malls: [
          {
            id: 'kecil',
            name: 'MPP Simulasi Kecil',
            timezone: 'Asia/Makassar',
            agencies: 3,
            counters: 4,
            services: 8,
            officers: null,
            visitorsPerDay: 120,
            facts: [],
          },
        ],
      }),
    );
    // The screens it serves are the built ones (Vitest's NODE_ENV=test would build React's development copy).
    execSync('node scripts/ensure-web.mjs', {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const port = await freePort();
    let out = '';
    let err = '';
    // 1,800 simulated seconds a real second: the opening day (08:00 until the hall is empty) in ~20 s.
    const args = ['--mall', 'kecil', '--scenario', scenario, '--listen', String(port), '--speed', '1800'];
    // One process (no npx or tsx wrapper in between) so that it alone gets the Ctrl+C.
    const sim = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = sim;
    sim.stdout?.on('data', (d) => {
      out += String(d);
    });
    sim.stderr?.on('data', (d) => {
      err += String(d);
    });
    const exited = new Promise<number | null>((resolve) => sim.on('exit', (code) => resolve(code)));
    await expect.poll(() => err, { timeout: 90_000 }).toContain('kata sandi');
    const [, url, password] = /Mal simulasi: (\S+) .* kata sandi (\S+)/.exec(err)!;

    browser = await launch();
    const { page, errors } = await openPage(browser, url!, { width: 1366, height: 768 });
    await page.getByLabel('Nama pengguna').fill('national');
    await page.getByLabel('Kata sandi').fill(password!);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Dasbor langsung' }).waitFor();
    await page.getByTestId('dash-live').getByText('Langsung').waitFor();
    // Watch the tiles while the day plays: they change by themselves, many times.
    const seen = new Set<string>();
    let shotTaken = false;
    while (!err.includes('Simulasi selesai')) {
      const figures = [
        await page.getByTestId('dash-waiting').textContent(),
        await page.getByTestId('dash-busy').textContent(),
        await page.getByTestId('dash-served').textContent(),
      ].join(' | ');
      seen.add(figures);
      const [waiting, , served] = figures.split(' | ').map((x) => Number.parseInt(x, 10));
      if (!shotTaken && waiting! > 0 && served! >= 15) {
        await shot(page, 'simulate-dashboard');
        shotTaken = true;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen.size, [...seen].join('\n')).toBeGreaterThanOrEqual(5);
    if (!shotTaken) await shot(page, 'simulate-dashboard');
    expect(errors).toEqual([]);

    // Ctrl+C after the day: the summary on stdout, exit 0.
    process.kill(-sim.pid!, 'SIGINT'); // the whole group, as Ctrl+C in a terminal
    expect(await exited).toBe(0);
    expect(out).toContain('Waktu tunggu');
    expect(out).toContain('Pemesanan daring');
  }, 150_000);
});
