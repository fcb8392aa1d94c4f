import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

describe.each(dialects())('queue on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  let polres: string;
  let ktp: number;
  let skck: number;
  let pupr: { id: number };
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10 });
    admin = await t.login('admin');
    officer = await t.login('petugas');
    polres = await t.login('petugas-polres');
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items;
    ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    skck = services.find((s: { name: string }) => s.name === 'Penerbitan SKCK baru').id;
    pupr = services.find((s: { servedAtMall: boolean }) => !s.servedAtMall);
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const post = (p: string, payload?: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: url(p),
      payload: payload as object,
      headers: token ? bearer(token) : {},
    });
  const issue = (serviceId: number, extra: object = {}) => t.issueKioskTicket(serviceId, extra);
  const countersOf = async (serviceId: number) =>
    (await t.app.inject({ method: 'GET', url: url('/counters') }))
      .json()
      .items.filter((c: { serviceIds: number[] }) => c.serviceIds.includes(serviceId));
  const drain = async (counterId: number, token: string) => {
    for (;;) {
      const r = await post(`/counters/${counterId}/call-next`, undefined, token);
      if (r.statusCode === 204) return;
      await post(`/tickets/${r.json().id}/finish`, { outcome: 'done' }, token);
    }
  };

  it('issues numbered tickets with position, estimate and tracking code', async () => {
    const a = await issue(ktp);
    expect(a.statusCode).toBe(201);
    const body = a.json();
    expect(body).toMatchObject({
      status: 'waiting',
      serviceId: ktp,
      number: expect.stringMatching(/^A-\d{3}$/),
    });
    expect(body.position).toBeGreaterThanOrEqual(1);
    expect(body.estimatedWaitMinutes).toBeGreaterThanOrEqual(0);
    const b = (await issue(ktp)).json();
    expect(Number(b.number.slice(2))).toBe(Number(body.number.slice(2)) + 1);
    const mine = await t.app.inject({ method: 'GET', url: url(`/tickets/${b.trackingCode}`) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).not.toHaveProperty('id');
    expect(mine.json().position).toBe(body.position + 1);
  });

  it('refuses bad input and services not at the mall with codes', async () => {
    expect((await issue(ktp, { priority: 'vip' })).statusCode).toBe(400);
    expect((await post('/tickets', { serviceId: 'nope', source: 'kiosk' })).statusCode).toBe(400);
    expect((await post('/tickets', [1, 2, 3])).statusCode).toBe(400);
    expect((await issue(99999)).json().error.code).toBe('SERVICE_NOT_FOUND');
    const notHere = await issue(pupr.id);
    expect(notHere.statusCode).toBe(422);
    expect(notHere.json().error.code).toBe('SERVICE_NOT_SERVED');
    expect((await post('/tickets', { serviceId: ktp, source: 'counter' })).statusCode).toBe(401);
  });

  it('calls, starts and finishes; 204 when empty; 409 for illegal transitions; 403 on another agency’s counter', async () => {
    const [counter] = await countersOf(ktp);
    await drain(counter.id, officer);
    expect((await post(`/counters/${counter.id}/call-next`, undefined, officer)).statusCode).toBe(204);
    const tk = (await issue(ktp)).json();
    const early = await post(`/tickets/${tk.id}/finish`, { outcome: 'done' }, officer);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');
    // An empty body sent with content-type application/json is "no body", not a 400.
    const called = await t.app.inject({
      method: 'POST',
      url: url(`/counters/${counter.id}/call-next`),
      headers: { ...bearer(officer), 'content-type': 'application/json' },
    });
    expect(called.statusCode).toBe(200);
    expect(called.json().id).toBe(tk.id);
    expect(called.json()).not.toHaveProperty('ticket');
    expect(called.json().counter.id).toBe(counter.id);
    expect((await post(`/tickets/${tk.id}/recall`, undefined, officer)).statusCode).toBe(200);
    expect((await post(`/tickets/${tk.id}/start`, undefined, officer)).json().status).toBe('serving');
    const done = await post(`/tickets/${tk.id}/finish`, { outcome: 'incomplete_documents' }, officer);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'incomplete_documents' });
    expect((await post(`/tickets/${tk.id}/start`, undefined, officer)).statusCode).toBe(409);
    expect((await post(`/counters/${counter.id}/call-next`, undefined, polres)).statusCode).toBe(403);
    expect((await post(`/counters/${counter.id}/call-next`)).statusCode).toBe(401);
    const events = await t.ctx.database.db
      .selectFrom('ticket_events')
      .select('type')
      .where('ticket_id', '=', tk.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'recalled', 'started', 'finished']);
  });

  it('calls priority first but never starves regular tickets', async () => {
    const [counter] = await countersOf(skck);
    await drain(counter.id, polres);
    const regular = (await issue(skck)).json();
    const prio = [];
    for (let i = 0; i < 4; i++) prio.push((await issue(skck, { priority: 'elderly' })).json());
    const order = [];
    for (let i = 0; i < 5; i++) {
      const r = (await post(`/counters/${counter.id}/call-next`, undefined, polres)).json();
      order.push(r.id);
      await post(`/tickets/${r.id}/finish`, { outcome: 'done' }, polres);
    }
    // The seeded policy allows at most 3 priority calls in a row.
    expect(order).toEqual([prio[0].id, prio[1].id, prio[2].id, regular.id, prio[3].id]);
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'ticket.priority')
      .where('entity_id', '=', String(prio[0].id))
      .executeTakeFirst();
    expect(JSON.parse(audit?.after ?? '{}').verification).toBe('self_declared');
  });

  it('calls a specific ticket only with a reason, audited', async () => {
    const [counter] = await countersOf(ktp);
    await drain(counter.id, officer);
    await issue(ktp);
    const second = (await issue(ktp)).json();
    expect((await post(`/counters/${counter.id}/call`, { ticketId: second.id }, officer)).statusCode).toBe(
      400,
    );
    const r = await post(
      `/counters/${counter.id}/call`,
      { ticketId: second.id, reason: 'Pemohon lansia dengan kursi roda' },
      officer,
    );
    expect(r.json().id).toBe(second.id);
    expect(r.json()).not.toHaveProperty('ticket');
    const again = await post(
      `/counters/${counter.id}/call`,
      { ticketId: second.id, reason: 'lagi' },
      officer,
    );
    expect(again.statusCode).toBe(409);
    // One URL per action: the former aliases are not routes any more.
    const third = (await issue(ktp)).json();
    const aliases = [
      post(`/counters/${counter.id}/call-specific`, { ticketId: third.id, reason: 'Ibu hamil' }, officer),
      post(`/tickets/${third.id}/call`, { counterId: counter.id, reason: 'Ibu hamil' }, officer),
    ];
    for (const r of await Promise.all(aliases)) expect(r.statusCode).toBe(404);
    await drain(counter.id, officer);
  });

  it('runs a journey: finishing one step queues the next service', async () => {
    const v = await post('/visits', { serviceIds: [ktp, skck], source: 'kiosk' }, await t.kioskToken());
    expect(v.statusCode).toBe(201);
    const first = v.json().ticket;
    const [kc] = await countersOf(ktp);
    const [sc] = await countersOf(skck);
    await drain(sc.id, polres);
    const calls = [];
    for (;;) {
      const r = await post(`/counters/${kc.id}/call-next`, undefined, officer);
      if (r.statusCode === 204) break;
      calls.push(r.json().id);
      if (r.json().id === first.id) break;
      await post(`/tickets/${r.json().id}/finish`, { outcome: 'done' }, officer);
    }
    await post(`/tickets/${first.id}/finish`, { outcome: 'done' }, officer);
    const view = (await t.app.inject({ method: 'GET', url: url(`/tickets/${first.trackingCode}`) })).json();
    expect(view.nextTicket?.serviceName).toMatch(/SKCK/);
    const next = await post(`/counters/${sc.id}/call-next`, undefined, polres);
    expect(next.json().visitId).toBe(v.json().visitId);
  });

  it('transfers to another counter and returns afterwards', async () => {
    const [kc] = await countersOf(ktp);
    const [sc] = await countersOf(skck);
    await drain(kc.id, officer);
    await drain(sc.id, polres);
    const tk = (await issue(ktp)).json();
    await post(`/counters/${kc.id}/call-next`, undefined, officer);
    const moved = await post(
      `/tickets/${tk.id}/transfer`,
      { serviceId: skck, counterId: sc.id, returnToCounter: true },
      officer,
    );
    expect(moved.json()).toMatchObject({ status: 'waiting', serviceId: skck });
    const atSkck = await post(`/counters/${sc.id}/call-next`, undefined, polres);
    expect(atSkck.json().id).toBe(tk.id);
    await post(`/tickets/${tk.id}/finish`, { outcome: 'done' }, polres);
    const back = await post(`/counters/${kc.id}/call-next`, undefined, officer);
    expect(back.json()).toMatchObject({ id: tk.id, serviceId: ktp });
  });

  it('refuses tickets outside opening hours, on holidays, after the cut-off and beyond the quota', async () => {
    const days = [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      opens: '08:00',
      closes: '15:00',
      breaks: weekday === 5 ? [{ start: '11:30', end: '13:00', label: 'Istirahat salat Jumat' }] : [],
    }));
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: url('/opening-hours'),
          headers: bearer(admin),
          payload: { days },
        })
      ).statusCode,
    ).toBe(200);
    t.setNow(new Date('2026-11-23T09:00:00Z')); // 16:00 WIB
    expect((await issue(ktp)).json().error.code).toBe('OUTSIDE_OPENING_HOURS');
    t.setNow(new Date('2026-11-27T05:00:00Z')); // Friday 12:00 WIB, prayer break
    expect((await issue(ktp)).json().error.code).toBe('OUTSIDE_OPENING_HOURS');
    t.setNow(new Date('2026-11-28T03:00:00Z')); // Saturday
    expect((await issue(ktp)).json().error.code).toBe('MALL_CLOSED');
    admin = await t.login('admin'); // sessions last 12 hours; the clock moved days ahead
    const hol = await t.app.inject({
      method: 'POST',
      url: url('/holidays'),
      headers: bearer(admin),
      payload: { date: '2026-11-24', name: 'Libur daerah' },
    });
    expect(hol.statusCode).toBe(201);
    t.setNow(new Date('2026-11-24T03:00:00Z'));
    expect((await issue(ktp)).json().error.code).toBe('MALL_CLOSED');
    t.setNow(new Date('2026-11-25T03:00:00Z')); // Wednesday 10:00 WIB: a new day restarts numbering
    const first = (await issue(skck)).json();
    expect(first.number).toMatch(/-001$/);
    await t.app.inject({
      method: 'PATCH',
      url: url(`/services/${skck}`),
      headers: bearer(admin),
      payload: { dailyQuota: 2, issueCutoff: '14:00' },
    });
    expect((await issue(skck)).statusCode).toBe(201);
    const full = await issue(skck);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('QUOTA_EXHAUSTED');
    await t.app.inject({
      method: 'PATCH',
      url: url(`/services/${skck}`),
      headers: bearer(admin),
      payload: { dailyQuota: null },
    });
    t.setNow(new Date('2026-11-25T07:30:00Z')); // 14:30 WIB
    expect((await issue(skck)).json().error.code).toBe('AFTER_CUTOFF');
  });
});
