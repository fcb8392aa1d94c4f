import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { staffing } from '../../../shared/domain/erlang-c.js';

// Mondays in Asia/Jakarta (WIB): the plan for 23 November is drawn from 9 and 16 November.
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const PAST = ['2026-11-09', '2026-11-16'];

describe.each(dialects())('staffing planner on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  let ktp: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: at(PAST[0]!, '08:00') });
    admin = await t.login('admin');
    officer = await t.login('petugas');
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items as { id: number; name: string }[];
    ktp = services.find((s) => s.name.startsWith('Penerbitan KTP-el baru'))!.id;
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
  const staffingCall = (payload: object, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/planning/staffing',
      payload,
      headers: token ? bearer(token) : {},
    });

  it('answers the Erlang C figures for staff, 401 for anyone else, 400 for nonsense', async () => {
    const body = {
      arrivalsPerHour: 120,
      meanServiceMinutes: 5,
      targetWaitMinutes: 1,
      targetServiceLevel: 0.8,
    };
    const ok = await staffingCall(body, officer);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ counters: 13, trafficErlangs: 10 });
    expect(ok.json().probabilityOfWaiting).toBeCloseTo(0.2853, 4);
    expect((await staffingCall(body)).statusCode).toBe(401);
    for (const bad of [
      { ...body, arrivalsPerHour: -5 },
      { ...body, meanServiceMinutes: 0 },
      { ...body, targetServiceLevel: 1 },
      { ...body, targetServiceLevel: 2 },
      { ...body, arrivalsPerHour: 1_000_000, meanServiceMinutes: 480 },
      { ...body, extra: 1 },
      { arrivalsPerHour: '120' },
    ]) {
      const res = await staffingCall(bad, admin);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('plans a day from the same weekday of past weeks', async () => {
    // Week one: three citizens at 10:00, ten minutes each; week two: one more at 11:00, also ten minutes.
    for (const [w, day] of PAST.entries()) {
      const tickets = w === 0 ? ['10:00', '10:05', '10:10'] : ['10:00', '10:05', '10:10', '11:00'];
      t.setNow(at(day, '08:00'));
      officer = await t.login('petugas'); // a sign-in lasts a working day
      let clock = at(day, tickets[0]!).getTime();
      for (const time of tickets) {
        const issuedAt = at(day, time).getTime();
        clock = Math.max(clock, issuedAt);
        await post(new Date(issuedAt), '/tickets', { serviceId: ktp, source: 'kiosk' }, await t.kioskToken());
        const called = await post(new Date(clock), `/counters/${counterId}/call-next`);
        await post(new Date(clock), `/tickets/${called.id}/start`);
        clock += 10 * 60_000;
        await post(new Date(clock), `/tickets/${called.id}/finish`, { outcome: 'done' });
      }
    }
    t.setNow(at('2026-11-20', '12:00'));
    admin = await t.login('admin');
    const res = await t.app.inject({
      method: 'GET',
      url: url(`/planning/day?date=2026-11-23&weeks=2&serviceId=${ktp}&targetWaitMinutes=5`),
      headers: bearer(admin),
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.basedOn).toEqual(['2026-11-16', '2026-11-09']);
    expect(plan.meanServiceMinutes).toBeCloseTo(10, 6);
    expect(plan.hours.map((h: { hour: number }) => h.hour)).toEqual([10, 11]);
    const expected10 = staffing({
      arrivalsPerHour: 3,
      meanServiceMinutes: 10,
      targetWaitMinutes: 5,
      targetServiceLevel: 0.8,
    });
    expect(plan.hours[0]).toMatchObject({ forecastArrivals: 3, counters: expected10.counters });
    expect(plan.hours[0].probabilityOfWaiting).toBeCloseTo(expected10.probabilityOfWaiting, 10);
    expect(plan.hours[1].forecastArrivals).toBe(0.5);
    expect(plan.peakCounters).toBe(Math.max(...plan.hours.map((h: { counters: number }) => h.counters)));

    const anon = await t.app.inject({ method: 'GET', url: url('/planning/day?date=2026-11-23') });
    expect(anon.statusCode).toBe(401);
  });
});
