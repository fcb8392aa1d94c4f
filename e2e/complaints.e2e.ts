/**
 * Complaints through the real server and browser: a complaint filed anonymously at the kiosk
 * (1080×1920) is verified and dispatched by the mall's complaint desk, answered by the agency on its
 * own desk (which never sees the reporter), and read and accepted by the reporter with the tracking
 * code on a phone (390×844); the portal's form on a phone. Screenshots in e2e/screenshots/complaint-*.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { DEMO_PASSWORD, pairingCode, startServer, type TestServer } from './support/server';

if (!hasChromium) console.warn('SKIPPED complaints e2e: /usr/bin/chromium is missing');

const CONSOLE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('complaints: kiosk → mall desk → agency → reporter', () => {
  let server: TestServer;
  let browser: Browser;
  let code = '';
  let agency = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const agencies = (await (await fetch(`${server.base}/api/v1/malls/demo/agencies`)).json()) as {
      items: { key: string; name: string }[];
    };
    agency = agencies.items.find((a) => a.key === 'disdukcapil')!.name;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (path: string, user: string) => {
    const o = await openPage(browser, `${server.base}${path}`, CONSOLE);
    await o.page.getByLabel('Nama pengguna').fill(user);
    await o.page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await o.page.getByRole('button', { name: 'Masuk' }).click();
    return o;
  };

  it('files an anonymous complaint at the kiosk and shows the tracking code', async () => {
    const pair = await pairingCode(server.base, 'kiosk');
    const { page, errors } = await openPage(browser, `${server.base}/demo/kiosk?pair=${pair}`, {
      width: 1080,
      height: 1920,
    });
    await page.getByRole('button', { name: 'Sampaikan pengaduan atau saran' }).click();
    await page.getByLabel('Judul singkat', { exact: true }).fill('Antrean terlalu lama');
    await page
      .getByLabel('Isi laporan', { exact: true })
      .fill('Menunggu dua jam di loket KTP tanpa panggilan.');
    await page.getByLabel(/^Anonim/).check();
    await shot(page, 'complaint-kiosk-form');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    code = (await page.getByTestId('complaint-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    await page.getByText(/Diteruskan ke instansi paling lambat/).waitFor();
    await shot(page, 'complaint-kiosk-sent');
    expect(errors).toEqual([]);
    const mine = await (await fetch(`${server.base}/api/v1/malls/demo/complaints/track/${code}`)).json();
    expect(mine).toMatchObject({ channel: 'kiosk', anonymous: true, status: 'submitted' });
  });

  it('is verified and dispatched by the mall desk', async () => {
    const { page, errors } = await signIn('/demo/admin/complaints', 'admin');
    await page.getByRole('heading', { name: 'Meja pengaduan' }).waitFor();
    await page.getByRole('button', { name: /Antrean terlalu lama/ }).click();
    const detail = page.getByTestId('complaint-detail');
    await detail.getByText('Anjungan', { exact: true }).waitFor();
    await detail.getByRole('combobox', { name: 'Instansi' }).selectOption({ label: agency });
    await detail.getByLabel(/Catatan untuk instansi/).fill('Mohon cek loket KTP.');
    await detail.getByRole('button', { name: 'Verifikasi & teruskan' }).click();
    await detail.getByTestId('desk-status').getByText('Diteruskan ke instansi').waitFor();
    await detail.getByText(/Batas tindak lanjut instansi/).waitFor();
    await shot(page, 'complaint-desk-dispatched');
    expect(errors).toEqual([]);
  });

  it('is answered by the agency on its own desk, without seeing the reporter', async () => {
    const { page, errors } = await signIn('/demo/admin/complaints', 'dukcapil-admin');
    await page.getByRole('heading', { name: 'Pengaduan untuk instansi Anda' }).waitFor();
    await page.getByRole('button', { name: /Antrean terlalu lama/ }).click();
    const detail = page.getByTestId('complaint-detail');
    await detail.getByText('Anonim (identitas disembunyikan)').waitFor();
    await detail.getByText('Mohon cek loket KTP.').waitFor();
    expect(await page.content()).not.toContain(code);
    await detail
      .getByLabel('Jawaban untuk pelapor')
      .fill('Loket KTP kini dilayani dua petugas. Mohon maaf atas antreannya.');
    await detail.getByRole('button', { name: 'Kirim jawaban' }).click();
    await detail.getByTestId('desk-status').getByText('Dijawab').waitFor();
    await shot(page, 'complaint-agency-answered');
    expect(errors).toEqual([]);
  });

  it('is read and accepted by the reporter with the tracking code', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/complaints`, PHONE);
    await page.getByText('Sudah punya kode pelacakan?').click();
    await page.getByLabel('Kode pelacakan laporan').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Lihat laporan' }).click();
    await page.getByText('Loket KTP kini dilayani dua petugas. Mohon maaf atas antreannya.').waitFor();
    await page.getByText(`Dijawab oleh ${agency}`).waitFor();
    expect(await page.content()).not.toContain('Mohon cek loket KTP.');
    await shot(page, 'complaint-reporter-answer', true);
    await page.getByRole('button', { name: 'Jawaban sudah sesuai, tutup laporan' }).click();
    await page.getByTestId('complaint-status').getByText('Selesai').waitFor();
    expect(errors).toEqual([]);
  });

  it('takes a report on the portal from a phone', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/complaints`, PHONE);
    await page.getByLabel('Aspirasi / saran').check();
    await page.getByLabel('Judul singkat', { exact: true }).fill('Tambah kursi tunggu');
    await page
      .getByLabel('Isi laporan', { exact: true })
      .fill('Kursi di ruang tunggu lantai dua kurang saat jam ramai.');
    await page.getByLabel('Nomor HP / WhatsApp').fill('0812-3456-7890');
    await shot(page, 'complaint-portal-form');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByTestId('complaint-code').waitFor();
    await shot(page, 'complaint-portal-sent');
    // The answered kiosk complaint is public (not confidential), without any reporter.
    await page.getByText('Loket KTP kini dilayani dua petugas. Mohon maaf atas antreannya.').waitFor();
    expect(errors).toEqual([]);
  });
});
