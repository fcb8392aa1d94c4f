/**
 * Officers at the counters in chromium: the officer signs in at the counter and asks for a break,
 * the mall admin approves it, and the display board shows the reason on the counter's tile.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server';

describe.skipIf(!hasChromium)('screens: officers’ attendance and break requests', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const open = async (path: string, width: number, height: number): Promise<Page> => {
    const o = await openPage(browser, server.base + path, { width, height });
    o.page.on('close', () => errors.push(...o.errors.map((e) => `${path}: ${e}`)));
    return o.page;
  };
  const signIn = async (page: Page, username: string) => {
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sign in at the counter, ask for a break, the admin approves, the board shows why', async () => {
    const counter = await open('/demo/counter', 1366, 768);
    await signIn(counter, 'petugas');
    const pick = counter.getByRole('button', { name: /^Loket 1\b/ });
    await pick.or(counter.getByText('Antrean menunggu')).first().waitFor();
    if (await pick.isVisible()) await pick.click();
    await counter.getByRole('button', { name: 'Masuk loket' }).click();
    await counter.getByText(/tercatat bertugas di loket ini sejak/).waitFor();
    await counter.getByRole('button', { name: 'Keluar loket' }).waitFor();
    await counter.getByRole('button', { name: 'Minta istirahat / tutup' }).click();
    await counter.getByLabel('Alasan (tampil di layar)').fill('Istirahat sholat Zuhur');
    await shot(counter, 'counter-break-request');
    await counter.getByRole('button', { name: 'Kirim permintaan' }).click();
    await counter.getByText(/menunggu keputusan admin MPP/).waitFor();
    await shot(counter, 'counter-attendance');

    const admin = await open('/demo/admin/officers', 1366, 768);
    await signIn(admin, 'admin');
    const row = admin.getByTestId('counter-requests').getByRole('row', { name: /Istirahat sholat Zuhur/ });
    await row.waitFor();
    await admin.getByTestId('officer-work').waitFor();
    await shot(admin, 'admin-officers');
    await row.getByRole('button', { name: 'Setujui' }).click();
    await admin.getByText(/Disetujui: loket berubah status/).waitFor();

    const board = await open('/demo/display', 1920, 1080);
    const tile = board.locator('.counter-tile', { hasText: 'Istirahat sholat Zuhur' });
    await tile.waitFor();
    expect(await tile.textContent()).toContain('Istirahat');
    await shot(board, 'display-break-reason');
    for (const p of [counter, admin, board]) await p.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
