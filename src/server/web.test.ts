import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, type TestMall } from '../../test/harness.js';

/** Issue 8 §4: the screens on a mall's own LAN — CSP without forced HTTPS, PUBLIC_URL, compression, caching. */
function fakeWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>x</title></head><body><script type="module" src="/assets/app-abc123.js"></script></body></html>',
  );
  const js = Buffer.from(`console.log(${JSON.stringify('satu atap '.repeat(500))});`);
  fs.writeFileSync(path.join(dir, 'assets/app-abc123.js'), js);
  fs.writeFileSync(path.join(dir, 'assets/app-abc123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, 'assets/app-abc123.js.gz'), zlib.gzipSync(js));
  return dir;
}

describe('web app on a LAN', () => {
  let t: TestMall;
  let proxied: TestMall;
  let dist: string;
  beforeAll(async () => {
    dist = fakeWebDist();
    t = await createTestMall('sqlite', { env: { WEB_DIST: dist, PUBLIC_URL: 'http://192.168.1.10:3000/' } });
    proxied = await createTestMall('sqlite', { env: { WEB_DIST: dist, TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('does not send scripts to https when the screen is opened over plain HTTP', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/demo/display',
      headers: { host: '192.168.1.10:3000' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // A forged X-Forwarded-Proto from an untrusted peer changes nothing…
    const forged = await t.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // …while behind a listed TLS proxy the page asks for https sub-resources.
    const behindTls = await proxied.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(behindTls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(behindTls.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(forged.headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('writes PUBLIC_URL into the page for QR codes and links; index.html is not cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/demo/kiosk' });
    expect(res.body).toContain('<meta name="satu-atap-public-url" content="http://192.168.1.10:3000" />');
    expect(res.headers['cache-control']).toBe('no-cache');
    const direct = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(direct.headers['cache-control']).toBe('no-cache');
  });

  it("embeds the mall's public record in its own pages only, as inert JSON", async () => {
    const embedded = (body: string) => {
      const m = /<script type="application\/json" id="satu-atap-mall">(.*?)<\/script>/.exec(body);
      return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : null;
    };
    const page = await t.app.inject({ method: 'GET', url: `/${t.slug}/ticket/ABC?x=1` });
    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}` })).json();
    expect(embedded(page.body)).toEqual(api);
    // No mall named, or an unknown one: the page asks the API itself.
    expect(embedded((await t.app.inject({ method: 'GET', url: '/' })).body)).toBeNull();
    expect(embedded((await t.app.inject({ method: 'GET', url: '/no-such-mall/kiosk' })).body)).toBeNull();
    expect(embedded((await t.app.inject({ method: 'GET', url: '/%3Cscript%3E/kiosk' })).body)).toBeNull();
  });

  it('escapes a mall name that tries to close the script element', async () => {
    const admin = await t.login('admin');
    const name = 'Mal </script><script>alert(1)</script> Demo';
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${t.slug}`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { name },
    });
    expect(patched.statusCode).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: `/${t.slug}/display` });
    expect(page.body).not.toContain('</script><script>alert(1)');
    expect(page.body).toContain('\\u003c/script>');
  });

  it('sends hashed assets compressed and cached as immutable', async () => {
    const url = '/assets/app-abc123.js';
    const br = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toContain('satu atap');
    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(br.rawPayload.length * 3);
  });
});
