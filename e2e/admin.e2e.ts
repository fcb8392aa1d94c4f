/**
 * Public portal (phone) and admin screens in Debian's chromium against the real server, with a
 * screenshot of each at its target size in e2e/screenshots/.
 */
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

const HEADER =
  'agency_key,service_name,kind,requirements,procedure,completion_value,completion_unit,fee_amount,fee_legal_basis,product,complaint_handling';
const BAD_CSV = `${HEADER}\ndisdukcapil,Legalisir dokumen,perizinan-salah,KTP,Datang,abc,menit,-5,Perda,Legalisir,LAPOR!\n`;

if (!hasChromium)
  console.warn('SKIPPED admin e2e: /usr/bin/chromium is missing (apt-get install -y chromium)');

describe.skipIf(!hasChromium)('screens: public portal and admin', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const open = async (path: string, width: number, height: number): Promise<Page> => {
    const o = await openPage(browser, server.base + path, { width, height });
    o.page.on('close', () => errors.push(...o.errors.map((e) => `${path}: ${e}`)));
    return o.page;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('home lists the malls', async () => {
    const page = await open('/', 1280, 800);
    await page.getByRole('link', { name: 'Mal Pelayanan Publik Kabupaten Demo' }).waitFor();
    await shot(page, 'home');
    await page.close();
  });

  it('portal on a phone: search, read a standard, hotlines, English', async () => {
    const page = await open('/demo', 390, 844);
    await page.getByText('59 layanan').waitFor();
    await shot(page, 'portal-phone');
    await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('skck');
    await page.getByRole('link', { name: /SKCK/ }).first().waitFor();
    await shot(page, 'portal-phone-search');
    await page.getByRole('link', { name: /SKCK/ }).first().click();
    await page.getByRole('heading', { name: 'Persyaratan' }).waitFor();
    for (const label of [
      'Sistem, mekanisme, dan prosedur',
      'Dasar hukum biaya',
      'Penanganan pengaduan, saran, dan masukan',
    ])
      await page.getByRole('heading', { name: label }).waitFor();
    await shot(page, 'portal-phone-service', true);
    await page.getByRole('link', { name: 'Hotline instansi' }).click();
    await page.getByRole('heading', { name: 'Kantor Imigrasi' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Agency hotlines' }).waitFor();
    await shot(page, 'portal-phone-hotlines-en');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.close();
  });

  it('admin: sign in, live hall, every section renders', async () => {
    // One ticket waiting, so the hall shows a line with its wait figures.
    const issued = await issueKioskTicket(server.base, 1);
    expect(issued.status).toBe(201);
    const page = await open('/demo/admin', 1440, 900);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Aula (langsung)' }).waitFor();
    await page.getByRole('cell', { name: 'Loket 22', exact: true }).waitFor();
    const line = page.getByTestId('hall-queues').getByRole('row').nth(1);
    await line.getByRole('cell', { name: '1', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Terlama menunggu' }).waitFor();
    expect(await line.textContent()).toMatch(/\d+ menit/);
    await shot(page, 'admin-hall');

    await page.getByRole('link', { name: 'Instansi', exact: true }).click();
    await page.getByRole('cell', { name: 'Kantor Imigrasi', exact: true }).waitFor();
    await page.getByRole('button', { name: '+ Tambah instansi' }).click();
    await page.getByLabel('Kode (huruf kecil)').fill('bpom');
    await page.getByLabel('Nama instansi').fill('Loka POM');
    await page.getByLabel('Hotline').fill('1500533');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: 'Loka POM', exact: true }).waitFor();
    await shot(page, 'admin-agencies');
    await page.getByRole('button', { name: 'Nonaktifkan Loka POM' }).click();
    await page.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByText('Loka POM dinonaktifkan.').waitFor();
    await page.getByRole('button', { name: 'Aktifkan kembali Loka POM' }).waitFor();

    await page.getByRole('link', { name: 'Layanan & standar', exact: true }).click();
    await page.getByRole('link', { name: 'Penerbitan KTP-el baru' }).click();
    await page.getByText('14. Evaluasi kinerja pelaksana').waitFor();
    await shot(page, 'admin-service-standard', true);
    await page.getByRole('link', { name: 'Ubah (versi baru)' }).click();
    const product = page.getByLabel('Produk pelayanan *');
    await expect.poll(() => product.inputValue()).toBe('KTP-el');
    await product.fill('KTP-el (kartu fisik)');
    await shot(page, 'admin-service-edit');
    await page.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
    await page.getByRole('button', { name: 'Versi 2' }).waitFor();
    await page.getByRole('button', { name: 'Versi 1' }).waitFor();
    expect(await page.locator('.full-standard').textContent()).toContain('KTP-el (kartu fisik)');

    await page.getByRole('link', { name: 'Loket', exact: true }).click();
    await page.getByRole('cell', { name: 'Loket 22', exact: true }).waitFor();
    await shot(page, 'admin-counters');
    // Zones: add one, then move a counter into it.
    await page.getByLabel('Kode zona').fill('lantai-3');
    await page.getByLabel('Nama zona').fill('Lantai 3');
    await page.getByRole('button', { name: 'Simpan zona' }).click();
    await page.getByTestId('zone-list').getByText('Lantai 3').waitFor();
    const row21 = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Loket 21', exact: true }) });
    await row21.getByRole('button', { name: 'Ubah' }).click();
    await page.getByRole('combobox', { name: 'Zona' }).selectOption('lantai-3');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await row21.getByRole('cell', { name: 'lantai-3' }).waitFor();
    // "Istirahat" changes only the status: the counter keeps its services (and the zone just set).
    const counter21 = async () =>
      (
        (await fetch(`${server.base}/api/v1/malls/demo/counters`).then((r) => r.json())) as {
          items: { name: string; status: string; zone: string | null; serviceIds: number[] }[];
        }
      ).items.find((c) => c.name === 'Loket 21');
    const before21 = await counter21();
    expect(before21?.serviceIds.length).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Status Loket 21' }).selectOption('break');
    await page.getByText('Tersimpan.').waitFor();
    expect(await counter21()).toEqual({ ...before21, status: 'break' });
    await page.getByRole('combobox', { name: 'Status Loket 21' }).selectOption('open');
    await expect.poll(async () => (await counter21())?.status).toBe('open');
    // Retire a counter: asked once, then gone from the list.
    await page.getByRole('button', { name: 'Nonaktifkan Loket 22' }).click();
    await shot(page, 'admin-counter-retire');
    await page.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByText('Loket 22 dinonaktifkan.').waitFor();
    await page.getByRole('cell', { name: 'Loket 22', exact: true }).waitFor({ state: 'detached' });
    const live = await fetch(`${server.base}/api/v1/malls/demo/counters`).then((r) => r.json());
    expect(live.items.map((c: { name: string }) => c.name)).not.toContain('Loket 22');

    // Five wrong passwords delay an account (no hard lock); the mall admin lifts it from the staff list.
    const signIn = (password: string) =>
      fetch(`${server.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'petugas-sim', password }),
      });
    for (let i = 0; i < 5; i++) expect((await signIn('salah-salah-1')).status).toBe(401);
    expect((await signIn(DEMO_PASSWORD)).status).toBe(429);

    await page.getByRole('link', { name: 'Petugas & peran', exact: true }).click();
    await page.getByRole('cell', { name: 'petugas', exact: true }).waitFor();
    const delayedRow = page.getByRole('row').filter({ hasText: 'petugas-sim' });
    await delayedRow.getByText('Ditahan (5 kata sandi salah)').waitFor();
    await delayedRow.getByRole('button', { name: 'Buka tahanan masuk akun petugas-sim' }).click();
    await page.getByText('Akun petugas-sim dapat masuk lagi.').waitFor();
    expect((await signIn(DEMO_PASSWORD)).status).toBe(200);
    await page.getByRole('button', { name: '+ Tambah petugas' }).click();
    await page.getByLabel('Nama pengguna').fill('petugas-baru');
    await page.getByLabel('Kata sandi').fill('Sandi-kuat-123');
    await page.getByRole('combobox', { name: /^Instansi/ }).selectOption({ label: 'Kantor Imigrasi' });
    await page.getByLabel(/Loket 7/).check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: 'petugas-baru' }).first().waitFor();
    await shot(page, 'admin-staff');
    // Edit the new account: officer → agency admin of the same agency.
    await page.getByRole('button', { name: 'Ubah akun petugas-baru' }).click();
    await page.getByRole('combobox', { name: 'Peran' }).selectOption({ label: 'Admin instansi' });
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Akun petugas-baru diperbarui.').waitFor();
    const staffRow = page.getByRole('row').filter({ hasText: 'petugas-baru' });
    await staffRow.getByRole('cell', { name: 'Admin instansi' }).waitFor();

    await page.getByRole('link', { name: 'Jam layanan & libur', exact: true }).click();
    await page.getByRole('rowheader', { name: 'Jumat' }).waitFor();
    // The 2026 national list is inherited; the mall adds its own closure and serves on a cuti bersama day.
    await page.getByRole('cell', { name: 'Proklamasi Kemerdekaan Republik Indonesia' }).waitFor();
    await page.getByLabel('Tanggal').fill('2026-12-31');
    await page.getByLabel('Keterangan', { exact: true }).fill('Penutupan akhir tahun');
    await page.getByRole('button', { name: '+ Tambah penutupan' }).click();
    await page.getByRole('cell', { name: 'Penutupan akhir tahun' }).waitFor();
    const cuti = page.getByRole('row').filter({ hasText: '24 Desember 2026' });
    await cuti.getByRole('button', { name: 'Tetap melayani' }).click();
    await cuti.getByRole('button', { name: 'Batal melayani' }).waitFor();
    const cal = await fetch(`${server.base}/api/v1/malls/demo/calendar?year=2026`).then((r) => r.json());
    expect(cal.items.find((d: { date: string }) => d.date === '2026-12-24')).toMatchObject({ closed: false });
    expect(cal.items.find((d: { date: string }) => d.date === '2026-12-31')).toMatchObject({
      kind: 'local_closure',
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'admin-hours', true);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('link', { name: 'Impor katalog', exact: true }).click();
    await page.getByLabel('Berkas katalog (CSV/XLSX)').setInputFiles({
      name: 'katalog.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BAD_CSV),
    });
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.getByText(/kesalahan ditemukan/).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    await shot(page, 'admin-import-report');
    await page.close();
  });

  it('national admin: the national calendar, its import and the next-year warning', async () => {
    const page = await open('/demo/admin', 1366, 768);
    await page.getByLabel('Nama pengguna').fill('national');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Kalender nasional', exact: true }).click();
    await page.getByRole('button', { name: '2026' }).click();
    await page.getByText('2026: 17 hari libur nasional, 8 hari cuti bersama.').waitFor();
    await page.getByRole('cell', { name: 'Proklamasi Kemerdekaan Republik Indonesia' }).waitFor();
    await shot(page, 'admin-national-calendar', true);
    await page.getByLabel('Berkas daftar libur (CSV/XLSX)').setInputFiles({
      name: 'skb-2031.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'tanggal;jenis;nama;dasar hukum\n2031-01-01;libur nasional;Tahun Baru 2031 Masehi;SKB uji\n',
      ),
    });
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.getByText(/Uji coba berhasil \(tahun 2031\): 1 baru/).waitFor();
    await shot(page, 'admin-national-calendar-import');
    await page.close();
  });

  it('admin: statistics of today after a few tickets and one served', async () => {
    const api = (path: string, token?: string, body?: object) =>
      fetch(`${server.base}/api/v1/malls/demo${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token ? `Bearer ${token}` : '' },
        body: JSON.stringify(body ?? {}),
      });
    const kiosk = await kioskToken(server.base);
    for (let i = 0; i < 3; i++)
      expect((await api('/tickets', kiosk, { serviceId: 1, source: 'kiosk' })).status).toBe(201);
    const officer = await login(server.base, 'petugas');
    const called = await api('/counters/2/call-next', officer);
    expect(called.status).toBe(200);
    const { id } = (await called.json()) as { id: number };
    expect((await api(`/tickets/${id}/start`, officer)).status).toBe(200);
    expect((await api(`/tickets/${id}/finish`, officer, { outcome: 'done' })).status).toBe(200);

    const page = await open('/demo/admin/stats', 1440, 900);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Statistik' }).waitFor();
    const totals = page.getByTestId('stats-totals');
    await totals.waitFor();
    const issued = totals.locator('.stat').filter({ hasText: 'tiket diterbitkan' });
    const served = totals.locator('.stat').filter({ hasText: 'selesai dilayani' });
    // Four issued today (one by the hall test above, three here), one finished.
    expect(Number(await issued.locator('.stat-value').textContent())).toBeGreaterThanOrEqual(4);
    expect(await served.locator('.stat-value').textContent()).toBe('1');
    const services = page.getByTestId('stats-services');
    await services.getByRole('columnheader', { name: /Rata-rata tunggu/ }).waitFor();
    await services.getByRole('rowheader', { name: /KTP-el/ }).waitFor();
    await page.getByTestId('stats-counters').getByRole('rowheader').first().waitFor();
    await page.getByRole('img', { name: 'Tiket diterbitkan dan rata-rata tunggu per jam' }).waitFor();
    await page.getByRole('button', { name: /Rata-rata tunggu/ }).click();
    await shot(page, 'admin-stats', true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.close();
  });

  it('no unexpected console errors', () => {
    // The dry run of an invalid file answers 422 by design; the browser logs every 4xx response.
    const bad = errors.filter((e) => !/status of 422/.test(e));
    expect(bad).toEqual([]);
  });
});
