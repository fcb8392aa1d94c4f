/**
 * Devices in Debian's chromium against the real server: the mall admin registers a kiosk (code as
 * text and QR), an unpaired kiosk shows its pairing screen and pairs with the typed code, a display
 * pairs with ?pair=CODE (the code leaves the address bar) and shows online with its zone, and
 * revoking the kiosk brings its pairing screen back on its next ticket.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { DEMO_PASSWORD, pairingCode, startServer, type TestServer } from './support/server';

describe.skipIf(!hasChromium)('devices: register, pair, revoke', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let kiosk: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (path: string, width: number, height: number) => {
    const o = await openPage(browser, server.base + path, { width, height });
    o.page.on('close', () => errors.push(...o.errors.map((e) => `${path}: ${e}`)));
    return o.page;
  };

  it('admin registers a kiosk and sees its pairing code as text and QR', async () => {
    admin = await open('/demo/admin/devices', 1366, 768);
    await admin.getByLabel('Nama pengguna').fill('admin');
    await admin.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.getByRole('heading', { name: 'Perangkat' }).waitFor();
    await admin.getByRole('button', { name: '+ Daftarkan perangkat' }).click();
    await admin.getByRole('textbox', { name: 'Nama' }).fill('Kios lobi utara');
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByTestId('pairing-code').waitFor();
    await admin.locator('.device-code img.qr').waitFor();
    await admin.getByRole('cell', { name: 'Kios lobi utara', exact: true }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'Kios lobi utara' }).getByText('Menunggu kode').waitFor();
    await shot(admin, 'admin-devices-code');
  });

  it('an unpaired kiosk shows its pairing screen and pairs with the typed code', async () => {
    const code = ((await admin.getByTestId('pairing-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
    kiosk = await open('/demo/kiosk', 1080, 1920);
    await kiosk.getByRole('heading', { name: 'Kios ini belum dipasangkan' }).waitFor();
    await shot(kiosk, 'kiosk-pairing');
    await kiosk.getByLabel('Kode pemasangan').fill('ZZZZ ZZZZ');
    await kiosk.getByRole('button', { name: 'Pasangkan' }).click();
    await kiosk.getByText('Kode tidak dikenal').waitFor();
    await kiosk.getByLabel('Kode pemasangan').fill(code.toLowerCase());
    await kiosk.getByRole('button', { name: 'Pasangkan' }).click();
    await kiosk.getByRole('button', { name: /Dinas Kependudukan/ }).waitFor();
    // The same code a second time is refused.
    const again = await fetch(`${server.base}/api/v1/devices/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(again.status).toBe(409);
  });

  it('a display pairs with ?pair=CODE, drops the code from the address and shows its zone', async () => {
    const display = await open(
      `/demo/display?pair=${await pairingCode(server.base, 'display', { zone: 'lantai-2' })}`,
      1920,
      1080,
    );
    await display.getByText('lantai-2').first().waitFor();
    expect(new URL(display.url()).search).toBe('');
    await shot(display, 'display-paired-zone');
    await admin.reload({ waitUntil: 'networkidle' });
    const row = admin.getByRole('row').filter({ hasText: 'e2e display' });
    await row.getByText('Daring').waitFor();
    await row.getByRole('cell', { name: 'lantai-2' }).waitFor();
    await shot(admin, 'admin-devices-list');
    await display.close();
  });

  it('revoking the kiosk (with confirmation) brings its pairing screen back', async () => {
    const row = admin.getByRole('row').filter({ hasText: 'Kios lobi utara' });
    await row.getByRole('button', { name: 'Cabut Kios lobi utara' }).click();
    await row.getByRole('button', { name: 'Ya, cabut' }).click();
    await admin.getByText('Kios lobi utara dicabut.').waitFor();
    await kiosk.getByRole('button', { name: /Dinas Kependudukan/ }).click();
    await kiosk.getByRole('button', { name: /Penerbitan KTP-el baru/ }).click();
    await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    await kiosk.getByRole('heading', { name: 'Kios ini belum dipasangkan' }).waitFor();
    await kiosk.getByText('dicabut oleh admin mal').waitFor();
    await shot(kiosk, 'kiosk-revoked');
    expect(await kiosk.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('device')))).toEqual(
      [],
    );
    await kiosk.close();
    await admin.close();
    // The failed pairing attempt and the revoked ticket answer 4xx on purpose; nothing else may fail.
    expect(errors.filter((e) => !/status of 40[019]/.test(e))).toEqual([]);
  });
});
