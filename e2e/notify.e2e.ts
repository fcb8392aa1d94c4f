/**
 * "Beri tahu saya" on a phone (390×844): a citizen four places back leaves a WhatsApp number on the
 * live ticket page, sees what will happen in plain words, and gets the "near" and "called" messages
 * at a WhatsApp gateway on loopback as the counter calls. Screenshots in e2e/screenshots/notify-*.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { issueKioskTicket, kioskToken, login, startServer, type TestServer } from './support/server';

if (!hasChromium) console.warn('SKIPPED notify e2e: /usr/bin/chromium is missing');

describe.skipIf(!hasChromium)('ticket page: Beri tahu saya', () => {
  let server: TestServer;
  let browser: Browser;
  let gateway: http.Server;
  const messages: { to: string; text: string }[] = [];
  let errors: string[] = [];
  const requests: string[] = [];
  let page: Page;
  const tickets: { id: number; number: string; trackingCode: string }[] = [];
  let officer = '';
  let counterId = 0;

  beforeAll(async () => {
    gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        messages.push(JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const port = (gateway.address() as AddressInfo).port;
    server = await startServer({ env: { WHATSAPP_GATEWAY_URL: `http://127.0.0.1:${port}/wa` } });
    browser = await launch();
    const services = (await (await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)).json()) as {
      items: { id: number; name: string }[];
    };
    const ktp = services.items.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    const kiosk = await kioskToken(server.base);
    for (let i = 0; i < 5; i++) tickets.push(await (await issueKioskTicket(server.base, ktp, kiosk)).json());
    officer = await login(server.base, 'petugas');
    const counters = (await (
      await fetch(`${server.base}/api/v1/malls/demo/counters`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { items: { id: number; serviceIds: number[] }[] };
    counterId = counters.items.find((c) => c.serviceIds.includes(ktp))!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    gateway?.close();
  });

  const staff = (path: string, body?: object) =>
    fetch(`${server.base}/api/v1/malls/demo${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    }).then((r) => r.json() as Promise<{ id: number }>);

  it('offers WhatsApp, SMS and e-mail, and explains a wrong number in words', async () => {
    const mine = tickets[4]!;
    const o = await openPage(browser, `${server.base}/demo/ticket/${mine.trackingCode}`, {
      width: 390,
      height: 844,
    });
    page = o.page;
    errors = o.errors;
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.getByRole('heading', { name: 'Beri tahu saya' }).waitFor();
    await page.getByText('4 orang di depan Anda').waitFor();
    await shot(page, 'notify-phone-panel', true);
    // Nothing fits off-screen sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    const phone = page.getByLabel('Nomor WhatsApp');
    await phone.fill('0812-3456-7890x');
    await page.getByLabel('Kirim saat di depan saya tinggal').selectOption('2');
    await page.getByRole('button', { name: 'Beri tahu saya', exact: true }).click();
    await page.getByRole('alert').getByText('Nomor HP tidak valid').waitFor();
    await shot(page, 'notify-phone-invalid', true);
    await page.getByRole('radio', { name: 'SMS' }).check();
    await page.getByLabel('Nomor HP', { exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('radio', { name: 'WhatsApp' }).check();
  });

  it('confirms with the masked number and keeps the confirmation across a reload', async () => {
    await page.getByLabel('Nomor WhatsApp').fill('0812-3456-7890');
    await page.getByRole('button', { name: 'Beri tahu saya', exact: true }).click();
    const done = page.getByText('Kami akan mengirim WhatsApp ke +62812****7890 saat giliran Anda dekat');
    await done.waitFor();
    expect(await page.getByRole('button', { name: 'Beri tahu saya', exact: true }).count()).toBe(0);
    await shot(page, 'notify-phone-subscribed', true);
    await page.reload({ waitUntil: 'load' });
    await done.waitFor();
    // The wrong number never left the phone; asking is one request, and nothing polls afterwards.
    expect(requests.filter((p) => p.endsWith('/notify'))).toHaveLength(1);
  });

  it('the gateway gets "near" when two are ahead and "called" on the call; the panel leaves', async () => {
    const [t1, t2, t3, t4, mine] = tickets;
    for (const t of [t1!, t2!]) {
      expect((await staff(`/counters/${counterId}/call-next`)).id).toBe(t.id);
      await staff(`/tickets/${t.id}/finish`, { outcome: 'done' });
    }
    await expect.poll(() => messages.length, { timeout: 10_000 }).toBe(1);
    expect(messages[0]!.to).toBe('+6281234567890');
    expect(messages[0]!.text).toContain(mine!.number);
    await page.getByText('2 orang di depan Anda').waitFor();
    for (const t of [t3!, t4!, mine!]) {
      expect((await staff(`/counters/${counterId}/call-next`)).id).toBe(t.id);
      if (t !== mine) await staff(`/tickets/${t.id}/finish`, { outcome: 'done' });
    }
    await page.getByText('Nomor Anda dipanggil!').waitFor();
    await expect.poll(() => messages.length, { timeout: 10_000 }).toBe(2);
    expect(messages[1]!.text).toMatch(/silakan menuju Loket \d+/);
    expect(await page.getByRole('heading', { name: 'Beri tahu saya' }).count()).toBe(0);
    await shot(page, 'notify-phone-called', true);
    expect(messages.map((m) => m.text).filter((t) => t.includes(mine!.number))).toHaveLength(2);
  });

  it('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
