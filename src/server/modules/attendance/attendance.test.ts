import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { tallyOfficerWork } from './officer-work.js';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+07:00`); // a Monday, WIB

describe.each(dialects())('officers at the counters on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  let ktp: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: at('08:00') });
    admin = await t.login('admin');
    officer = await t.login('petugas');
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json()
      .items as {
      id: number;
      name: string;
    }[];
    ktp = services.find((s) => s.name.startsWith('Penerbitan KTP-el baru'))!.id;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    counterId = counters.find((c) => c.serviceIds.includes(ktp))!.id;
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const call = (when: Date, method: 'GET' | 'POST', p: string, token: string, payload?: object) => {
    t.setNow(when);
    return t.app.inject({ method, url: url(p), headers: bearer(token), payload });
  };
  const ok = async (when: Date, method: 'GET' | 'POST', p: string, token: string, payload?: object) => {
    const res = await call(when, method, p, token, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  it('tallies an officer’s morning: signed in, idle while a citizen waited, calling, serving', async () => {
    const session = await ok(at('09:00'), 'POST', `/counters/${counterId}/sign-in`, officer);
    expect(session).toMatchObject({ counterId, endedAt: null, localDate: '2026-11-23' });
    expect((await ok(at('09:01'), 'POST', `/counters/${counterId}/sign-in`, officer)).id).toBe(session.id);
    // Another operator (the mall admin) cannot take the counter while the officer is there.
    const taken = await call(at('09:02'), 'POST', `/counters/${counterId}/sign-in`, admin);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('COUNTER_OCCUPIED');

    t.setNow(at('09:05'));
    expect((await t.issueKioskTicket(ktp)).statusCode).toBe(201);
    const called = await ok(at('09:10'), 'POST', `/counters/${counterId}/call-next`, officer);
    await ok(at('09:12'), 'POST', `/tickets/${called.id}/start`, officer);
    await ok(at('09:20'), 'POST', `/tickets/${called.id}/finish`, officer, { outcome: 'done' });
    const out = await ok(at('09:30'), 'POST', `/counters/${counterId}/sign-out`, officer);
    expect(out).toMatchObject({ id: session.id, endReason: 'signed_out' });
    expect(
      (await call(at('09:31'), 'POST', `/counters/${counterId}/sign-out`, officer)).json().error.code,
    ).toBe('NOT_SIGNED_IN');

    admin = await t.login('admin');
    const work = await ok(at('10:00'), 'GET', '/reports/officers?from=2026-11-23&to=2026-11-23', admin);
    expect(work.items).toEqual([
      expect.objectContaining({
        counterId,
        signedInMinutes: 30,
        idleWhileWaitingMinutes: 5,
        calledNotStartedMinutes: 2,
        servingMinutes: 8,
        served: 1,
      }),
    ]);
    const day = await ok(at('10:00'), 'GET', '/attendance?date=2026-11-23', admin);
    expect(day.items).toHaveLength(1);
    expect(day.items[0]).toMatchObject({ minutes: 30, lastOut: at('09:30').toISOString() });
    // Officers do not read the mall's attendance; another agency's admin sees none of this agency's.
    expect((await call(at('10:00'), 'GET', '/attendance?date=2026-11-23', officer)).statusCode).toBe(403);
    const auditor = await t.login('auditor');
    expect((await ok(at('10:00'), 'GET', '/attendance?date=2026-11-23', auditor)).items).toHaveLength(1);
  });

  it('a break needs the mall admin’s approval, and the board shows its reason', async () => {
    officer = await t.login('petugas');
    const asked = await ok(at('11:00'), 'POST', `/counters/${counterId}/requests`, officer, {
      kind: 'break',
      reason: 'Istirahat sholat Zuhur',
      minutes: 30,
    });
    expect(asked).toMatchObject({ status: 'pending', kind: 'break', counterId });
    const again = await call(at('11:01'), 'POST', `/counters/${counterId}/requests`, officer, {
      kind: 'closure',
      reason: 'Gangguan jaringan',
    });
    expect(again.json().error.code).toBe('REQUEST_PENDING');
    expect(
      (await call(at('11:02'), 'POST', `/counter-requests/${asked.id}/decision`, officer, { approve: true }))
        .statusCode,
    ).toBe(403);
    admin = await t.login('admin');
    const pending = await ok(at('11:03'), 'GET', '/counter-requests?status=pending', admin);
    expect(pending.items.map((r: { id: number }) => r.id)).toEqual([asked.id]);
    const decided = await ok(at('11:05'), 'POST', `/counter-requests/${asked.id}/decision`, admin, {
      approve: true,
      note: 'Silakan',
    });
    expect(decided).toMatchObject({ status: 'approved', decisionNote: 'Silakan' });
    const twice = await call(at('11:06'), 'POST', `/counter-requests/${asked.id}/decision`, admin, {
      approve: false,
    });
    expect(twice.json().error.code).toBe('REQUEST_DECIDED');
    const board = await ok(at('11:07'), 'GET', '/displays/all/state', admin);
    const tile = board.counters.find((c: { id: number }) => c.id === counterId);
    expect(tile).toMatchObject({ status: 'break', statusReason: 'Istirahat sholat Zuhur' });
    // Back at the counter: open again, the reason goes.
    await ok(at('11:35'), 'POST', `/counters/${counterId}/status`, officer, { status: 'open' });
    const after = await ok(at('11:36'), 'GET', '/displays/all/state', admin);
    expect(after.counters.find((c: { id: number }) => c.id === counterId)).toMatchObject({
      status: 'open',
      statusReason: null,
    });
  });
});

describe('officer work tally', () => {
  const ms = (hhmm: string) => at(hhmm).getTime();
  const ev = (
    ticketId: number,
    type: string,
    hhmm: string,
    counterId: number | null = null,
    serviceId = 1,
  ) => ({
    ticketId,
    serviceId,
    type,
    at: at(hhmm).toISOString(),
    counterId,
  });
  it('splits a session into serving, calling, idle-while-waiting and idle; a transfer leaves the counter', () => {
    const tally = tallyOfficerWork(
      [
        ev(1, 'issued', '08:50'), // waiting before the officer signs in
        ev(1, 'called', '09:10', 7),
        ev(1, 'started', '09:11', 7),
        ev(2, 'issued', '09:15', null, 2), // another counter's service: not this counter's line
        ev(1, 'transferred', '09:20', 7, 2),
        ev(3, 'issued', '09:40'),
        ev(3, 'called', '09:45', 7),
        ev(3, 'no_show', '09:50', 7),
      ],
      [{ userId: 5, counterId: 7, start: ms('09:00'), end: ms('10:00') }],
      new Map([[7, [1]]]),
    );
    expect([...tally.values()]).toEqual([
      {
        userId: 5,
        counterId: 7,
        signedInMs: 60 * 60_000,
        servingMs: 9 * 60_000,
        calledNotStartedMs: (1 + 5) * 60_000,
        idleWhileWaitingMs: (10 + 5) * 60_000,
        served: 0,
      },
    ]);
  });
});
