import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { resolveMall } from '../malls/malls.service.js';
import { rollUpClosedDays } from './rollup.service.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB (Asia/Jakarta).
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const MON = '2026-11-23';
const TUE = '2026-11-24';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.each(dialects())('reports on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  let ktp: number;
  let kk: number;
  let agencyId: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: at(MON, '09:00') });
    admin = await t.login('admin');
    officer = await t.login('petugas');
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items as { id: number; name: string; agencyId: number }[];
    const find = (name: string) => services.find((s) => s.name.startsWith(name))!;
    ktp = find('Penerbitan KTP-el baru').id;
    kk = find('Penerbitan Kartu Keluarga').id;
    agencyId = find('Penerbitan KTP-el baru').agencyId;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    counterId = counters.find((c) => c.serviceIds.includes(ktp))!.id;

    // Monday: the same counter work as the statistics test (its figures are known exactly).
    const m = (hhmm: string) => at(MON, hhmm);
    const t1 = await issue(m('10:00'), ktp);
    const t2 = await issue(m('10:02'), ktp, 'elderly');
    await callNext(m('10:05')); // t2, waited 3
    await act(m('10:06'), t2.id, 'start');
    await act(m('10:10'), t2.id, 'finish', { outcome: 'done' }); // served 4
    await callNext(m('10:10')); // t1, waited 10
    await act(m('10:11'), t1.id, 'recall');
    await act(m('10:13'), t1.id, 'start');
    await act(m('10:20'), t1.id, 'transfer', { serviceId: kk });
    await callNext(m('10:26')); // KK step, waited 6
    await act(m('10:27'), t1.id, 'start');
    await act(m('10:35'), t1.id, 'finish', { outcome: 'done' }); // served 8
    const t3 = await issue(m('10:30'), ktp);
    await callNext(m('10:40')); // waited 10
    await act(m('10:45'), t3.id, 'no-show');
    const t4 = await issue(m('10:50'), ktp);
    await act(m('10:55'), t4.id, 'cancel');
    await issue(m('11:10'), ktp); // still waiting when the day ends: expired

    t.setNow(at(TUE, '09:00'));
    officer = await t.login('petugas');
    admin = await t.login('admin');
    const r = await issue(at(TUE, '10:00'), ktp);
    await callNext(at(TUE, '10:31')); // waited 31
    await act(at(TUE, '10:31'), r.id, 'finish', { outcome: 'done' });
  }, 60_000);
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const post = async (when: Date, p: string, payload?: object, token = officer) => {
    t.setNow(when);
    const res = await t.app.inject({ method: 'POST', url: url(p), payload, headers: bearer(token) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: number };
  };
  const issue = async (when: Date, serviceId: number, priority?: string) =>
    post(
      when,
      '/tickets',
      { serviceId, source: 'kiosk', ...(priority ? { priority } : {}) },
      await t.kioskToken(),
    );
  const callNext = (when: Date) => post(when, `/counters/${counterId}/call-next`);
  const act = (when: Date, id: number, action: string, payload?: object) =>
    post(when, `/tickets/${id}/${action}`, payload);
  const get = (p: string, token = admin) =>
    t.app.inject({ method: 'GET', url: url(p), headers: bearer(token) });
  const report = async (query: string, token = admin) => {
    const res = await get(`/reports/queue?${query}`, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const strip = (r: { source: unknown }) => ({ ...r, source: null });

  it('answers from the live replay before the roll-up and the same after it, idempotently', async () => {
    const live = await report(`from=${MON}&to=${TUE}`);
    expect(live.source).toEqual({ rolledUpDays: 0, liveDays: 2 });
    const mall = await resolveMall(t.ctx, t.slug);
    expect(await rollUpClosedDays(t.ctx, mall)).toBe(1); // Monday closed; Tuesday is today
    expect(await rollUpClosedDays(t.ctx, mall)).toBe(0);
    const rolled = await report(`from=${MON}&to=${TUE}`);
    expect(rolled.source).toEqual({ rolledUpDays: 1, liveDays: 1 });
    expect(strip(rolled)).toEqual(strip(live));
  });

  it('counts one day exactly', async () => {
    const r = await report(`from=${MON}&to=${MON}`);
    expect(r.totals).toMatchObject({
      visitors: 5,
      issued: 5,
      bySource: { kiosk: 5, online: 0, counter: 0, booking: 0 },
      called: 4,
      served: 2,
      noShows: 1,
      cancelled: 1,
      expired: 1,
      transferred: 1,
      recalls: 1,
      priorityIssued: 1,
      priorityShare: 0.2,
      noShowRate: 0.25,
      transferRate: 0.25,
    });
    // Means are exact; medians and p90 come from the buckets [5, 7.5) and [7.5, 10), [10, 15).
    expect(r.totals.wait).toEqual({ n: 4, mean: 7.25, p50: 7.5, p90: 15 });
    expect(r.totals.service).toMatchObject({ n: 2, mean: 6 });
    expect(r.totals.walk).toMatchObject({ n: 3, mean: 1.67 });
    expect(r.byHour[10]).toEqual({ hour: 10, issued: 4, meanWaitMinutes: 7.25 });
    expect(r.byHour[11]).toEqual({ hour: 11, issued: 1, meanWaitMinutes: null });
    expect(r.counters).toEqual([expect.objectContaining({ counterId, served: 2, called: 4 })]);
    expect(r.officers).toHaveLength(1);
    expect(r.officers[0]).toMatchObject({ served: 2, name: expect.any(String) });
    const kkRow = r.services.find((s: { serviceId: number }) => s.serviceId === kk);
    expect(kkRow).toMatchObject({ issued: 0, called: 1, served: 1, wait: { n: 1, mean: 6 } });
    expect(r.applications).toMatchObject({ received: 0, finished: 0, compliance: null });
    expect(r.complaints).toMatchObject({ total: 0 });
  });

  it('cuts the series by day, week and month and filters', async () => {
    const days = await report(`from=${MON}&to=${TUE}&period=day`);
    expect(days.periods.map((p: { start: string; issued: number }) => [p.start, p.issued])).toEqual([
      [MON, 5],
      [TUE, 1],
    ]);
    const week = await report(`from=${MON}&to=${TUE}&period=week`);
    expect(week.periods).toEqual([expect.objectContaining({ start: MON, end: TUE, issued: 6 })]);
    const month = await report(`from=2026-11-01&to=2026-12-31&period=month`);
    expect(month.periods).toEqual([
      expect.objectContaining({ start: '2026-11-01', end: '2026-11-30', issued: 6 }),
    ]);
    const kkOnly = await report(`from=${MON}&to=${TUE}&serviceId=${kk}`);
    expect(kkOnly.totals).toMatchObject({ issued: 0, called: 1, served: 1 });
    const byCounter = await report(`from=${MON}&to=${TUE}&counterId=${counterId}`);
    expect(byCounter.totals.served).toBe(3);
    const officerId = byCounter.officers[0].officerId;
    expect((await report(`from=${MON}&to=${TUE}&officerId=${officerId}`)).totals.served).toBe(3);
    expect((await report(`from=${MON}&to=${TUE}&agencyId=${agencyId}`)).totals.issued).toBe(6);
  });

  it('gives the show rate of online bookings for the range', async () => {
    const db = t.ctx.database.db;
    const mall = await resolveMall(t.ctx, t.slug);
    const stamp = at(MON, '08:00').toISOString();
    const session = await db
      .insertInto('booking_sessions')
      .values({
        mall_id: mall.id,
        service_id: ktp,
        start_time: '08:00',
        end_time: '10:00',
        capacity: 10,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const book = (n: number, date: string, status: string) =>
      db
        .insertInto('bookings')
        .values({
          mall_id: mall.id,
          service_id: ktp,
          session_id: session.id,
          date,
          code: `RPT${n}`,
          status,
          nik_hash: `h${n}`,
          nik_cipher: 'c',
          nik_masked: '3201**********01',
          name: 'Warga',
          phone: '+6281200000000',
          phone_masked: '+62812****0000',
          locale: 'id',
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
    // Monday: three came, one did not, one cancelled, one called off by a closure; Tuesday: one to come.
    for (const [n, status] of [
      'checked_in',
      'checked_in',
      'checked_in',
      'no_show',
      'cancelled',
      'closed',
    ].entries())
      await book(n, MON, status);
    await book(9, TUE, 'booked');
    expect((await report(`from=${MON}&to=${MON}`)).bookings).toEqual({
      booked: 4,
      showed: 3,
      noShows: 1,
      showRate: 0.75,
    });
    expect((await report(`from=${MON}&to=${TUE}`)).bookings).toMatchObject({ booked: 5, showRate: 0.75 });
    expect((await report(`from=${MON}&to=${MON}&serviceId=${kk}`)).bookings).toEqual({
      booked: 0,
      showed: 0,
      noShows: 0,
      showRate: null,
    });
    expect((await report(`from=${MON}&to=${MON}&counterId=${counterId}`)).bookings).toBeNull();
  });

  it('confines agency staff to their agency and officers to their counters; auditors read', async () => {
    const agencyAdmin = await t.login('dukcapil-admin');
    const own = await report(`from=${MON}&to=${TUE}`, agencyAdmin);
    expect(own.filters.agencyId).toBe(agencyId);
    expect(
      (await get(`/reports/queue?from=${MON}&to=${TUE}&agencyId=${agencyId + 1}`, agencyAdmin)).statusCode,
    ).toBe(403);
    const mine = await report(`from=${MON}&to=${TUE}&counterId=${counterId}`, officer);
    expect(mine.totals.served).toBe(3);
    expect((await report(`from=${MON}&to=${TUE}`, await t.login('auditor'))).totals.issued).toBe(6);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/reports/queue?from=${MON}&to=${MON}`) })).statusCode,
    ).toBe(401);
    expect((await get(`/reports/queue?from=${TUE}&to=${MON}`)).statusCode).toBe(400);
    expect((await get('/reports/queue?from=2025-01-01&to=2026-12-31')).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('exports CSV, XLSX that opens again, and a PDF with the figures in its text', async () => {
    const csv = await get(`/reports/queue/export?from=${MON}&to=${TUE}&format=csv&lang=en`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Mean wait (min)');
    expect(csv.body).toContain(`${MON},${MON},5,5,5`);

    const xlsx = await get(`/reports/queue/export?from=${MON}&to=${TUE}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Per layanan');
    const total = wb.getWorksheet('Jumlah')!;
    expect(total.getRow(2).getCell(3).value).toBe('Pengunjung');
    expect(total.getRow(3).getCell(3).value).toBe(6);

    const pdf = await get(`/reports/queue/export?from=${MON}&to=${TUE}&format=pdf&lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const file = path.join(os.tmpdir(), `report-${process.pid}-${dialect}.pdf`);
      fs.writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      fs.rmSync(file);
      expect(text).toContain('Service report');
      expect(text).toContain('By service');
    }
  });

  it('rolls every mall up for the national admin only', async () => {
    const national = await t.login('national');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/national?from=${MON}&to=${TUE}&period=week`,
      headers: bearer(national),
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().malls.find((m: { slug: string }) => m.slug === t.slug);
    expect(mine).toMatchObject({ issued: 6, served: 3 });
    expect(res.json().totals.issued).toBeGreaterThanOrEqual(6);
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/national?from=${MON}&to=${TUE}`,
      headers: bearer(admin),
    });
    expect(denied.statusCode).toBe(403);
  });

  it('shows the hall now on the dashboard', async () => {
    await issue(at(TUE, '11:00'), ktp);
    await issue(at(TUE, '11:05'), kk);
    t.setNow(at(TUE, '11:20'));
    const res = await get('/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.date).toBe(TUE);
    expect(d.totalWaiting).toBe(2);
    expect(d.longestWait).toMatchObject({ minutes: 20 });
    expect(d.waiting.find((w: { serviceId: number }) => w.serviceId === ktp)).toMatchObject({
      waiting: 1,
      longestWaitMinutes: 20,
    });
    expect(d.callsPerHour[10]).toEqual({ hour: 10, calls: 1 });
    expect(d.today).toMatchObject({ issued: 3, served: 1 });
    expect(d.counters.find((c: { counterId: number }) => c.counterId === counterId).state).toBe('idle');
    expect(d.slaBreaches).toEqual({ applications: 0, complaints: 0 });
    expect((await t.app.inject({ method: 'GET', url: url('/dashboard') })).statusCode).toBe(401);
  });
});
