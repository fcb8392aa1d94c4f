/**
 * "Pesan keluar" and "Templat pesan" at 1366×768 against the real server: a citizen's WhatsApp
 * "near" message refused by the gateway (400) shows as failed with a masked number and its history,
 * "Kirim ulang" delivers it; the mall admin rewrites the "called" message with a live preview
 * (an unknown placeholder is caught while typing), and the next call sends the new wording to the
 * gateway. Screenshots in e2e/screenshots/outbox-*.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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

if (!hasChromium) console.warn('SKIPPED outbox e2e: /usr/bin/chromium is missing');

describe.skipIf(!hasChromium)('admin: outgoing messages and message templates', () => {
  let server: TestServer;
  let browser: Browser;
  let gateway: http.Server;
  let page: Page;
  let errors: string[] = [];
  /** What the gateway received, and the statuses it answers in turn (then 200). */
  const received: { status: number; body: { to: string; text: string } }[] = [];
  const answers = [400];
  const tickets: { id: number; number: string; trackingCode: string }[] = [];
  let officer = '';
  let counterId = 0;

  const waitForGateway = async (n: number) => {
    for (let i = 0; i < 200 && received.length < n; i++) await new Promise((r) => setTimeout(r, 100));
    expect(received.length).toBeGreaterThanOrEqual(n);
  };

  beforeAll(async () => {
    gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const status = answers.shift() ?? 200;
        const parsed = JSON.parse(body) as { to: string; text: string };
        received.push({ status, body: parsed });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? '{"id":"wa-1"}' : `{"error":"nomor ${parsed.to} belum terdaftar"}`);
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const port = (gateway.address() as AddressInfo).port;
    server = await startServer({
      env: { WHATSAPP_GATEWAY_URL: `http://127.0.0.1:${port}/wa`, WHATSAPP_GATEWAY_TOKEN: 'e2e' },
    });
    browser = await launch();
    const services = (await (await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)).json()) as {
      items: { id: number; name: string }[];
    };
    const ktp = services.items.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    const kiosk = await kioskToken(server.base);
    for (let i = 0; i < 2; i++) tickets.push(await (await issueKioskTicket(server.base, ktp, kiosk)).json());
    officer = await login(server.base, 'petugas');
    const counters = (await (
      await fetch(`${server.base}/api/v1/malls/demo/counters`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { items: { id: number; serviceIds: number[] }[] };
    counterId = counters.items.find((c) => c.serviceIds.includes(ktp))!.id;
    // The second ticket asks for WhatsApp; one person is ahead, within "when 3 ahead": near at once.
    const notify = await fetch(
      `${server.base}/api/v1/malls/demo/tickets/${tickets[1]!.trackingCode}/notify`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'whatsapp', address: '0812-3456-7890', whenAhead: 3 }),
      },
    );
    expect(notify.status).toBe(201);
    await waitForGateway(1);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    gateway?.close();
  });

  it('shows the failed message with a masked number and its history, and sends it again', async () => {
    expect(received[0]?.status).toBe(400);
    const o = await openPage(browser, `${server.base}/demo/admin/messages`, { width: 1366, height: 768 });
    page = o.page;
    errors = o.errors;
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Pesan keluar' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'ticket.near' });
    await row.getByText('Gagal').waitFor();
    await row.getByRole('cell', { name: '+62812****7890', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Gagal (1)' }).waitFor();
    expect(await page.content()).not.toMatch(/6281234567890|81234567890/);
    await row.getByRole('button', { name: /Riwayat pengiriman pesan/ }).click();
    await page.getByText(/Percobaan 1 · .* · gagal/).waitFor();
    await page.getByText('HTTP/SMTP 400').waitFor();
    await shot(page, 'outbox-failed');

    await row.getByRole('button', { name: /Kirim ulang pesan/ }).click();
    await page.getByText(/dijadwalkan untuk dikirim ulang/).waitFor();
    await waitForGateway(2);
    expect(received[1]).toMatchObject({ status: 200, body: { to: '+6281234567890' } });
    expect(received[1]?.body.text).toContain(tickets[1]!.number);
    await page.getByRole('button', { name: /^Terkirim/ }).click();
    const sent = page.getByRole('row').filter({ hasText: 'ticket.near' });
    await sent.getByText('Terkirim', { exact: true }).waitFor();
    await sent.getByRole('button', { name: /Riwayat pengiriman pesan/ }).click();
    // The whole history: the refused try, then the one after "Kirim ulang".
    await page.getByText(/Percobaan 1 · .* · gagal/).waitFor();
    await page.getByText(/Percobaan 2 · .* · berhasil/).waitFor();
    await shot(page, 'outbox-sent');
  });

  it('edits the "called" message with a live preview, and the next call sends the new wording', async () => {
    await page.getByRole('link', { name: 'Templat pesan' }).click();
    await page.getByRole('heading', { name: 'Templat pesan' }).waitFor();
    await page.getByRole('button', { name: /Nomor dipanggil · ID/ }).click();
    const preview = page.getByTestId('template-preview');
    await preview.getByText('Nomor A-012, silakan menuju Loket 3.').waitFor();
    const text = page.getByRole('textbox', { name: 'Teks pesan' });
    await text.fill('Halo {{nomor}}, giliran Anda!');
    await page.getByText('Isian tidak dikenal: {{nomor}}').waitFor();
    expect(await page.getByRole('button', { name: 'Simpan templat' }).isDisabled()).toBe(true);
    await shot(page, 'outbox-template-unknown');

    await text.fill('Halo {{number}}, giliran Anda! Silakan ke ');
    await page.getByRole('button', { name: 'Sisipkan counter' }).click();
    await preview.getByText(/Halo A-012, giliran Anda! Silakan ke Loket 3/).waitFor();
    await page.getByRole('button', { name: 'Simpan templat' }).click();
    await page.getByText('Templat disimpan.').waitFor();
    await page.getByRole('button', { name: /Nomor dipanggil · ID.*diubah/ }).waitFor();
    await shot(page, 'outbox-template-saved');

    // The counter calls both tickets; the subscribed one gets the mall's own wording.
    const staff = (path: string, body?: object) =>
      fetch(`${server.base}/api/v1/malls/demo${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      }).then((r) => r.json() as Promise<{ id: number }>);
    expect((await staff(`/counters/${counterId}/call-next`)).id).toBe(tickets[0]!.id);
    await staff(`/tickets/${tickets[0]!.id}/finish`, { outcome: 'done' });
    expect((await staff(`/counters/${counterId}/call-next`)).id).toBe(tickets[1]!.id);
    await waitForGateway(3);
    expect(received[2]?.body.text).toMatch(
      new RegExp(`^Halo ${tickets[1]!.number}, giliran Anda! Silakan ke .+`),
    );
    expect(received).toHaveLength(3);
    // Only the preview's deliberate 422 may show in the console.
    expect(errors.filter((e) => !/422/.test(e))).toEqual([]);
  });
});
