/**
 * Online booking for staff in chromium: the mall admin sets a service's sessions on "Pemesanan
 * daring", a citizen books, the officer checks the booking in at the counter console by its code, and
 * the admin's list shows it checked in with its ticket.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server';

describe.skipIf(!hasChromium)('screens: bookings for staff', () => {
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

  it('sessions set by the admin, a booking checked in at the counter, the list shows it', async () => {
    const services = (await (await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)).json()) as {
      items: { id: number; name: string }[];
    };
    const service = services.items.find((s) => s.name.startsWith('Penerbitan KTP-el baru'))!;
    const admin = await open('/demo/admin/bookings', 1366, 768);
    await signIn(admin, 'admin');
    // The editor fills its rows from the service once loaded: a row added before would be replaced.
    const loaded = admin.waitForResponse(
      (r) => r.request().method() === 'GET' && r.url().endsWith(`/services/${service.id}`),
    );
    await admin.getByLabel('Layanan').selectOption(String(service.id));
    await loaded;
    await admin.getByRole('button', { name: 'Tambah sesi' }).click();
    await admin.getByLabel('Mulai').fill('00:00');
    await admin.getByLabel('Selesai').fill('24:00');
    await admin.getByLabel('Kuota').fill('5');
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByText('Sesi pemesanan disimpan.').waitFor();
    await shot(admin, 'admin-bookings-sessions');

    const today = (await (await fetch(`${server.base}/api/v1/malls/demo/services/${service.id}`)).json()) as {
      booking: { sessions: { id: number }[] };
    };
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const booked = await fetch(`${server.base}/api/v1/malls/demo/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: service.id,
        date,
        sessionId: today.booking.sessions[0]!.id,
        nik: '3204014107900002',
        name: 'Siti Aminah',
        phone: '081234567890',
      }),
    });
    expect(booked.status, await booked.clone().text()).toBe(201);
    const { code } = (await booked.json()) as { code: string };

    const counter = await open('/demo/counter', 1366, 768);
    await signIn(counter, 'petugas');
    const pick = counter.getByRole('button', { name: /^Loket 1\b/ });
    await pick.or(counter.getByText('Antrean menunggu')).first().waitFor();
    if (await pick.isVisible()) await pick.click();
    await counter.getByLabel('Kode pemesanan').fill(code);
    await counter.getByRole('button', { name: 'Check-in', exact: true }).click();
    await counter.getByText(/Check-in Siti Aminah: nomor .* masuk antrean/).waitFor();
    await shot(counter, 'counter-booking-checkin');

    await admin.reload();
    await admin
      .getByTestId('bookings-table')
      .getByRole('row', { name: new RegExp(code) })
      .waitFor();
    const row = admin.getByTestId('bookings-table').getByRole('row', { name: new RegExp(code) });
    expect(await row.textContent()).toContain('Sudah check-in');
    expect(await row.textContent()).not.toContain('3204014107900002');
    await shot(admin, 'admin-bookings-day');
    for (const p of [admin, counter]) await p.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
