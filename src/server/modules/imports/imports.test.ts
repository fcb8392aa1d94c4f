import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { HEADER, INDONESIAN_HEADER, row, type Table, toCsv, toXlsx } from './fixtures/sheets.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Summary {
  id: number;
  name: string;
  kind: string;
  agencyName: string;
  feeAmount: number | null;
  servedAtMall: boolean;
  completionTime: { value: number; unit: string } | null;
}

describe.each(dialects())('catalog import on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const url = (q = '') => `/api/v1/malls/${t.slug}/catalog/import${q}`;
  const send = (payload: string | Buffer, type: string, q = '', token: string | null = admin) =>
    t.app.inject({
      method: 'POST',
      url: url(q),
      headers: { 'content-type': type, ...(token ? bearer(token) : {}) },
      payload,
    });
  const services = async (): Promise<Summary[]> =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/malls/${t.slug}/services?limit=1000&includeRetired=true`,
      })
    ).json().items;
  const agencyCount = async () =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/agencies?includeRetired=true` })
    ).json().items.length;
  const table = (...rows: string[][]): Table => [HEADER, ...rows];

  it('imports a CSV: creates the agency and its services, visible in the catalog', async () => {
    const csv = toCsv(
      table(
        row('Pengecekan sertifikat tanah'),
        row('Roya (penghapusan hak tanggungan)', { fee_amount: 'Gratis', kind: 'Perizinan' }),
        row('Konsultasi pertanahan', { fee_amount: '', completion_value: '30', completion_unit: 'menit' }),
      ),
    );
    const res = await send(csv, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      ok: true,
      rows: 3,
      created: { agencies: 1, services: 3 },
      updated: { services: 0 },
      unchanged: 0,
      errors: [],
    });
    const bpn = (await services()).filter((s) => s.agencyName === 'Kantor Pertanahan Kabupaten');
    const byName = new Map(bpn.map((s) => [s.name, s]));
    expect(byName.get('Pengecekan sertifikat tanah')?.feeAmount).toBe(50000);
    expect(byName.get('Roya (penghapusan hak tanggungan)')).toMatchObject({
      feeAmount: 0,
      kind: 'licensing',
    });
    expect(byName.get('Konsultasi pertanahan')).toMatchObject({
      feeAmount: null,
      completionTime: { value: 30, unit: 'minutes' },
    });
    const id = byName.get('Pengecekan sertifikat tanah')?.id;
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services/${id}` })
    ).json();
    expect(detail.standard.procedure).toEqual([
      'Mengambil nomor antrean',
      'Menyerahkan berkas',
      'Membayar PNBP',
    ]);
    expect(detail.standard.requirements).toEqual(['KTP', 'Sertifikat asli']);
    expect(detail.standard.version).toBe(1);
  });

  it('imports an XLSX with Indonesian headers into an existing agency and a new one', async () => {
    const file = await toXlsx([
      INDONESIAN_HEADER,
      row('Legalisir akta tanah', {
        agency_key: 'BPN',
        agency_name: '',
        agency_type: '',
        fee_amount: '25000',
      }),
      row('Pendaftaran merek dagang', {
        agency_key: 'kemenkumham',
        agency_name: 'Kantor Wilayah Kemenkumham',
        agency_type: 'vertical_agency',
        served_at_mall: 'tidak',
        not_served_note: 'Daftar daring di kantor wilayah',
      }),
    ]);
    const res = await send(file, XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, created: { agencies: 1, services: 2 } });
    const all = await services();
    expect(all.find((s) => s.name === 'Legalisir akta tanah')).toMatchObject({
      agencyName: 'Kantor Pertanahan Kabupaten',
      feeAmount: 25000,
    });
    expect(all.find((s) => s.name === 'Pendaftaran merek dagang')?.servedAtMall).toBe(false);
  });

  it('answers 422 with the row numbers of every error and writes nothing', async () => {
    const [before, agenciesBefore] = [await services(), await agencyCount()];
    const csv = toCsv(
      table(
        row('Balik nama sertifikat', {
          agency_key: 'dinas-baru',
          agency_name: 'Dinas Baru',
          agency_type: 'opd',
        }),
        row('Ganti blangko sertifikat', { fee_amount: 'tiga puluh ribu' }),
        row('Pengukuran ulang bidang'),
        row('Peta bidang', { completion_unit: 'minggu', kind: '' }),
      ),
    );
    const res = await send(csv, 'text/csv');
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.details.ok).toBe(false);
    expect([...new Set(error.details.errors.map((e: { row: number }) => e.row))]).toEqual([3, 5]);
    const columns = error.details.errors.map((e: { column: string }) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['fee_amount', 'completion_unit', 'kind']));
    expect(error.details.errors[0].message).toMatch(/\(.+\)/); // Indonesian, English in parentheses
    expect((await services()).length).toBe(before.length);
    expect(await agencyCount()).toBe(agenciesBefore);
  });

  it('a dry run reports counts and writes nothing', async () => {
    const before = (await services()).length;
    const csv = toCsv(table(row('Pengukuran ulang bidang'), row('Pengecekan sertifikat tanah')));
    const res = await send(csv, 'text/csv', '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, ok: true, created: { services: 1 }, unchanged: 1 });
    expect((await services()).length).toBe(before);
  });

  it('re-importing an edited fee makes standard version 2; an identical file changes nothing', async () => {
    const edited = toCsv(table(row('Pengecekan sertifikat tanah', { fee_amount: 'Rp 75.000' })));
    const res = await send(edited, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: { agencies: 0, services: 0 }, updated: { services: 1 } });
    const id = (await services()).find((s) => s.name === 'Pengecekan sertifikat tanah')?.id;
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services/${id}` })
    ).json();
    expect(detail.standard).toMatchObject({ version: 2, fee: { amount: 75000 } });
    const again = await send(edited, 'text/csv');
    expect(again.json()).toMatchObject({ updated: { services: 0 }, unchanged: 1 });
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/malls/${t.slug}/services/${id}/standards`,
      headers: bearer(admin),
    });
    expect(history.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});
