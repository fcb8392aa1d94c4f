import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const NIK = '3204015505900007';
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
// Under CI (.ci/run installs poppler-utils and zbar-tools) the independent checks never skip.
const TOOLS = process.env.CI || (has('pdfsig') && has('pdftoppm') && has('zbarimg'));

describe.each(dialects())('signed documents on %s', (dialect) => {
  let t: TestMall;
  let officer: string;
  let admin: string;
  let dir: string;
  let issued: { verifyCode: string; url: string; number: string };
  let pdf: Buffer;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10, env: { PUBLIC_URL: 'http://mpp.test' } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-doc-'));
    officer = await t.login('petugas-polres');
    admin = await t.login('admin');
    const services = (await get('/services?limit=500')).json().items;
    const skck = services.find((s: { name: string }) => s.name === 'Penerbitan SKCK baru');
    const reqs: string[] = (await get(`/services/${skck.id}`)).json().standard.requirements;
    const a = (
      await post(
        '/applications',
        {
          serviceId: skck.id,
          applicant: { name: 'Siti Uji', nik: NIK, phone: '081298765432' },
          checklist: reqs.map((requirement) => ({ requirement, present: true })),
        },
        officer,
      )
    ).json();
    const early = await post(`/applications/${a.id}/document`, undefined, admin);
    expect(early.statusCode, early.body).toBe(409);
    for (const status of ['in_process', 'approved'])
      expect((await post(`/applications/${a.id}/status`, { status }, admin)).statusCode).toBe(200);
    const r = await post(`/applications/${a.id}/document`, undefined, admin);
    expect(r.statusCode, r.body).toBe(201);
    issued = r.json();
    expect((await post(`/applications/${a.id}/document`, undefined, admin)).statusCode).toBe(409);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${issued.verifyCode}/pdf` });
    expect(file.headers['content-type']).toBe('application/pdf');
    pdf = file.rawPayload;
    fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  }, 60_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const get = (p: string, token?: string) =>
    t.app.inject({ method: 'GET', url: url(p), headers: token ? bearer(token) : {} });
  const post = (p: string, payload: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: url(p),
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: token ? bearer(token) : {},
    });
  const verify = (file: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/documents/verify',
      headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
      payload: Buffer.concat([
        Buffer.from(
          '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="d.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
        ),
        file,
        Buffer.from('\r\n--XyZ--\r\n'),
      ]),
    });
  /** One byte changed inside the first content stream: within the signed byte range. */
  const tampered = () => {
    const b = Buffer.from(pdf);
    const j = b.indexOf('stream') + 20;
    b[j] = (b[j]! + 1) % 256;
    return b;
  };

  it('answers the public check, and the upload check knows the exact file and only it', async () => {
    const check = (
      await t.app.inject({ method: 'GET', url: `/api/v1/documents/${issued.verifyCode}` })
    ).json();
    expect(check).toMatchObject({ valid: true, revoked: false, demo: true, service: 'Penerbitan SKCK baru' });
    expect((await verify(pdf)).json()).toMatchObject({
      valid: true,
      document: { verifyCode: issued.verifyCode },
    });
    expect((await verify(tampered())).json()).toMatchObject({ valid: false, document: null });
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents/verify',
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(raw.json().valid).toBe(true);
  });

  it.skipIf(!TOOLS)(
    'is signed as pdfsig sees it, one changed byte breaks it, and the QR on the page decodes',
    () => {
      const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
      const good = run('pdfsig', [path.join(dir, 'doc.pdf')]);
      expect(good.stdout).toContain('Signature is Valid');
      expect(good.stdout).toContain('Total document signed');
      fs.writeFileSync(path.join(dir, 'bad.pdf'), tampered());
      const bad = run('pdfsig', [path.join(dir, 'bad.pdf')]);
      expect(bad.stdout + bad.stderr).not.toContain('Signature is Valid');
      const text = execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
      expect(text).not.toContain(NIK);
      expect(text).toContain('3204********0007');
      expect(text).toContain('DEMO');
      execFileSync('pdftoppm', [
        '-r',
        '150',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        path.join(dir, 'doc.pdf'),
        path.join(dir, 'page'),
      ]);
      const png = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
      const qr = run('zbarimg', ['-q', '--raw', path.join(dir, png)]);
      expect(qr.stdout.trim()).toBe(`http://mpp.test/verify/${issued.verifyCode}`);
    },
  );

  it('shows a revocation with its reason on the check and the upload check', async () => {
    const r = await post(`/documents/${issued.verifyCode}/revoke`, { reason: 'Salah ketik nama' }, admin);
    expect(r.statusCode, r.body).toBe(200);
    const check = (
      await t.app.inject({ method: 'GET', url: `/api/v1/documents/${issued.verifyCode}` })
    ).json();
    expect(check).toMatchObject({ valid: false, revoked: true, revokedReason: 'Salah ketik nama' });
    expect((await verify(pdf)).json()).toMatchObject({ valid: false, document: { revoked: true } });
  });
});
