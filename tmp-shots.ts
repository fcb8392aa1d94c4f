import { launch, openPage } from './e2e/support/browser';
import { DEMO_PASSWORD, startServer } from './e2e/support/server';

const OUT = '/tmp/patch-shots';
const which = process.argv.slice(2);
const server = await startServer();
const browser = await launch();
try {
  const snap = async (
    name: string,
    path: string,
    w: number,
    h: number,
    act?: (p: import('playwright-core').Page) => Promise<void>,
    full = false,
  ) => {
    if (which.length && !which.includes(name)) return;
    const { page, errors } = await openPage(browser, server.base + path, { width: w, height: h });
    try {
      if (act) await act(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full });
      if (errors.length) console.log(name, 'errors:', errors);
    } catch (e) {
      console.log(name, 'FAILED', String(e).slice(0, 300));
      await page.screenshot({ path: `${OUT}/${name}-fail.png` });
    }
    await page.close();
  };
  const login = async (p: import('playwright-core').Page) => {
    await p.getByLabel('Nama pengguna').fill('admin');
    await p.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await p.getByRole('button', { name: 'Masuk' }).click();
    await p.waitForTimeout(800);
  };
  const svc = await fetch(`${server.base}/api/v1/malls/demo/services?q=salinan`).then((r) => r.json());
  const copyId = svc.items[0]?.id;
  await snap('portal-phone', '/demo', 390, 844, undefined, true);
  await snap('portal-service-fee', `/demo/services/${copyId}`, 390, 844, undefined, true);
  await snap('kiosk-start', '/demo/kiosk', 1080, 1920);
  await snap('kiosk-pa', '/demo/kiosk', 1080, 1920, async (p) => {
    await p.getByRole('button', { name: /Pengadilan Agama/ }).click();
  });
  await snap('kiosk-ticket', '/demo/kiosk', 1080, 1920, async (p) => {
    await p.getByRole('button', { name: /Pengadilan Agama/ }).click();
    await p.getByRole('button', { name: /salinan putusan/i }).click();
    await p.waitForTimeout(500);
    await p
      .getByRole('button', { name: /Ambil|Tidak/ })
      .first()
      .click();
    await p.waitForTimeout(500);
    const b = p.getByRole('button', { name: /Tidak|Ambil/ }).first();
    if (await b.isVisible()) await b.click();
    await p.waitForTimeout(800);
  });
  await snap('admin-hours', '/demo/admin/hours', 1366, 768, login, true);
  await snap('admin-service-edit', `/demo/admin/services/${copyId}/edit`, 1366, 768, login, true);
  const t = await fetch(`${server.base}/api/v1/malls/demo/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: copyId, source: 'kiosk' }),
  }).then((r) => r.json());
  const code = t.trackingCode ?? t.ticket?.trackingCode;
  await snap('ticket-page', `/demo/ticket/${code}`, 390, 844, undefined, true);
} finally {
  await browser.close();
  await server.stop();
}
