/**
 * The real flow in Debian's chromium against the real server: a citizen takes a ticket at the kiosk →
 * it appears on the counter console → the officer calls it → the display board shows it and queues
 * its announcement → the citizen's ticket page changes state. Screenshots of every screen at its
 * target size land in e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import {
  DEMO_PASSWORD,
  issueKioskTicket,
  kioskToken,
  login,
  pairingCode,
  startServer,
  type TestServer,
} from './support/server';

type Announcer = { announced: string[]; queued: () => number };
const announced = (p: Page) =>
  p.evaluate(
    () => (window as unknown as { __satuAtapAnnouncer?: Announcer }).__satuAtapAnnouncer?.announced ?? [],
  );

if (!hasChromium)
  console.warn('SKIPPED screens e2e: /usr/bin/chromium is missing (apt-get install -y chromium)');

describe.skipIf(!hasChromium)('screens: kiosk → counter → display → citizen ticket', () => {
  let server: TestServer;
  let browser: Browser;
  const errors: Record<string, string[]> = {};
  const requests: Record<string, string[]> = {};
  const pages: Record<string, Page> = {};
  let number = '';
  let trackingCode = '';

  const open = async (name: string, path: string, width: number, height: number) => {
    const o = await openPage(browser, server.base + path, { width, height });
    errors[name] = o.errors;
    requests[name] = o.requests;
    pages[name] = o.page;
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

  it('kiosk: agency → service → standard → ticket, printed with a QR slip', async () => {
    const kiosk = await open(
      'kiosk',
      `/demo/kiosk?pair=${await pairingCode(server.base, 'kiosk')}`,
      1080,
      1920,
    );
    await kiosk.getByRole('button', { name: /Dinas Kependudukan/ }).waitFor();
    await shot(kiosk, 'kiosk-start');
    await kiosk.getByRole('button', { name: /Dinas Kependudukan/ }).click();
    await kiosk.getByRole('button', { name: /Penerbitan KTP-el baru/ }).click();
    await kiosk.getByText('Persyaratan', { exact: true }).waitFor();
    expect(await kiosk.locator('.facts').textContent()).toContain('Gratis');
    await shot(kiosk, 'kiosk-service');
    await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    const num = kiosk.getByTestId('kiosk-ticket-number');
    await num.waitFor();
    number = ((await num.textContent()) ?? '').trim();
    expect(number).toMatch(/^A-\d+$/);
    await kiosk.waitForFunction(() => (window as unknown as { __prints: number }).__prints === 1);
    await shot(kiosk, 'kiosk-ticket');
    await kiosk.emulateMedia({ media: 'print' });
    await kiosk.locator('.ticket-slip').screenshot({ path: 'e2e/screenshots/kiosk-print-slip-80mm.png' });
    const slip = await kiosk.locator('.ticket-slip').textContent();
    expect(slip).toContain(number);
    expect(slip).toContain('Mal Pelayanan Publik Kabupaten Demo');
    await kiosk.emulateMedia({ media: 'screen' });
    trackingCode = ((await kiosk.locator('.ticket-slip .mono').textContent()) ?? '').trim();
    expect(trackingCode.length).toBeGreaterThan(4);
  });

  it('kiosk fits a 768 px tablet', async () => {
    const tab = await open(
      'kiosk-tablet',
      `/demo/kiosk?pair=${await pairingCode(server.base, 'kiosk')}`,
      768,
      1024,
    );
    await tab.getByRole('button', { name: /Dinas Kependudukan/ }).waitFor();
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await shot(tab, 'kiosk-tablet-768');
  });

  it('display and citizen ticket page load (before the call)', async () => {
    const display = await open('display', '/demo/display', 1920, 1080);
    await display.getByText('Loket 1', { exact: true }).waitFor();
    await display.locator('.conn.on').waitFor();
    const mine = await open('ticket', `/demo/ticket/${trackingCode}`, 390, 844);
    await mine.getByText('Menunggu giliran').or(mine.getByText('Giliran Anda sebentar lagi!')).waitFor();
    await shot(mine, 'ticket-phone-waiting');
  });

  it('counter console: login, pick a counter, see the ticket, call it with N', async () => {
    const counter = await open('counter', '/demo/counter', 1366, 768);
    await counter.getByLabel('Nama pengguna').fill('petugas');
    await counter.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await shot(counter, 'counter-login');
    await counter.getByRole('button', { name: 'Masuk' }).click();
    const pick = counter.getByRole('button', { name: /^Loket 1\b/ });
    await pick.or(counter.getByText('Antrean menunggu')).first().waitFor();
    if (await pick.isVisible()) {
      await shot(counter, 'counter-pick');
      await pick.click();
    }
    await counter.getByTestId('queue-row').filter({ hasText: number }).waitFor();
    await shot(counter, 'counter-queue');
    await counter.keyboard.press('n');
    await expect
      .poll(() => counter.getByTestId('counter-current').textContent(), { timeout: 5000 })
      .toBe(number);
    await shot(counter, 'counter-called');
  });

  it('display shows the call and queues its announcement; the ticket page says "called"', async () => {
    const display = pages.display!;
    await expect
      .poll(() => display.locator('.spotlight-number').textContent(), { timeout: 5000 })
      .toBe(number);
    const said = await announced(display);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Nomor antrean A .+, silakan menuju loket satu\.$/);
    await display.waitForTimeout(300);
    await shot(display, 'display-call');
    const mine = pages.ticket!;
    await mine.getByText('Nomor Anda dipanggil!').waitFor({ timeout: 5000 });
    expect(await mine.locator('.go-to').textContent()).toContain('Loket 1');
    await shot(mine, 'ticket-phone-called');
  });

  it('display: a reload never replays old calls; new calls are announced strictly one at a time', async () => {
    const display = pages.display!;
    await display.reload({ waitUntil: 'load' });
    await display.locator('.conn.on').waitFor();
    await display.waitForTimeout(1500);
    expect(await announced(display)).toHaveLength(0);
    expect(await display.locator('.spotlight-number').textContent()).toBe(number);

    const token = await login(server.base, 'petugas');
    const auth = { authorization: `Bearer ${token}` };
    const kioskAuth = await kioskToken(server.base);
    for (let i = 0; i < 2; i++) await issueKioskTicket(server.base, 1, kioskAuth);
    for (const c of [2, 3]) {
      const r = await fetch(`${server.base}/api/v1/malls/demo/counters/${c}/call-next`, {
        method: 'POST',
        headers: auth,
      });
      expect(r.status).toBe(200);
    }
    await expect.poll(() => announced(display), { timeout: 5000 }).toHaveLength(1);
    // The second call waits while the first is being announced.
    await expect
      .poll(() => display.getByTestId('announcer').getAttribute('data-queued'), { timeout: 3000 })
      .toBe('1');
    expect(await announced(display)).toHaveLength(1);
    await shot(display, 'display-two-calls');
    await expect.poll(async () => (await announced(display)).length, { timeout: 12_000 }).toBe(2);
    const [first, second] = await announced(display);
    expect(first).toContain('loket dua');
    expect(second).toContain('loket tiga');
  });

  it('counter: start and finish; the citizen page follows', async () => {
    const counter = pages.counter!;
    await counter.keyboard.press('s');
    await counter.locator('.chip-serving').waitFor();
    await counter.keyboard.press('f');
    await counter.getByRole('dialog').waitFor();
    await shot(counter, 'counter-finish-dialog');
    await counter.getByRole('dialog').getByRole('button', { name: 'Selesai' }).click();
    await counter.getByText('Tidak ada nomor aktif').waitFor();
    const mine = pages.ticket!;
    await mine.getByText('Terima kasih telah menggunakan layanan kami.').waitFor({ timeout: 5000 });
    await shot(mine, 'ticket-phone-done');
  });

  it('counter: walk-in, call out of turn with a reason, recall, no-show, transfer, break', async () => {
    const counter = pages.counter!;
    const walkIn = async () => {
      await counter.keyboard.press('w');
      await counter.getByRole('dialog').getByRole('button', { name: 'Terbitkan tiket' }).click();
      const msg = counter.locator('.success').filter({ hasText: /Tiket A-\d+ diterbitkan/ });
      await msg.waitFor();
      return /A-\d+/.exec((await msg.textContent()) ?? '')![0];
    };
    const first = await walkIn();
    const row = counter.getByTestId('queue-row').filter({ hasText: first });
    await row.getByRole('button', { name: 'Panggil' }).click();
    await counter.getByLabel('Alasan').fill('Lansia, diverifikasi petugas');
    await shot(counter, 'counter-call-specific');
    await counter.getByRole('dialog').getByRole('button', { name: 'Panggil' }).click();
    await expect.poll(() => counter.getByTestId('counter-current').textContent()).toBe(first);
    await counter.keyboard.press('r');
    // Wait for the recall to finish: shortcuts are ignored while an action is in flight.
    await counter.getByText(`Nomor ${first} dipanggil ulang.`).waitFor();
    await counter.keyboard.press('x');
    await counter.getByText('Tidak ada nomor aktif').waitFor();

    const second = await walkIn();
    await counter.keyboard.press('n');
    await expect.poll(() => counter.getByTestId('counter-current').textContent()).toBe(second);
    await counter.keyboard.press('t');
    const to = counter.getByRole('combobox', { name: /^Ke layanan/ });
    await to.selectOption(
      (await to.locator('option', { hasText: 'Kartu Keluarga' }).first().getAttribute('value')) ?? '',
    );
    await shot(counter, 'counter-transfer');
    await counter.getByRole('dialog').getByRole('button', { name: 'Alihkan' }).click();
    await counter.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => counter.locator('.alert').count()).toBe(0);

    await counter.getByRole('button', { name: 'Istirahat', exact: true }).click();
    await expect
      .poll(() =>
        counter.getByRole('button', { name: 'Istirahat', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    await counter.getByRole('button', { name: 'Buka', exact: true }).click();
    await expect
      .poll(() => counter.getByRole('button', { name: 'Buka', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
  });

  it('counter: cancel the called ticket after confirming', async () => {
    const counter = pages.counter!;
    await counter.keyboard.press('w');
    await counter.getByRole('dialog').getByRole('button', { name: 'Terbitkan tiket' }).click();
    await counter.getByRole('dialog').waitFor({ state: 'detached' });
    await counter.keyboard.press('n');
    const current = counter.getByTestId('counter-current');
    await current.waitFor();
    const called = ((await current.textContent()) ?? '').trim();
    await counter.getByRole('button', { name: 'Batalkan' }).click();
    const dialog = counter.getByRole('dialog');
    await dialog.getByText('Tiket dibatalkan dan tidak dapat dipanggil lagi', { exact: false }).waitFor();
    await shot(counter, 'counter-cancel-dialog');
    await dialog.getByRole('button', { name: 'Ya, batalkan tiket' }).click();
    await counter.getByText(`Nomor ${called} dibatalkan.`).waitFor();
    await counter.getByText('Tidak ada nomor aktif').waitFor();
    // Cancelled for good: not back in the waiting line.
    expect(await counter.getByTestId('queue-row').filter({ hasText: called }).count()).toBe(0);
  });

  it('each screen listens to its own scoped stream and nothing else', () => {
    const streams = (name: string) => [...new Set(requests[name]!.filter((p) => p.endsWith('/stream')))];
    expect(streams('display')).toEqual(['/api/v1/malls/demo/displays/all/stream']);
    expect(streams('ticket')).toEqual([`/api/v1/malls/demo/tickets/${trackingCode}/stream`]);
    // The live ticket page uses its stream for everything live: besides it, only the opening hours,
    // fetched once, and, once the ticket is finished, whether its survey is open (once) — no snapshot
    // GETs, no polling; the mall itself comes embedded in the page.
    expect(requests.ticket!.filter((p) => p.startsWith('/api/') && !p.endsWith('/stream'))).toEqual([
      '/api/v1/malls/demo/opening-hours',
      `/api/v1/malls/demo/tickets/${trackingCode}/survey`,
    ]);
    expect(streams('counter')).toHaveLength(1);
    expect(streams('counter')[0]).toMatch(/^\/api\/v1\/malls\/demo\/counters\/\d+\/stream$/);
    expect(requests.counter!.some((p) => p.endsWith('/queue'))).toBe(false);
  });

  it('no screen logged a console error', () => {
    const bad = Object.entries(errors).flatMap(([name, list]) => list.map((e) => `${name}: ${e}`));
    expect(bad).toEqual([]);
  });
});
