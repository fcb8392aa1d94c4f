/**
 * The satisfaction survey (SKM) end to end: a ticket is finished at a counter, the citizen opens the
 * survey from the live ticket page on a phone (390×844), answers the nine questions in Bahasa
 * Indonesia, and the mall admin sees the answer in the SKM report (1366×768) and downloads the PDF
 * and Excel files; the counter tablet mode at 1024×768 (landscape tablet).
 * Screenshots in e2e/screenshots/survey-*.
 */
import type { Browser } from 'playwright-core';
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

if (!hasChromium) console.warn('SKIPPED survey e2e: /usr/bin/chromium is missing');

describe.skipIf(!hasChromium)('satisfaction survey (SKM)', () => {
  let server: TestServer;
  let browser: Browser;
  let ticket: { id: number; number: string; trackingCode: string };
  let serviceId = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const services = (await (await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)).json()) as {
      items: { id: number; name: string }[];
    };
    serviceId = services.items.find((s) => s.name === 'Penerbitan SKCK baru')!.id;
    ticket = await (await issueKioskTicket(server.base, serviceId, await kioskToken(server.base))).json();
    const officer = await login(server.base, 'petugas-polres');
    const counters = (await (
      await fetch(`${server.base}/api/v1/malls/demo/counters`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { items: { id: number; serviceIds: number[] }[] };
    const counter = counters.items.find((c) => c.serviceIds.includes(serviceId))!.id;
    const post = (p: string, body?: object) =>
      fetch(`${server.base}/api/v1/malls/demo${p}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
    const called = (await (await post(`/counters/${counter}/call-next`)).json()) as { id: number };
    expect(called.id).toBe(ticket.id);
    expect((await post(`/tickets/${ticket.id}/finish`, { outcome: 'done' })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers the survey from the finished ticket’s page on a phone', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/ticket/${ticket.trackingCode}`, {
      width: 390,
      height: 844,
    });
    await page.getByText('Bagaimana layanan kami hari ini?').waitFor();
    await shot(page, 'survey-ticket-invite');
    await page.getByRole('link', { name: 'Isi survei kepuasan (1 menit)' }).click();
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await page.getByText(`Tiket ${ticket.number} · Penerbitan SKCK baru`).waitFor();
    await page.getByText('Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan').waitFor();
    await shot(page, 'survey-phone-form');
    // Sending with questions open is caught on the phone first.
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Masih ada 9 pertanyaan yang belum dijawab.').waitFor();
    const questions = page.locator('fieldset.survey-question');
    expect(await questions.count()).toBe(9);
    for (let i = 0; i < 9; i++) await questions.nth(i).locator('label.survey-option').nth(3).click();
    await expect(questions.nth(3).locator('label.survey-option.chosen')).toBeTruthy();
    expect(await questions.nth(3).locator('label.survey-option.chosen').textContent()).toContain('Gratis');
    await page.getByText('Tentang Anda (tidak wajib)').click();
    await page.getByLabel('Jenis kelamin').selectOption('female');
    await page.getByLabel('Usia').selectOption('30_39');
    await page.getByLabel('Saran dan masukan (tidak wajib)').fill('Petugas ramah, antrean cepat.');
    await shot(page, 'survey-phone-filled', true);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Terima kasih! Jawaban Anda sudah kami terima.').waitFor();
    await shot(page, 'survey-phone-thanks');
    // Once per ticket: the ticket page now thanks instead of inviting.
    await page.goto(`${server.base}/demo/ticket/${ticket.trackingCode}`);
    await page.getByText('Terima kasih, survei tiket ini sudah diisi.').waitFor();
    // The portal's own entry: the menu leads to the survey with a service picker.
    await page.getByRole('link', { name: 'Survei', exact: true }).click();
    await page.getByRole('combobox', { name: /^Layanan yang Anda terima/ }).waitFor();
    await shot(page, 'survey-portal');
    expect(errors).toEqual([]);
  });

  it('shows the answer in the admin SKM report, with PDF and Excel downloads', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/admin/skm`, {
      width: 1366,
      height: 768,
    });
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Survei kepuasan (SKM)' }).waitFor();
    await page.getByTestId('skm-report').waitFor();
    await page.getByRole('combobox', { name: /^Layanan/ }).selectOption({ label: 'Penerbitan SKCK baru' });
    await page.getByTestId('skm-respondents').getByText('1', { exact: true }).waitFor();
    expect(await page.getByTestId('skm-ikm').textContent()).toBe('100,00');
    expect(await page.getByTestId('skm-grade').textContent()).toBe('A');
    await page.getByRole('cell', { name: 'Perempuan' }).waitFor();
    await page.getByText('Petugas ramah, antrean cepat.').waitFor();
    await shot(page, 'survey-admin-report');
    await shot(page, 'survey-admin-report-full', true);
    for (const [button, ext] of [
      ['Unduh PDF', 'pdf'],
      ['Unduh Excel', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^skm-demo-.*\\.${ext}$`));
      const file = await download.path();
      const head = Buffer.from(await (await import('node:fs/promises')).readFile(file))
        .subarray(0, 4)
        .toString('latin1');
      expect(head).toBe(ext === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    // The weights editor sums exactly: nine times 0,111 is not 1.
    for (let i = 1; i <= 9; i++) await page.getByLabel(`Bobot U${i}`).fill('0,111');
    await page.getByText('Jumlah bobot: 999/1000 — harus tepat 1').waitFor();
    await shot(page, 'survey-admin-weights');
    await page.getByRole('button', { name: 'Bagi rata' }).click();
    await page.getByText('Jumlah bobot: 1 — tepat 1').waitFor();
    expect(errors).toEqual([]);
  });

  it('runs on the counter tablet: pick the service once, answer, thanks, ready for the next citizen', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/survey/tablet`, {
      width: 1024,
      height: 768,
    });
    await page.getByLabel('Layanan yang Anda terima').selectOption({ label: 'Penerbitan SKCK baru' });
    await page.getByRole('button', { name: 'Mulai' }).click();
    const questions = page.locator('fieldset.survey-question');
    await questions.first().waitFor();
    await shot(page, 'survey-tablet-form');
    for (let i = 0; i < 9; i++) await questions.nth(i).locator('label.survey-option').nth(2).click();
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Terima kasih! Jawaban Anda sudah kami terima.').waitFor();
    await shot(page, 'survey-tablet-thanks');
    await page.getByRole('button', { name: 'Isi lagi (warga berikutnya)' }).click();
    await questions.first().waitFor();
    expect(await page.locator('label.survey-option.chosen').count()).toBe(0);
    expect(errors).toEqual([]);
    const admin = await login(server.base, 'admin');
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const r = (await (
      await fetch(
        `${server.base}/api/v1/malls/demo/reports/skm?from=${from}&to=${today}&serviceId=${serviceId}`,
        {
          headers: { authorization: `Bearer ${admin}` },
        },
      )
    ).json()) as { respondents: number; ikm: number; grade: string };
    // (1 × all 4 + 1 × all 3): NRR 3.5 each → 87.50, B
    expect(r).toMatchObject({ respondents: 2, ikm: 87.5, grade: 'B' });
  });
});
