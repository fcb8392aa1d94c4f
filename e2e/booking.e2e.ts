/**
 * Online booking end to end: a citizen books a session on the portal (390×844) and keeps the code,
 * checks in at the kiosk with "Saya sudah pesan" (1080×1920) and gets a queue ticket, and the counter
 * calls that ticket. Screenshots in e2e/screenshots/booking-*.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { login, pairingCode, startServer, type TestServer } from './support/server';

if (!hasChromium) console.warn('SKIPPED booking e2e: /usr/bin/chromium is missing');

describe.skipIf(!hasChromium)('online booking', () => {
  let server: TestServer;
  let browser: Browser;
  let serviceId = 0;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const services = (await (await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)).json()) as {
      items: { id: number; name: string }[];
    };
    serviceId = services.items.find((s) => s.name === 'Penerbitan SKCK baru')!.id;
    const admin = await login(server.base, 'admin');
    const r = await fetch(`${server.base}/api/v1/malls/demo/services/${serviceId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        booking: { sessions: [{ start: '00:00', end: '24:00', capacity: 10 }], daysAhead: 14 },
      }),
    });
    expect(r.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('books a session on the portal and shows the code with its QR', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/booking`, {
      width: 390,
      height: 844,
    });
    await page.getByRole('heading', { name: 'Pesan antrean daring' }).waitFor();
    await page.getByLabel('Layanan').selectOption(String(serviceId));
    await page.getByText('sisa 10 tempat').waitFor();
    await page.getByRole('radio').first().check();
    await page.getByLabel('NIK (16 angka)').fill('3204011505900001');
    await page.getByLabel('Nama lengkap').fill('Warga Uji');
    await page.getByLabel('Nomor HP (WhatsApp)').fill('0812-3456-7890');
    await shot(page, 'booking-phone-form');
    await page.getByRole('button', { name: 'Pesan sekarang' }).click();
    await page.getByRole('heading', { name: 'Pemesanan berhasil' }).waitFor();
    code = (await page.locator('#booking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(await page.content()).not.toContain('3204011505900001');
    await page.getByText('3204********0001').waitFor();
    await shot(page, 'booking-phone-done');
    expect(errors).toEqual([]);
  }, 60_000);

  it('checks in at the kiosk and the counter calls the ticket', async () => {
    const pair = await pairingCode(server.base, 'kiosk');
    const { page, errors } = await openPage(browser, `${server.base}/demo/kiosk?pair=${pair}`, {
      width: 1080,
      height: 1920,
    });
    await page.getByRole('button', { name: 'Saya sudah pesan' }).click();
    await page.getByLabel('Kode pemesanan').fill(code);
    await shot(page, 'booking-kiosk-code');
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    const number = page.getByTestId('kiosk-ticket-number');
    await number.waitFor();
    const shown = (await number.textContent())?.trim() ?? '';
    await shot(page, 'booking-kiosk-ticket');
    const officer = await login(server.base, 'petugas-polres');
    const counters = (await (
      await fetch(`${server.base}/api/v1/malls/demo/counters`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { items: { id: number; serviceIds: number[] }[] };
    const counter = counters.items.find((c) => c.serviceIds.includes(serviceId))!.id;
    const called = (await (
      await fetch(`${server.base}/api/v1/malls/demo/counters/${counter}/call-next`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { number: string; source: string };
    expect(called.source).toBe('booking');
    expect(shown).toContain(called.number);
    expect(errors).toEqual([]);
  }, 60_000);
});
