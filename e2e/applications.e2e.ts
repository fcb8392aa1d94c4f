/**
 * The back office, the issue's "Done when" through the real server and browser: a land-certificate check
 * filed at the counter console from the ticket being served (one requirement missing first, then the
 * whole checklist), paid at the standard's fee with a printed receipt, processed on the agency's desk
 * with a correction round (the pause is backdated in the database as if the citizen took a week, and
 * the due date moves by exactly the paused working days), approved, issued as a signed PDF that
 * pdfsig verifies, confirmed by the public check page and followed on the tracking page without any
 * personal data. Screenshots in e2e/screenshots/backoffice-*.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, shot } from './support/browser';
import {
  freePort,
  issueKioskTicket,
  kioskToken,
  login,
  startServer,
  type TestServer,
} from './support/server';

if (!hasChromium) console.warn('SKIPPED applications e2e: /usr/bin/chromium is missing');
const NIK = '3204015505900007';
const PHONE = '081298765432';

describe.skipIf(!hasChromium)(
  'back office: counter intake → payment → desk → signed document → public pages',
  () => {
    let server: TestServer;
    let browser: Browser;
    let dataDir: string;
    let admin = '';
    let skck = { id: 0, name: '', feeAmount: 0, agencyId: 0 };
    let reqs: string[] = [];
    let number = '';
    let counter: Page;
    let trackingCode = '';
    let verifyCode = '';
    const errors: string[] = [];

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-e2e-bo-'));
      const port = await freePort();
      server = await startServer({
        port,
        env: { DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}` },
      });
      browser = await launch();
      const services = (await (
        await fetch(`${server.base}/api/v1/malls/demo/services?limit=500`)
      ).json()) as {
        items: (typeof skck)[];
      };
      skck = services.items.find((s) => s.name === 'Pengecekan sertipikat')!;
      reqs = (await (await fetch(`${server.base}/api/v1/malls/demo/services/${skck.id}`)).json()).standard
        .requirements;
      admin = await login(server.base, 'admin');
      const made = await fetch(`${server.base}/api/v1/malls/demo/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'bpn-bo',
          password: 'Str0ng-pass-123',
          role: 'back_office',
          agencyId: skck.agencyId,
        }),
      });
      expect(made.status).toBe(201);
      const counters = (await (
        await fetch(`${server.base}/api/v1/malls/demo/counters`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).json()) as { items: { id: number; serviceIds: number[] }[] };
      const officer = await fetch(`${server.base}/api/v1/malls/demo/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'bpn-petugas',
          password: 'Str0ng-pass-123',
          role: 'officer',
          counterIds: [counters.items.find((c) => c.serviceIds.includes(skck.id))!.id],
        }),
      });
      expect(officer.status).toBe(201);
      const ticket = await (
        await issueKioskTicket(server.base, skck.id, await kioskToken(server.base))
      ).json();
      number = ticket.number;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const apiGet = async (p: string, token = admin) =>
      (await fetch(`${server.base}${p}`, { headers: { authorization: `Bearer ${token}` } })).json();

    it('files the application from the ticket being served and takes exactly the standard’s fee', async () => {
      const o = await openPage(browser, `${server.base}/demo/counter`, { width: 1366, height: 768 });
      counter = o.page;
      counter.on('pageerror', (e) => errors.push(String(e)));
      await counter.getByLabel('Nama pengguna').fill('bpn-petugas');
      await counter.getByLabel('Kata sandi').fill('Str0ng-pass-123');
      await counter.getByRole('button', { name: 'Masuk' }).click();
      const pick = counter.getByRole('button', { name: /Loket/ }).first();
      await pick.or(counter.getByText('Antrean menunggu')).first().waitFor();
      if (await pick.isVisible()) {
        // Pick the counter that serves the service.
        const counters = (await apiGet('/api/v1/malls/demo/counters')) as {
          items: { name: string; serviceIds: number[] }[];
        };
        const mine = counters.items.find((c) => c.serviceIds.includes(skck.id))!;
        await counter.getByRole('button', { name: new RegExp(`^${mine.name}\\b`) }).click();
      }
      await counter.getByTestId('queue-row').filter({ hasText: number }).waitFor();
      await counter.keyboard.press('n');
      await expect.poll(() => counter.getByTestId('counter-current').textContent()).toBe(number);
      await counter.keyboard.press('s');
      await counter
        .getByRole('button', { name: /^Permohonan/ })
        .and(counter.locator(':enabled'))
        .waitFor();
      await counter.keyboard.press('a');
      const dialog = counter.getByRole('dialog');
      await dialog.getByText(reqs[0]!).waitFor();
      for (const r of reqs.slice(1)) await dialog.getByLabel(r).check();
      await dialog.getByLabel('Nama pemohon').fill('Siti Uji');
      await dialog.getByLabel('NIK (16 angka)').fill(NIK);
      await dialog.getByLabel('Nomor HP (WhatsApp)').fill(PHONE);
      await dialog.getByRole('button', { name: 'Terima berkas' }).click();
      await dialog.getByText('Persyaratan belum lengkap:').waitFor();
      await dialog.getByRole('listitem').filter({ hasText: reqs[0]! }).waitFor();
      await shot(counter, 'backoffice-intake-missing');
      await dialog.getByLabel(reqs[0]!).check();
      await dialog.getByRole('button', { name: 'Terima berkas' }).click();
      const done = dialog.getByTestId('intake-done');
      await done.waitFor();
      trackingCode = (/Kode lacak (P[A-Z0-9]{9})/.exec((await done.textContent()) ?? '') ?? [])[1] ?? '';
      expect(trackingCode).toMatch(/^P\w{9}$/);
      await dialog.getByRole('button', { name: 'Bayar Tunai' }).click();
      await dialog.getByTestId('paid').waitFor();
      await shot(counter, 'backoffice-intake-paid');
      const list = (await apiGet(`/api/v1/malls/demo/applications?q=${trackingCode}`)) as {
        items: { id: number; feeAmount: number }[];
      };
      const detail = await apiGet(`/api/v1/malls/demo/applications/${list.items[0]!.id}`);
      expect(detail.payments).toHaveLength(1);
      expect(detail.payments[0].amount).toBe(skck.feeAmount);
      // The cashier's receipt, as printed on 80 mm paper (in the console's tab: the officer is signed in).
      const receipt = counter; // same page, so the officer stays signed in
      await receipt.setViewportSize({ width: 420, height: 900 });
      await receipt.goto(`${server.base}/demo/receipt/${detail.payments[0].id}?paper=80`);
      await receipt.getByTestId('receipt').waitFor();
      expect(await receipt.getByTestId('receipt-amount').textContent()).toContain('50.000');
      expect(await receipt.getByTestId('receipt').textContent()).not.toContain(NIK);
      await shot(receipt, 'backoffice-receipt-80mm', true);
    });

    it('processes it on the agency’s desk with a correction round, approves it and issues a signed PDF', async () => {
      const { page: desk } = await openPage(browser, `${server.base}/demo/desk`, {
        width: 1366,
        height: 768,
      });
      desk.on('pageerror', (e) => errors.push(String(e)));
      await desk.getByLabel('Nama pengguna').fill('bpn-bo');
      await desk.getByLabel('Kata sandi').fill('Str0ng-pass-123');
      await desk.getByRole('button', { name: 'Masuk' }).click();
      await desk.getByRole('button', { name: trackingCode }).waitFor();
      await shot(desk, 'backoffice-desk-list');
      await desk.getByRole('button', { name: trackingCode }).click();
      const move = (status: string) => desk.getByRole('button', { name: `Ubah ke: ${status}` }).click();
      const statusIs = (s: string) => expect.poll(() => desk.getByTestId('app-status').textContent()).toBe(s);
      await move('Diproses');
      await statusIs('Diproses');
      await desk.getByLabel('Catatan untuk warga').fill('Mohon bawa fotokopi sertipikat yang jelas terbaca.');
      await move('Perlu perbaikan');
      await statusIs('Perlu perbaikan');
      // The citizen takes a week: backdate the open pause by 7 days in the server's own database.
      const db = new Database(path.join(dataDir, 'satu-atap.sqlite'));
      const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
      db.prepare('UPDATE application_pauses SET started_at = ? WHERE ended_at IS NULL').run(weekAgo);
      db.close();
      await move('Diproses');
      await statusIs('Diproses');
      const id = (
        (await apiGet(`/api/v1/malls/demo/applications?q=${trackingCode}`)) as { items: { id: number }[] }
      ).items[0]!.id;
      const detail = await apiGet(`/api/v1/malls/demo/applications/${id}`);
      const pause = detail.pauses[0];
      // A week stood still: its working days (five, fewer when a holiday fell in it) move the deadline.
      expect(pause.unit).toBe('working_days');
      expect(pause.paused).toBeGreaterThanOrEqual(3);
      expect(pause.paused).toBeLessThanOrEqual(6);
      expect(detail.dueDate).toBe(pause.dueAfter);
      expect(pause.dueAfter > pause.dueBefore).toBe(true);
      await desk.getByTestId('app-pauses').waitFor();
      await move('Disetujui');
      await statusIs('Disetujui');
      await desk.getByRole('button', { name: 'Terbitkan dokumen bertanda tangan' }).click();
      await desk.getByTestId('doc-pdf').waitFor();
      await shot(desk, 'backoffice-desk-approved', true);
      verifyCode = (await apiGet(`/api/v1/malls/demo/applications/${id}`)).documentVerifyCode;
      const pdf = Buffer.from(
        await (await fetch(`${server.base}/api/v1/documents/${verifyCode}/pdf`)).arrayBuffer(),
      );
      const file = path.join(dataDir, 'doc.pdf');
      fs.writeFileSync(file, pdf);
      const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' });
      if (sig.error) console.warn('pdfsig missing: the signature is checked in documents.test.ts under CI');
      else expect(sig.stdout).toContain('Signature is Valid');
    });

    it('confirms the document on the public check page and tracks the application without personal data', async () => {
      const { page: verify } = await openPage(browser, `${server.base}/verify/${verifyCode}`, {
        width: 390,
        height: 844,
      });
      await expect.poll(() => verify.getByTestId('verify-verdict').textContent()).toContain('ASLI');
      await shot(verify, 'backoffice-verify-phone', true);
      const { page: track } = await openPage(browser, `${server.base}/demo/track/${trackingCode}`, {
        width: 390,
        height: 844,
      });
      await expect.poll(() => track.getByTestId('track-status').textContent()).toBe('Disetujui');
      const text = (await track.locator('body').textContent()) ?? '';
      for (const secret of [NIK, 'Siti Uji', PHONE, 'bpn-bo', 'bpn-petugas'])
        expect(text).not.toContain(secret);
      await shot(track, 'backoffice-track-phone', true);
      expect(errors).toEqual([]);
    });
  },
);
