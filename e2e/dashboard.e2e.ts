/**
 * The live dashboard and the reports screen at console size 1366×768 against the real server:
 * tickets issued and called through the API show up on the dashboard without a reload (the hall's
 * live stream), the ECharts canvases draw, and the reports screen shows the day's figures and
 * downloads its Excel and PDF exports. Screenshots in e2e/screenshots/dashboard-*, reports-*.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import {
  DEMO_PASSWORD,
  issueKioskTicket,
  kioskToken,
  login,
  startServer,
  type TestServer,
} from './support/server';

if (!hasChromium) console.warn('SKIPPED dashboard e2e: /usr/bin/chromium is missing');

describe.skipIf(!hasChromium)('admin: live dashboard and reports', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let ktp = 0;
  let kk = 0;
  let kiosk = '';
  let officer = '';
  let counterId = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const services = (await (await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)).json()) as {
      items: { id: number; name: string }[];
    };
    ktp = services.items.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    kk = services.items.find((s) => s.name.startsWith('Penerbitan Kartu Keluarga'))!.id;
    kiosk = await kioskToken(server.base);
    for (let i = 0; i < 3; i++) expect((await issueKioskTicket(server.base, ktp, kiosk)).status).toBe(201);
    expect((await issueKioskTicket(server.base, kk, kiosk)).status).toBe(201);
    officer = await login(server.base, 'petugas');
    const counters = (await (
      await fetch(`${server.base}/api/v1/malls/demo/counters`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { items: { id: number; serviceIds: number[] }[] };
    counterId = counters.items.find((c) => c.serviceIds.includes(ktp))!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const callNext = async () => {
    const res = await fetch(`${server.base}/api/v1/malls/demo/counters/${counterId}/call-next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(res.status).toBe(200);
  };

  it('shows the hall and follows it live', async () => {
    const o = await openPage(browser, `${server.base}/demo/admin/dashboard`, { width: 1366, height: 768 });
    page = o.page;
    errors = o.errors;
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Dasbor langsung' }).waitFor();
    await page.getByTestId('dash-live').getByText('Langsung').waitFor();
    await expect.poll(() => page.getByTestId('dash-waiting').textContent()).toBe('4');
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'dashboard-start');

    // Through the API, no reload: a new ticket and a call reach the screen through the live stream.
    expect((await issueKioskTicket(server.base, kk, kiosk)).status).toBe(201);
    await expect.poll(() => page.getByTestId('dash-waiting').textContent(), { timeout: 5000 }).toBe('5');
    await callNext();
    await expect.poll(() => page.getByTestId('dash-waiting').textContent(), { timeout: 5000 }).toBe('4');
    await expect.poll(() => page.getByTestId('dash-busy').textContent(), { timeout: 5000 }).toMatch(/^1\//);
    await page.getByText(/sibuk/).first().waitFor();
    await shot(page, 'dashboard-live');
  });

  it('reports the day with charts and downloads Excel and PDF', async () => {
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    await page.getByRole('heading', { name: 'Laporan', exact: true }).waitFor();
    const tiles = page.getByTestId('report-tiles');
    await tiles.getByText('tiket', { exact: true }).waitFor();
    await page.getByTestId('report-services').getByText('Penerbitan KTP-el baru').waitFor();
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'reports-day');
    await shot(page, 'reports-day-full', true);

    for (const [label, magic] of [
      ['Unduh Excel', 'PK'],
      ['Unduh PDF', '%PDF'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, magic.length).toString()).toBe(magic);
    }
    expect(errors).toEqual([]);
  });
});
