import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { HEADER, row, type Table, toCsv, toXlsx } from './fixtures/sheets.js';

/** The HTTP edges of the import: who may call it, which bodies it takes, how large. */
describe.each(dialects())('catalog import requests on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const send = (payload: string | Buffer, type: string, q = '', token: string | null = admin) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/catalog/import${q}`,
      headers: { 'content-type': type, ...(token ? bearer(token) : {}) },
      payload,
    });
  const table = (...rows: string[][]): Table => [HEADER, ...rows];

  it('accepts application/octet-stream with ?format, and semicolon-separated CSV', async () => {
    const xlsx = await toXlsx(table(row('Pemecahan bidang tanah', { fee_amount: '0' })));
    const a = await send(xlsx, 'application/octet-stream', '?format=xlsx&dryRun=true');
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().created.services).toBe(1);
    const csv = toCsv(table(row('Pemecahan bidang tanah')), ';');
    const b = await send(csv, 'application/octet-stream', '?format=csv&dryRun=true');
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().created.services).toBe(1);
  });

  it('is for the mall admin only: 403 for an agency admin, 401 for anonymous', async () => {
    const csv = toCsv(table(row('Layanan tanpa izin')));
    const agencyAdmin = await t.login('dukcapil-admin');
    const forbidden = await send(csv, 'text/csv', '', agencyAdmin);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    const anonymous = await send(csv, 'text/csv', '', null);
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes files up to 10 MB on this route only', async () => {
    const padded = (n: number) =>
      toCsv([
        [...HEADER, 'No'],
        [...row('Cek plot tanah'), 'x'.repeat(n)],
      ]);
    expect((await send(padded(2_000_000), 'text/csv', '?dryRun=true')).statusCode).toBe(200);
    const tooBig = await send(padded(11_000_000), 'text/csv', '?dryRun=true');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses JSON bodies and files without the required columns', async () => {
    const json = await send(JSON.stringify({ a: 1 }), 'application/json');
    expect(json.statusCode).toBe(415);
    const res = await send('agency_key,service_name\nbpn,Apa saja', 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 1, column: 'kind' });
  });
  it('reports duplicate rows and new agencies without a name or type', async () => {
    const csv = toCsv(
      table(
        row('Cek plot tanah'),
        row('CEK PLOT TANAH'),
        row('Izin usaha', { agency_key: 'dpmptsp-baru', agency_name: '', agency_type: '' }),
        row('Izin lokasi', { agency_key: 'dpmptsp-baru' }),
      ),
    );
    const errors = (await send(csv, 'text/csv', '?dryRun=true')).json().error.details.errors;
    expect(errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'service_name'],
      [4, 'agency_name'],
      [4, 'agency_type'],
      [5, 'agency_key'],
    ]);
    expect(errors[0].message).toMatch(/baris 2/);
  });
});
