/**
 * The display's voice in Debian's chromium (no Indonesian voice of its own, no internet): each call
 * plays the chime and then exactly the server clips of its `spokenText`, one call after the other;
 * the board warns when it cannot be heard. Screenshots land in e2e/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceManifestDto } from '../src/shared/contracts/announcements';
import { CHIME, clipUrl, spokenTextToClips } from '../src/shared/domain/announcement-clips';
import { spokenAnnouncement } from '../src/shared/domain/number-words';
import { hasChromium, launch, openPage, shot } from './support/browser';
import { DEMO_PASSWORD, login, pairingCode, startServer, type TestServer } from './support/server';

type Announcer = { announced: string[]; spoken: string[]; played: string[]; queued: () => number };
const announcer = (p: Page) =>
  p.evaluate(() => {
    const a = (window as unknown as { __satuAtapAnnouncer?: Announcer }).__satuAtapAnnouncer;
    return { spoken: [...(a?.spoken ?? [])], played: [...(a?.played ?? [])], queued: a?.queued() ?? 0 };
  });

describe.skipIf(!hasChromium)('display voice: server clips, one call at a time', () => {
  let server: TestServer;
  let browser: Browser;
  let quiet: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch({ autoplay: true });
    quiet = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await quiet?.close();
    await server?.stop();
  });

  it('plays chime + the exact clip sequence of each spokenText; a quick second call waits its turn', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/display`, {
      width: 1920,
      height: 1080,
    });
    await page.locator('.conn.on').waitFor();
    // Sound allowed and the common clips loaded: no warning.
    await expect.poll(() => page.locator('.audio-warning').count(), { timeout: 10_000 }).toBe(0);
    const manifest = (await (
      await fetch(`${server.base}/api/v1/malls/demo/announcements/voice`)
    ).json()) as VoiceManifestDto;
    expect(manifest.voice).toBe('server');

    const token = await login(server.base, 'petugas');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${server.base}/api/v1/malls/demo/tickets`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ serviceId: 1, source: 'counter' }),
      });
      expect(r.status).toBe(201);
    }
    for (const c of [2, 3]) {
      const r = await fetch(`${server.base}/api/v1/malls/demo/counters/${c}/call-next`, {
        method: 'POST',
        headers: { authorization: auth.authorization },
      });
      expect(r.status).toBe(200);
      numbers.push(((await r.json()) as { number: string }).number);
    }
    // The second call waits while the first one plays.
    await expect.poll(async () => (await announcer(page)).queued, { timeout: 5000 }).toBe(1);
    await shot(page, 'display-voice-playing');
    await expect.poll(async () => (await announcer(page)).spoken.length, { timeout: 30_000 }).toBe(2);

    const { spoken } = await announcer(page);
    expect(spoken).toEqual([spokenAnnouncement(numbers[0]!, 2), spokenAnnouncement(numbers[1]!, 3)]);
    const expected = spoken.flatMap((s) => [CHIME, ...spokenTextToClips(s)].map((k) => clipUrl(manifest, k)));
    await expect
      .poll(async () => (await announcer(page)).played.length, { timeout: 30_000 })
      .toBe(expected.length);
    expect((await announcer(page)).played).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it('admin: upload a recorded clip (it overrides the synthesised word), see what is missing, remove it', async () => {
    const { page, errors } = await openPage(browser, `${server.base}/demo/admin/voice`, {
      width: 1366,
      height: 768,
    });
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Suara panggilan' }).waitFor();
    await page.getByText(/^0 dari \d+ klip sudah direkam/).waitFor();
    // A recording: a real WAV (the synthesised "tiga" fetched from the server stands in for a human voice).
    const wav = Buffer.from(
      await (await fetch(`${server.base}/api/v1/malls/demo/announcements/clips/tiga.wav`)).arrayBuffer(),
    );
    await page.getByLabel('Unggah rekaman untuk "tiga" (WAV, MP3 atau OGG)').setInputFiles({
      name: 'tiga.wav',
      mimeType: 'audio/wav',
      buffer: wav,
    });
    await page.getByText('Rekaman "tiga" disimpan.').waitFor();
    await page.getByText(/^1 dari \d+ klip sudah direkam/).waitFor();
    const row = page.locator('tr[data-clip="tiga"]');
    // Polled: under load the row re-renders a moment after the count above it.
    await expect.poll(() => row.locator('.chip').textContent()).toContain('Rekaman');
    await expect.poll(() => row.locator('audio').getAttribute('src')).toMatch(/tiga\.wav\?v=[0-9a-f]{16}$/);
    // A text file posing as audio is refused with the server's message.
    await page.getByLabel('Unggah rekaman untuk "empat" (WAV, MP3 atau OGG)').setInputFiles({
      name: 'empat.wav',
      mimeType: 'audio/wav',
      buffer: Buffer.from('this is not audio, only text'),
    });
    await page.getByText('Unggah berkas WAV, MP3 atau OGG').waitFor();
    await page.getByLabel('Tampilkan hanya yang belum direkam').check();
    await expect.poll(() => page.locator('tr[data-clip="tiga"]').count()).toBe(0);
    await shot(page, 'admin-voice-1366');
    await page.getByLabel('Tampilkan hanya yang belum direkam').uncheck();
    await row.getByRole('button', { name: 'Hapus' }).click();
    await page.getByText(/^0 dari \d+ klip sudah direkam/).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    expect(errors.filter((e) => !/415|Unsupported Media Type/.test(e))).toEqual([]);
    await page.close();
  });

  it('warns on the board when the clips cannot load', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.route('**/announcements/clips/**', (r) => r.abort());
    await page.goto(`${server.base}/demo/display`, { waitUntil: 'load' });
    const warning = page.getByTestId('audio-warning');
    await expect.poll(() => warning.getAttribute('data-status'), { timeout: 10_000 }).toBe('clips-failed');
    expect(await warning.textContent()).toContain('gagal dimuat');
    await shot(page, 'display-voice-clips-failed');
    await page.close();
  });

  it('a paired board held silent by the browser warns, reports it, and the admin sees it until a touch', async () => {
    const { page } = await openPage(
      quiet,
      `${server.base}/demo/display?pair=${await pairingCode(server.base, 'display')}`,
      { width: 1920, height: 1080 },
    );
    const admin = await login(server.base, 'admin');
    const reports = async () => {
      const r = await fetch(`${server.base}/api/v1/malls/demo/announcements/audio-status`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      return ((await r.json()) as { items: { name: string; status: string }[] }).items;
    };
    // Wait on the board's own report first, touching the page not at all: Playwright runs its locator
    // scripts as a user gesture, which would let the board's sound start before it ever was blocked.
    await expect.poll(reports, { timeout: 15_000 }).toEqual([expect.objectContaining({ status: 'blocked' })]);
    const warning = page.getByTestId('audio-warning');
    expect(await warning.getAttribute('data-status')).toBe('blocked');
    await shot(page, 'display-voice-blocked');

    const { page: adminPage } = await openPage(browser, `${server.base}/demo/admin/voice`, {
      width: 1366,
      height: 768,
    });
    await adminPage.getByLabel('Nama pengguna').fill('admin');
    await adminPage.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await adminPage.getByRole('button', { name: 'Masuk' }).click();
    const panel = adminPage.getByTestId('display-audio');
    await panel.getByText('1 layar tidak terdengar').waitFor();
    expect(await panel.textContent()).toContain('Diblokir peramban');
    await panel.scrollIntoViewIfNeeded();
    await shot(adminPage, 'admin-voice-displays-1366');
    // The admin's device list shows the same: the board's sound beside its online status.
    await adminPage.getByRole('link', { name: 'Perangkat' }).click();
    await adminPage.locator('[data-audio="blocked"]').waitFor();
    await shot(adminPage, 'admin-devices-audio-1366');

    await warning.click();
    await expect.poll(() => page.getByTestId('audio-warning').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(reports, { timeout: 10_000 }).toEqual([expect.objectContaining({ status: 'ok' })]);
    await page.close();
    await adminPage.close();
  });
});
