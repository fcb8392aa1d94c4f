import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-08-14 is a Friday; 03:00 UTC is 10:00 WIB.
const FRI_10 = new Date('2026-08-14T03:00:00Z');

/** The official 2026 list (SKB No. 1497/2025, 2/2025, 5/2025). */
const HOLIDAYS_2026 = [
  '2026-01-01',
  '2026-01-16',
  '2026-02-17',
  '2026-03-19',
  '2026-03-21',
  '2026-03-22',
  '2026-04-03',
  '2026-04-05',
  '2026-05-01',
  '2026-05-14',
  '2026-05-27',
  '2026-05-31',
  '2026-06-01',
  '2026-06-16',
  '2026-08-17',
  '2026-08-25',
  '2026-12-25',
];
const CUTI_BERSAMA_2026 = [
  '2026-02-16',
  '2026-03-18',
  '2026-03-20',
  '2026-03-23',
  '2026-03-24',
  '2026-05-15',
  '2026-05-28',
  '2026-12-24',
];

describe.each(dialects())('national calendar on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let national: string;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: FRI_10 });
    admin = await t.login('admin');
    national = await t.login('national');
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const get = (u: string) => t.app.inject({ method: 'GET', url: u });
  const send = (method: 'PUT' | 'POST' | 'DELETE', u: string, token: string, payload?: object) =>
    t.app.inject({ method, url: u, headers: bearer(token), payload });
  const addDays = async (from: string, add: number) =>
    (await get(url(`/calendar/working-days?from=${from}&add=${add}`))).json().date;

  it('ships the official 2026 list: 17 national holidays and 8 days of cuti bersama', async () => {
    const res = await get('/api/v1/calendar/national?year=2026');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { date: string; kind: string; name: string; source: string }[];
    expect(items.filter((d) => d.kind === 'national_holiday').map((d) => d.date)).toEqual(HOLIDAYS_2026);
    expect(items.filter((d) => d.kind === 'cuti_bersama').map((d) => d.date)).toEqual(CUTI_BERSAMA_2026);
    expect(items.every((d) => d.source.includes('1497') && d.name.length > 3)).toBe(true);
    expect(res.json().years).toContain(2026);
  });

  it('counts working days with the national calendar', async () => {
    expect(await addDays('2026-08-14', 1)).toBe('2026-08-18'); // 17 August, a Monday
    expect(await addDays('2026-08-17', 0)).toBe('2026-08-18');
    expect(await addDays('2026-03-17', 3)).toBe('2026-03-27'); // Nyepi and Lebaran skipped
    expect(await addDays('2026-12-23', 1)).toBe('2026-12-28');
    const cal = (await get(url('/calendar?year=2026'))).json();
    expect(cal.items).toHaveLength(25);
    expect(cal.items.find((d: { date: string }) => d.date === '2026-08-17')).toMatchObject({
      kind: 'national_holiday',
      origin: 'national',
      closed: true,
    });
  });

  it('lets a mall serve on a cuti bersama day; the queue and the SLA clock both follow', async () => {
    t.setNow(new Date('2026-03-20T03:00:00Z'));
    const ktp = (await get(url('/services?limit=500')))
      .json()
      .items.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    const issue = () => t.issueKioskTicket(ktp);
    expect((await issue()).json().error.code).toBe('MALL_CLOSED');
    admin = await t.login('admin');
    const officer = await t.login('petugas');
    expect(
      (await send('PUT', url('/calendar/cuti-bersama/2026-03-20'), officer, { served: true })).statusCode,
    ).toBe(403);
    const put = await send('PUT', url('/calendar/cuti-bersama/2026-03-20'), admin, { served: true });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ kind: 'cuti_bersama', served: true, closed: false });
    expect((await issue()).statusCode).toBe(201);
    expect(await addDays('2026-03-17', 1)).toBe('2026-03-20');
    // Only a national cuti bersama day can be served on; a national holiday stays closed.
    const bad = await send('PUT', url('/calendar/cuti-bersama/2026-03-21'), admin, { served: true });
    expect(bad.statusCode).toBe(404);
    await send('PUT', url('/calendar/cuti-bersama/2026-03-20'), admin, { served: false });
    expect(await addDays('2026-03-17', 1)).toBe('2026-03-25');
  });

  it("adds the mall's own closures with their source; national days are not the mall's to delete", async () => {
    t.setNow(FRI_10);
    admin = await t.login('admin');
    const add = await send('POST', url('/holidays'), admin, {
      date: '2026-08-18',
      name: 'Hari jadi kabupaten',
      source: 'Keputusan Bupati No. 12/2026',
    });
    expect(add.statusCode).toBe(201);
    expect(await addDays('2026-08-14', 1)).toBe('2026-08-19');
    const closed = (await get(url('/holidays?from=2026-08-01&to=2026-08-31'))).json().items;
    expect(closed.map((d: { date: string; kind: string }) => `${d.date}:${d.kind}`)).toEqual([
      '2026-08-17:national_holiday',
      '2026-08-18:local_closure',
      '2026-08-25:national_holiday',
    ]);
    expect((await send('DELETE', url('/holidays/2026-08-17'), admin)).statusCode).toBe(404);
    expect((await send('DELETE', url('/holidays/2026-08-18'), admin)).statusCode).toBe(204);
    expect(await addDays('2026-08-14', 1)).toBe('2026-08-18');
  });

  it('keeps the national list for the national admin only', async () => {
    const day = { kind: 'national_holiday', name: 'Hari uji', source: 'Keppres uji' };
    expect((await send('PUT', '/api/v1/calendar/national/2031-03-03', admin, day)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/national/2031-03-03', payload: day }))
        .statusCode,
    ).toBe(401);
    const put = await send('PUT', '/api/v1/calendar/national/2031-03-03', national, day);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ date: '2031-03-03', ...day });
    expect(await addDays('2031-03-03', 0)).toBe('2031-03-04');
    expect((await send('DELETE', '/api/v1/calendar/national/2031-03-03', national)).statusCode).toBe(204);
    expect(await addDays('2031-03-03', 0)).toBe('2031-03-03');
    expect((await send('DELETE', '/api/v1/calendar/national/2031-03-03', national)).statusCode).toBe(404);
  });

  it('imports a year from CSV or XLSX and warns from 1 October while next year is missing', async () => {
    t.setNow(new Date('2032-09-30T03:00:00Z'));
    national = await t.login('national');
    expect((await get('/api/v1/calendar/national')).json().warnings).toEqual([]);
    t.setNow(new Date('2032-10-01T03:00:00Z'));
    national = await t.login('national');
    expect((await get('/api/v1/calendar/national')).json().warnings).toEqual([
      expect.objectContaining({ code: 'NEXT_YEAR_CALENDAR_MISSING', year: 2033 }),
    ]);
    expect((await get(url('/calendar'))).json().warnings[0]).toMatchObject({ year: 2033 });

    const csv = [
      'Tanggal;Jenis;Nama;Dasar Hukum',
      '2033-01-01;Libur Nasional;Tahun Baru 2033 Masehi;SKB uji 2032',
      '03/01/2033;cuti bersama;Cuti bersama uji;SKB uji 2032',
      '',
    ].join('\n');
    const importCsv = (body: string, q = '') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/calendar/national/import${q}`,
        headers: { ...bearer(national), 'content-type': 'text/csv' },
        payload: body,
      });
    const dry = await importCsv(csv, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, ok: true, created: 2, years: [2033] });
    expect((await get('/api/v1/calendar/national?year=2033')).json().items).toEqual([]);
    const bad = await importCsv(`${csv}2033-02-30;libur nasional;Salah;SKB\n2033-03-01;libur;X;SKB\n`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors.map((e: { row: number }) => e.row)).toEqual([4, 5]);
    expect((await get('/api/v1/calendar/national?year=2033')).json().items).toEqual([]);
    const ok = await importCsv(csv);
    expect(ok.json()).toMatchObject({ ok: true, created: 2, updated: 0 });
    expect((await importCsv(csv)).json()).toMatchObject({ created: 0, unchanged: 2 });
    const cal = (await get('/api/v1/calendar/national?year=2033')).json();
    expect(cal.items.map((d: { date: string; kind: string }) => `${d.date}:${d.kind}`)).toEqual([
      '2033-01-01:national_holiday',
      '2033-01-03:cuti_bersama',
    ]);
    expect(cal.warnings).toEqual([]);
    expect((await get(url('/calendar'))).json().warnings).toEqual([]);
    expect(await addDays('2032-12-31', 1)).toBe('2033-01-04');

    const { toXlsx } = await import('../imports/fixtures/sheets.js');
    const xlsx = await toXlsx([
      ['tanggal', 'jenis', 'nama', 'dasar hukum'],
      ['2033-01-03', 'libur nasional', 'Diubah jadi libur', 'SKB uji 2032'],
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/national/import',
      headers: { ...bearer(national), 'content-type': 'application/octet-stream' },
      payload: xlsx,
    });
    expect(up.json()).toMatchObject({ ok: true, updated: 1 });
    const officer = await t.login('admin');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/national/import',
      headers: { ...bearer(officer), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(refused.statusCode).toBe(403);
    // The national list is shared by every test on PostgreSQL: leave it as found.
    for (const d of ['2033-01-01', '2033-01-03'])
      await send('DELETE', `/api/v1/calendar/national/${d}`, national);
  });
});

describe.each(dialects())('the demo mall on %s', (dialect) => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: new Date('2026-08-17T03:00:00Z'), alwaysOpen: true });
  });
  afterAll(() => t.close());

  it('opens its queue on a national holiday but counts working days with the calendar', async () => {
    const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
    const ktp = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') }))
      .json()
      .items.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    const res = await t.issueKioskTicket(ktp);
    expect(res.statusCode).toBe(201);
    const wd = await t.app.inject({
      method: 'GET',
      url: url('/calendar/working-days?from=2026-08-14&add=1'),
    });
    expect(wd.json().date).toBe('2026-08-18');
    expect((await t.app.inject({ method: 'GET', url: url('/calendar') })).json().alwaysOpen).toBe(true);
  });
});
