import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { resolveMall } from '../malls/malls.service.js';
import { endEarlierDays, endEarlierDaysEverywhere } from './day-end.service.js';

// Mondays to Thursdays of one week; 03:00 UTC is 10:00 WIB (none is a holiday).
const at = (day: string) => new Date(`${day}T03:00:00Z`);
const MON = '2026-11-23';
const TUE = '2026-11-24';
const WED = '2026-11-25';
const THU = '2026-11-26';

describe.each(dialects())('a queue day that ends, on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  let ktp: number;
  let kk: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: at(MON) });
    const services = (await get('/services?limit=500')).json().items as { id: number; name: string }[];
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    kk = services.find((s) => s.name.startsWith('Penerbitan Kartu Keluarga'))!.id;
    const counters = (await get('/counters')).json().items as { id: number; serviceIds: number[] }[];
    counterId = counters.find((c) => c.serviceIds.includes(ktp) && c.serviceIds.includes(kk))!.id;
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  function get(p: string, token?: string) {
    return t.app.inject({ method: 'GET', url: url(p), headers: token ? bearer(token) : {} });
  }
  const post = (p: string, payload?: object, token?: string) =>
    t.app.inject({ method: 'POST', url: url(p), payload, headers: token ? bearer(token) : {} });
  const issue = (serviceId: number, extra: object = {}) => t.issueKioskTicket(serviceId, extra);
  /** Moves the clock to 10:00 WIB of a day and signs in again (sessions last 12 hours). */
  const dayOf = async (day: string) => {
    t.setNow(at(day));
    admin = await t.login('admin');
    officer = await t.login('petugas');
  };
  const drain = async () => {
    for (;;) {
      const r = await post(`/counters/${counterId}/call-next`, undefined, officer);
      if (r.statusCode === 204) return;
      await post(`/tickets/${r.json().id}/finish`, { outcome: 'done' }, officer);
    }
  };
  const events = (ticketId: number) =>
    t.ctx.database.db
      .selectFrom('ticket_events')
      .select(['type', 'data', 'at'])
      .where('ticket_id', '=', ticketId)
      .orderBy('id')
      .execute();

  it("expires yesterday's open tickets; today's line starts empty and numbers restart", async () => {
    await dayOf(MON);
    const waiting = (await issue(ktp)).json();
    const called = (await issue(ktp)).json();
    const first = (await post(`/counters/${counterId}/call-next`, undefined, officer)).json();
    expect(first.id).toBe(waiting.id);
    expect(called.number).not.toBe(waiting.number);

    await dayOf(TUE);
    // The citizen's page (first use of the new day) says the ticket expired.
    const mine = (await get(`/tickets/${called.trackingCode}`)).json();
    expect(mine).toMatchObject({ status: 'expired', position: null });
    expect((await get(`/tickets/${waiting.trackingCode}`)).json().status).toBe('expired');
    const ev = await events(called.id);
    expect(ev.map((e) => e.type)).toEqual(['issued', 'expired']);
    // Closed at the end of its own day, so Monday's statistics count it.
    expect(ev[1]!.at).toBe('2026-11-23T16:59:59.999Z');
    const queue = (await get(`/counters/${counterId}/queue`, officer)).json();
    expect(queue.current).toBeNull();
    expect(queue.waiting).toEqual([]);
    const today = (await issue(ktp)).json();
    expect(today.number).toBe(waiting.number); // A-001 again, and no other A-001 is waiting
    expect(today.position).toBe(1);
    const line = (await get(`/counters/${counterId}/queue`, officer)).json().waiting;
    expect(line.map((w: { id: number }) => w.id)).toEqual([today.id]);
    expect((await post(`/tickets/${waiting.id}/finish`, { outcome: 'done' }, officer)).statusCode).toBe(409);
    const stats = (await get(`/stats/queue?from=${MON}&to=${MON}`, admin)).json();
    expect(stats.totals.counts).toMatchObject({ issued: 2, called: 1, expired: 2 });
    await drain();
  });

  it('ends a day once, whichever node and however often it runs', async () => {
    await dayOf(TUE);
    for (let i = 0; i < 3; i++) await issue(ktp);
    t.setNow(at(WED));
    const mall = await resolveMall(t.ctx, t.slug);
    // Two runs racing (as two nodes would): the mall's queue lock and the conditional update make
    // each ticket expire exactly once.
    const [a, b] = await Promise.all([endEarlierDays(t.ctx, mall), endEarlierDays(t.ctx, mall)]);
    expect(a + b).toBe(3);
    // Swept once: a later run finds nothing left. (On PostgreSQL every test file shares one database,
    // so sweeping every mall there would end other files' queue days at this test's clock.)
    expect(await endEarlierDays(t.ctx, mall)).toBe(0);
    if (dialect === 'sqlite') expect(await endEarlierDaysEverywhere(t.ctx)).toBe(0);
    const expired = await t.ctx.database.db
      .selectFrom('ticket_events')
      .select('ticket_id')
      .where('mall_id', '=', mall.id)
      .where('type', '=', 'expired')
      .where('at', '>=', `${TUE}T00:00:00Z`)
      .execute();
    expect(expired).toHaveLength(3);
    expect(new Set(expired.map((e) => e.ticket_id)).size).toBe(3);
  });

  it("counts the priority streak over today's calls only", async () => {
    await dayOf(WED);
    await drain();
    // End Wednesday with three priority calls in a row (the seeded limit).
    for (let i = 0; i < 3; i++) await issue(ktp, { priority: 'elderly' });
    await drain();
    await dayOf(THU);
    const regular = (await issue(ktp)).json();
    const prio = (await issue(ktp, { priority: 'pregnant' })).json();
    // Yesterday's streak would put the regular ticket first; today's first call is the priority one.
    expect(prio.position).toBe(1);
    const r = (await post(`/counters/${counterId}/call-next`, undefined, officer)).json();
    expect(r.id).toBe(prio.id);
    expect((await get(`/tickets/${regular.trackingCode}`)).json().position).toBe(1);
    await drain();
  });

  it("keeps a journey's own priority and how it was verified on the next step", async () => {
    await dayOf(THU);
    await drain();
    const visit = (
      await post(
        '/visits',
        { serviceIds: [ktp, kk], source: 'kiosk', priority: 'elderly' },
        await t.kioskToken(),
      )
    ).json();
    const step1 = (await post(`/counters/${counterId}/call-next`, undefined, officer)).json();
    expect(step1.id).toBe(visit.ticket.id);
    await post(`/tickets/${step1.id}/finish`, { outcome: 'done' }, officer);
    const step2 = (await post(`/counters/${counterId}/call-next`, undefined, officer)).json();
    expect(step2).toMatchObject({ serviceId: kk, visitId: visit.visitId, priority: 'elderly' });
    const issued = (await events(step2.id))[0]!;
    expect(JSON.parse(issued.data ?? '{}')).toMatchObject({ verification: 'self_declared', grantedBy: null });
    const row = await t.ctx.database.db
      .selectFrom('tickets')
      .select('priority_granted_by')
      .where('id', '=', step2.id)
      .executeTakeFirstOrThrow();
    expect(row.priority_granted_by).toBeNull();
    await post(`/tickets/${step2.id}/finish`, { outcome: 'done' }, officer);
  });

  it('counts a daily quota from the tickets issued for the service; a transfer neither frees nor takes it', async () => {
    await dayOf(THU);
    await drain();
    const patch = (serviceId: number, dailyQuota: number | null) =>
      t.app.inject({
        method: 'PATCH',
        url: url(`/services/${serviceId}`),
        headers: bearer(admin),
        payload: { dailyQuota },
      });
    const issuedToday = async (serviceId: number) =>
      (await get(`/stats/queue?from=${THU}&to=${THU}`, admin))
        .json()
        .services.find((s: { serviceId: number }) => s.serviceId === serviceId)?.counts.issued ?? 0;
    const ktpUsed = await issuedToday(ktp);
    const kkUsed = await issuedToday(kk);
    expect((await patch(ktp, ktpUsed + 1)).statusCode).toBe(200);
    expect((await patch(kk, kkUsed + 1)).statusCode).toBe(200);
    const one = (await issue(ktp)).json();
    expect((await issue(ktp)).json().error.code).toBe('QUOTA_EXHAUSTED');
    // Transferring the KTP ticket to KK: KTP's quota stays used, KK's stays free.
    await post(`/counters/${counterId}/call-next`, undefined, officer);
    const moved = await post(`/tickets/${one.id}/transfer`, { serviceId: kk }, officer);
    expect(moved.json()).toMatchObject({ status: 'waiting', serviceId: kk });
    expect((await issue(ktp)).json().error.code).toBe('QUOTA_EXHAUSTED');
    expect((await issue(kk)).statusCode).toBe(201);
    expect((await issue(kk)).json().error.code).toBe('QUOTA_EXHAUSTED');
    await patch(ktp, null);
    await patch(kk, null);
    await drain();
  });
});
