/**
 * "API & Webhook" in Debian's chromium against the real server at 1366×768: the mall admin creates an
 * API key (shown once, with a copy button and a warning) that then works, revokes it after confirming
 * (the next request with it is 401), adds a webhook (secret shown once), sends a signed test ping to a
 * local receiver, reads the delivery log, sees the automatic switch-off when the receiver answers
 * 410, and switches the webhook back on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.skipIf(!hasChromium)('integrations: API keys and webhooks', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let receiver: http.Server;
  let hookUrl = '';
  const received: Received[] = [];
  const answers: number[] = [];
  const errors: string[] = [];
  let apiKey = '';
  let secret = '';

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/mpp-hook`;
    server = await startServer();
    browser = await launch();
    const o = await openPage(browser, `${server.base}/demo/admin/integrations`, { width: 1366, height: 768 });
    admin = o.page;
    admin.on('close', () => errors.push(...o.errors));
    // The page may ask for clipboard access when "Salin" is pressed.
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  });

  const until = async (what: string, ok: () => boolean, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stats = (key: string) =>
    fetch(`${server.base}/api/v1/malls/demo/stats/queue?from=2026-12-01&to=2026-12-01`, {
      headers: { authorization: `Bearer ${key}` },
    });

  it('creates an API key shown once, with a copy button and a warning, and the key works', async () => {
    await admin.getByLabel('Nama pengguna').fill('admin');
    await admin.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Masuk' }).click();
    await admin.getByRole('heading', { name: 'API & Webhook', level: 1 }).waitFor();
    await expect(admin.getByRole('link', { name: 'API & Webhook' }).count()).resolves.toBe(1);
    await admin.getByRole('button', { name: '+ Buat kunci API' }).click();
    await admin.getByRole('textbox', { name: 'Nama' }).fill('Aplikasi Pemkab Demo');
    await admin.getByRole('checkbox', { name: /queue\.read/ }).check();
    await admin.getByRole('button', { name: 'Simpan' }).click();
    const value = admin.getByTestId('api-key-value');
    await value.waitFor();
    apiKey = ((await value.textContent()) ?? '').trim();
    expect(apiKey).toMatch(/^sa_[A-Za-z0-9_-]{40,}$/);
    await admin.getByText('hanya ditampilkan sekali').waitFor();
    await admin.getByRole('button', { name: 'Salin' }).click();
    await admin.getByText(/Tersalin|Tidak dapat menyalin/).waitFor();
    await admin.getByRole('row').filter({ hasText: 'Aplikasi Pemkab Demo' }).getByText('Aktif').waitFor();
    await shot(admin, 'admin-integrations-key-once');
    expect((await stats(apiKey)).status).toBe(200);
    await admin.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await expect(value.count()).resolves.toBe(0);
    // The key is never shown again, only its prefix.
    expect(await admin.content()).not.toContain(apiKey);
  });

  it('revokes the key after confirming; the next request with it is refused', async () => {
    await admin.getByRole('button', { name: 'Cabut kunci Aplikasi Pemkab Demo' }).click();
    await admin.getByText('Cabut Aplikasi Pemkab Demo? Aplikasi yang memakainya langsung ditolak.').waitFor();
    await shot(admin, 'admin-integrations-revoke-ask');
    await admin.getByRole('button', { name: 'Ya, cabut' }).click();
    await admin
      .getByRole('row')
      .filter({ hasText: 'Aplikasi Pemkab Demo' })
      .getByText(/^Dicabut/)
      .waitFor();
    expect((await stats(apiKey)).status).toBe(401);
  });

  it('adds a webhook (secret shown once) and a signed test ping arrives and shows in the delivery log', async () => {
    await admin.getByRole('button', { name: '+ Tambah webhook' }).click();
    await admin.getByRole('textbox', { name: 'Alamat (URL)' }).fill(hookUrl);
    for (const e of ['ticket.issued', 'ticket.called', 'ticket.finished'])
      await expect(
        admin.getByRole('checkbox', { name: new RegExp(e.replace('.', '\\.')) }).isChecked(),
      ).resolves.toBe(true);
    await admin.getByRole('checkbox', { name: /ticket\.no_show/ }).check();
    await admin.getByRole('button', { name: 'Simpan' }).click();
    const value = admin.getByTestId('webhook-secret-value');
    await value.waitFor();
    secret = ((await value.textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await shot(admin, 'admin-integrations-webhook-secret');
    await admin.getByRole('button', { name: 'Sudah saya simpan' }).click();

    const row = admin.getByRole('row').filter({ hasText: hookUrl });
    await row.getByRole('button', { name: 'Kirim uji' }).click();
    await until('the test ping', () => received.length >= 1);
    const ping = received[0]!;
    const verified = new Webhook(secret).verify(ping.body, {
      'webhook-id': String(ping.headers['webhook-id']),
      'webhook-timestamp': String(ping.headers['webhook-timestamp']),
      'webhook-signature': String(ping.headers['webhook-signature']),
    });
    expect(verified).toMatchObject({ type: 'webhook.ping' });
    await row.getByRole('button', { name: 'Log pengiriman' }).click();
    const log = admin.locator('.delivery-log');
    await log.getByRole('heading', { name: 'Log pengiriman' }).waitFor();
    for (let i = 0; i < 50 && !(await log.getByText('Terkirim').count()); i++) {
      await log.getByRole('button', { name: 'Muat ulang' }).click();
      await admin.waitForTimeout(200);
    }
    await log.getByText('Terkirim').waitFor();
    await log.getByRole('cell', { name: '200' }).waitFor();
    await log.getByRole('cell', { name: 'webhook.ping' }).waitFor();
    await log.scrollIntoViewIfNeeded();
    await shot(admin, 'admin-integrations-deliveries');
  });

  it('shows the automatic switch-off (receiver answered 410) and switches the webhook back on', async () => {
    answers.push(410);
    const row = admin.getByRole('row').filter({ hasText: hookUrl });
    await row.getByRole('button', { name: 'Kirim uji' }).click();
    await until('the second ping', () => received.length >= 2);
    // The list shows the flag once reloaded.
    let flagged = 0;
    for (let i = 0; i < 50 && !flagged; i++) {
      await admin.reload();
      flagged = await admin.getByText(/Dimatikan otomatis/).count();
      if (!flagged) await admin.waitForTimeout(200);
    }
    await admin.getByText('penerima menjawab 410').waitFor();
    await shot(admin, 'admin-integrations-disabled');
    await admin
      .getByRole('row')
      .filter({ hasText: hookUrl })
      .getByRole('button', { name: 'Aktifkan kembali' })
      .click();
    await admin.getByText('Webhook diaktifkan kembali.').waitFor();
    await admin.getByRole('row').filter({ hasText: hookUrl }).getByText('Aktif', { exact: true }).waitFor();
    await expect(admin.getByText(/Dimatikan otomatis/).count()).resolves.toBe(0);
    await shot(admin, 'admin-integrations-reenabled');
    expect(errors).toEqual([]);
  });
});
