import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB (Asia/Jakarta).
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const MON = '2026-11-23';
const TUE = '2026-11-24';

describe.each(dialects())('queue statistics on %s', (dialect) => {
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
  });
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
  const stats = (query: string, token = admin) =>
    t.app.inject({ method: 'GET', url: url(`/stats/queue?${query}`), headers: bearer(token) });

  it('replays two days of counter work from the event log', async () => {
    const m = (hhmm: string) => at(MON, hhmm);
    const t1 = await issue(m('10:00'), ktp);
    const t2 = await issue(m('10:02'), ktp, 'elderly');
    expect((await callNext(m('10:05'))).id).toBe(t2.id); // priority first: waited 3
    await act(m('10:06'), t2.id, 'start'); // walked 1
    await act(m('10:10'), t2.id, 'finish', { outcome: 'done' }); // served 4
    expect((await callNext(m('10:10'))).id).toBe(t1.id); // waited 10
    await act(m('10:11'), t1.id, 'recall');
    await act(m('10:13'), t1.id, 'start'); // walked 3, counted from the first call
    await act(m('10:20'), t1.id, 'transfer', { serviceId: kk }); // a new step, queued at 10:20
    expect((await callNext(m('10:26'))).id).toBe(t1.id); // waited 6 in the KK step
    await act(m('10:27'), t1.id, 'start'); // walked 1
    await act(m('10:35'), t1.id, 'finish', { outcome: 'done' }); // served 8
    const t3 = await issue(m('10:30'), ktp);
    expect((await callNext(m('10:40'))).id).toBe(t3.id); // waited 10
    await act(m('10:45'), t3.id, 'no-show');
    const t4 = await issue(m('10:50'), ktp);
    await act(m('10:55'), t4.id, 'cancel');

    const d = (hhmm: string) => at(TUE, hhmm);
    t.setNow(d('09:00')); // a new working day: sign in again
    officer = await t.login('petugas');
    admin = await t.login('admin');
    const r = await issue(d('10:00'), ktp);
    const p = await issue(d('10:31'), ktp, 'pregnant');
    expect((await callNext(d('10:31'))).id).toBe(r.id); // waited 31 ≥ 30: the max-wait rule
    await act(d('10:31'), r.id, 'finish', { outcome: 'done' }); // finished without a start: no service time
    expect((await callNext(d('10:32'))).id).toBe(p.id); // waited 1
  });

  it('answers exact counts and minutes for one day', async () => {
    const res = await stats(`from=${MON}&to=${MON}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.totals.counts).toEqual({
      issued: 4,
      called: 4,
      served: 2,
      noShows: 1,
      cancelled: 1,
      expired: 0,
      transferred: 1,
      recalls: 1,
    });
    expect(s.totals.times).toEqual({
      wait: { n: 4, mean: 7.25, p50: 6, p90: 10 },
      walk: { n: 3, mean: 1.67, p50: 1, p90: 3 },
      service: { n: 2, mean: 6, p50: 4, p90: 8 },
    });
    expect(s.totals.priority).toMatchObject({
      issued: 1,
      share: 0.25,
      meanWaitPriority: 3,
      meanWaitRegular: 8.67,
      regularCalledWhilePriorityWaiting: 0,
    });
    const ktpRow = s.services.find((x: { serviceId: number }) => x.serviceId === ktp);
    expect(ktpRow.counts).toMatchObject({ issued: 4, called: 3, served: 1, transferred: 1, recalls: 1 });
    expect(ktpRow.times.wait).toEqual({ n: 3, mean: 7.67, p50: 10, p90: 10 });
    const kkRow = s.services.find((x: { serviceId: number }) => x.serviceId === kk);
    expect(kkRow.counts).toMatchObject({ issued: 0, called: 1, served: 1 });
    expect(kkRow.times).toEqual({
      wait: { n: 1, mean: 6, p50: 6, p90: 6 },
      walk: { n: 1, mean: 1, p50: 1, p90: 1 },
      service: { n: 1, mean: 8, p50: 8, p90: 8 },
    });
    expect(s.counters).toEqual([expect.objectContaining({ counterId, served: 2, meanServiceMinutes: 6 })]);
    expect(s.byHour).toHaveLength(24);
    expect(s.byHour[10]).toEqual({ hour: 10, issued: 4, meanWaitMinutes: 7.25 });
    expect(s.byHour[9]).toEqual({ hour: 9, issued: 0, meanWaitMinutes: null });
  });

  it('sees the priority rule at work and sums a range of days', async () => {
    const tue = (await stats(`from=${TUE}&to=${TUE}`)).json();
    expect(tue.totals.priority).toMatchObject({
      issued: 1,
      regularCalledWhilePriorityWaiting: 1,
      byMaxWait: 1,
      byStreakLimit: 0,
      meanWaitRegular: 31,
      meanWaitPriority: 1,
    });
    expect(tue.totals.times.service.n).toBe(0);
    const both = (await stats(`from=${MON}&to=${TUE}`)).json();
    expect(both.totals.counts).toMatchObject({ issued: 6, called: 6, served: 3 });
    expect(both.totals.times.wait).toEqual({ n: 6, mean: 10.17, p50: 6, p90: 31 });
  });

  it('filters by service and agency', async () => {
    const byService = (await stats(`from=${MON}&to=${MON}&serviceId=${ktp}`)).json();
    expect(byService.services.map((x: { serviceId: number }) => x.serviceId)).toEqual([ktp]);
    expect(byService.totals.times.service).toEqual({ n: 1, mean: 4, p50: 4, p90: 4 });
    expect(byService.counters).toEqual([expect.objectContaining({ served: 1, meanServiceMinutes: 4 })]);
    const byAgency = (await stats(`from=${MON}&to=${MON}&agencyId=${agencyId}`)).json();
    expect(byAgency.totals.counts.issued).toBe(4);
    expect((await stats(`from=${MON}&to=${MON}&agencyId=999999`)).json().error.code).toBe('AGENCY_NOT_FOUND');
  });

  it('is for staff only and validates the dates', async () => {
    const anon = await t.app.inject({ method: 'GET', url: url(`/stats/queue?from=${MON}&to=${MON}`) });
    expect(anon.statusCode).toBe(401);
    expect((await stats(`from=${MON}&to=${MON}`, officer)).statusCode).toBe(200);
    expect((await stats(`from=${TUE}&to=${MON}`)).statusCode).toBe(400);
    expect((await stats('from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    expect((await stats('from=2025-01-01&to=2026-12-31')).json().error.code).toBe('VALIDATION_FAILED');
  });
});
