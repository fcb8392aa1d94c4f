import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
// Under CI nothing is skipped: a missing browser fails the run instead of passing it silently.
if (!hasChromium && process.env.CI === 'true')
  throw new Error(
    `CI=true but ${CHROMIUM} is missing: browser tests cannot run (apt-get install -y chromium)`,
  );
export const SHOTS = path.resolve('e2e/screenshots');

/** `autoplay`: let pages play sound without a gesture, as a display PC's kiosk-mode Chromium does. */
export async function launch(opts: { autoplay?: boolean } = {}): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(opts.autoplay ? ['--autoplay-policy=no-user-gesture-required'] : []),
    ],
  });
}

/** A page that records console errors and page errors, so a test can assert there were none. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  // Every URL the page asks for (paths only), so a test can say which streams a screen uses.
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Record print requests instead of opening a dialog.
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints++;
    };
  });
  // Not 'networkidle': live screens hold their event stream open for as long as they are shown.
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}
