import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { DisplayState } from '../../../shared/contracts/displays.js';

// 2026-11-20 is a Friday and 2026-11-23 a Monday; 03:00 UTC is 10:00 WIB.
const FRIDAY_10 = new Date('2026-11-20T03:00:00Z');
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const at = (day: Date, minutes: number) => new Date(day.getTime() + minutes * 60_000);

describe.each(dialects())('display state wait figures on %s', (dialect) => {
  let t: TestMall;
  let officer: string;
  let ktp: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: FRIDAY_10 });
    officer = await t.login('petugas');
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items as { id: number; name: string }[];
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    counterId = counters.find((c) => c.serviceIds.includes(ktp))!.id;
  });
  afterAll(() => t.close());

  function url(p: string) {
    return `/api/v1/malls/${t.slug}${p}`;
  }
  const post = (p: string, token?: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: url(p), payload, headers: token ? bearer(token) : {} });
  const issue = async () => (await t.issueKioskTicket(ktp)).json();
  const callNext = async () => (await post(`/counters/${counterId}/call-next`, officer)).json();
  const state = async () => {
    const r = await t.app.inject({ method: 'GET', url: url('/displays/all/state') });
    expect(r.statusCode).toBe(200);
    return DisplayState.parse(r.json());
  };
  const ktpLine = async () => (await state()).waiting.find((w) => w.serviceId === ktp);

  it('knows nothing before the first ticket', async () => {
    expect(await ktpLine()).toBeUndefined();
  });

  it('Friday: the oldest ticket’s minutes in line, then a 50-minute mean', async () => {
    const first = await issue();
    t.setNow(at(FRIDAY_10, 12));
    await issue();
    t.setNow(at(FRIDAY_10, 30));
    expect(await ktpLine()).toMatchObject({ waiting: 2, oldestWaitMinutes: 30, averageWaitMinutes: null });
    t.setNow(at(FRIDAY_10, 50));
    expect((await callNext()).id).toBe(first.id);
    await post(`/tickets/${first.id}/finish`, officer, { outcome: 'done' });
    expect(await ktpLine()).toMatchObject({ waiting: 1, oldestWaitMinutes: 38, averageWaitMinutes: 50 });
    // Nobody left waiting: the line still shows today's mean.
    const second = await callNext();
    await post(`/tickets/${second.id}/finish`, officer, { outcome: 'done' });
    expect(await ktpLine()).toMatchObject({ waiting: 0, oldestWaitMinutes: null, averageWaitMinutes: 44 });
  });

  it('Monday: Friday’s calls do not count; recalls and transfers do not restart the wait', async () => {
    t.setNow(MONDAY_10);
    officer = await t.login('petugas'); // Friday's session has expired
    expect(await ktpLine()).toBeUndefined();
    const a = await issue();
    t.setNow(at(MONDAY_10, 10));
    const b = await issue();
    t.setNow(at(MONDAY_10, 20));
    expect((await callNext()).id).toBe(a.id);
    t.setNow(at(MONDAY_10, 25));
    expect((await post(`/tickets/${a.id}/recall`, officer)).statusCode).toBe(200);
    expect(await ktpLine()).toMatchObject({ waiting: 1, oldestWaitMinutes: 15, averageWaitMinutes: 20 });
    // Transferred back into the line (same service) and called again: still one sample of 20.
    const moved = await post(`/tickets/${a.id}/transfer`, officer, { counterId });
    expect(moved.statusCode).toBe(200);
    t.setNow(at(MONDAY_10, 40));
    const again = await callNext();
    expect([a.id, b.id]).toContain(again.id);
    await post(`/tickets/${again.id}/finish`, officer, { outcome: 'done' });
    const next = await callNext();
    await post(`/tickets/${next.id}/finish`, officer, { outcome: 'done' });
    // a: 10:00 → 10:20 (20 min); b: 10:10 → first called at 10:40 (30 min).
    expect(await ktpLine()).toMatchObject({ waiting: 0, oldestWaitMinutes: null, averageWaitMinutes: 25 });
  });

  it('serves the counter console its queue under the shared contract', async () => {
    await issue();
    const r = await t.app.inject({
      method: 'GET',
      url: url(`/counters/${counterId}/queue`),
      headers: bearer(officer),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      counter: { id: counterId },
      current: null,
      waiting: [{ status: 'waiting' }],
    });
  });
});
