import { launch, openPage } from './e2e/support/browser';
import { pairingCode, startServer } from './e2e/support/server';

const OUT = '/tmp/patch-shots';
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
    const { page, errors } = await openPage(browser, server.base + path, { width: w, height: h });
    try {
      if (act) await act(page);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full });
      if (errors.length) console.log(name, 'errors:', errors);
    } catch (e) {
      console.log(name, 'FAILED', String(e).slice(0, 300));
      await page.screenshot({ path: `${OUT}/${name}-fail.png` });
    }
    await page.close();
  };
  const code = await pairingCode(server.base, 'kiosk');
  await snap('kiosk-pupr', `/demo/kiosk?pair=${code}`, 1080, 1920, async (p) => {
    await p.getByRole('button', { name: /Cari layanan/ }).click();
    await p.locator('#kiosk-q').fill('zzzz');
    await p.waitForTimeout(900);
    await p.screenshot({ path: `${OUT}/kiosk-notfound.png` });
    await p.getByRole('button', { name: 'Ke awal' }).click();
    await p.getByRole('button', { name: /Pekerjaan Umum/ }).click();
    await p.waitForTimeout(500);
    const notServed = p.getByRole('button').filter({ hasText: 'Tidak dilayani' }).first();
    await notServed.click();
  });
  await snap('portal-notfound', '/demo', 390, 844, async (p) => {
    await p.getByRole('searchbox').fill('zzzz');
    await p.waitForTimeout(900);
  });
} finally {
  await browser.close();
  await server.stop();
}
