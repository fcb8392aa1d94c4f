import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-11-23 is a Monday; 01:00 UTC is 08:00 WIB. 2026-11-28/29 are a weekend, 2026-12-25 Christmas.
const MONDAY_8 = new Date('2026-11-23T01:00:00Z');
const NIK_MAN = '3204011505900001';
const NIK_WOMAN = '3204015505900002';

describe.each(dialects())('online booking on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let ktp: number;
  let sessionIds: number[];
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_8 });
    admin = await t.login('admin');
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json().items;
    ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const req = (method: 'GET' | 'POST' | 'PATCH', p: string, payload?: unknown, token?: string) =>
    t.app.inject({ method, url: url(p), payload: payload as object, headers: token ? bearer(token) : {} });
  const book = (over: object = {}) =>
    req('POST', '/bookings', {
      serviceId: ktp,
      date: '2026-11-24',
      sessionId: sessionIds[0],
      nik: NIK_MAN,
      name: 'Warga Uji',
      phone: '0812-3456-7890',
      ...over,
    });

  it('sets sessions and the horizon by PATCH, each part alone leaving the other', async () => {
    let r = await req(
      'PATCH',
      `/services/${ktp}`,
      {
        booking: {
          sessions: [
            { start: '08:00', end: '10:00', capacity: 2 },
            { start: '10:00', end: '12:00', capacity: 5 },
          ],
          daysAhead: 14,
        },
      },
      admin,
    );
    expect(r.statusCode, r.body).toBe(200);
    sessionIds = r.json().booking.sessions.map((s: { id: number }) => s.id);
    expect(r.json().booking).toMatchObject({ daysAhead: 14 });
    r = await req('PATCH', `/services/${ktp}`, { booking: { daysAhead: 40 } }, admin);
    expect(r.json().booking.sessions.map((s: { id: number }) => s.id)).toEqual(sessionIds);
    r = await req('PATCH', `/services/${ktp}`, { name: 'Penerbitan KTP-el baru' }, admin);
    expect(r.json().booking.daysAhead).toBe(40);
    r = await req(
      'PATCH',
      `/services/${ktp}`,
      {
        booking: {
          sessions: [
            { start: '08:00', end: '10:00', capacity: 3 },
            { start: '09:00', end: '11:00', capacity: 1 },
          ],
        },
      },
      admin,
    );
    expect(r.statusCode).toBe(400);
  });

  it('answers slots in the mall zone; weekends, national holidays and mall closures have none', async () => {
    let r = await req('GET', `/services/${ktp}/slots?date=2026-11-24`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      closed: null,
      timezone: 'Asia/Jakarta',
      sessions: [
        { start: '08:00', end: '10:00', capacity: 2, remaining: 2 },
        { start: '10:00', end: '12:00', capacity: 5, remaining: 5 },
      ],
    });
    r = await req('GET', `/services/${ktp}/slots?date=2026-11-28`);
    expect(r.json()).toMatchObject({ closed: 'weekend', sessions: [] });
    r = await req('GET', `/services/${ktp}/slots?date=2026-12-25`);
    expect(r.json()).toMatchObject({ closed: 'holiday', sessions: [] });
    const h = await t.app.inject({
      method: 'POST',
      url: url('/holidays'),
      headers: bearer(admin),
      payload: { items: [{ date: '2026-11-26', name: 'Rapat kerja' }] },
    });
    expect(h.statusCode, h.body).toBeLessThan(300);
    r = await req('GET', `/services/${ktp}/slots?date=2026-11-26`);
    expect(r.json()).toMatchObject({ closed: 'mall_closure', closedName: 'Rapat kerja', sessions: [] });
    r = await req('GET', `/services/${ktp}/slots?date=2026-11-20`);
    expect(r.json().closed).toBe('past');
    r = await req('GET', `/services/${ktp}/slots?date=2027-02-20`);
    expect(r.json().closed).toBe('too_far');
  });

  it('refuses bad NIKs and phones, books, masks, and refuses a second booking of the NIK', async () => {
    for (const nik of ['320401150590001', '32040115O5900001', '9904011505900001', '3204013205900001'])
      expect((await book({ nik })).json().error.code).toBe('INVALID_NIK');
    expect((await book({ phone: '021-555-1234' })).json().error.code).toBe('INVALID_PHONE');
    const r = await book();
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    expect(b).toMatchObject({ status: 'booked', date: '2026-11-24', serviceName: 'Penerbitan KTP-el baru' });
    expect(b.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(b.qrSvg).toContain('<svg');
    const read = await req('GET', `/bookings/${b.code}`);
    expect(read.body).not.toContain(NIK_MAN);
    expect(read.json()).toMatchObject({ nikMasked: '3204********0001', phoneMasked: '+62812****7890' });
    const again = await book({ sessionId: sessionIds[1] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_BOOKED');
    // The full NIK is for admins, audited.
    const why = { reason: 'identity_check' };
    const noReason = await req('POST', `/bookings/${b.code}/nik`, {}, admin);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('ACCESS_REASON_REQUIRED');
    const nik = await req('POST', `/bookings/${b.code}/nik`, why, admin);
    expect(nik.json()).toEqual({ code: b.code, nik: NIK_MAN });
    const officer = await t.login('petugas');
    expect((await req('POST', `/bookings/${b.code}/nik`, why, officer)).statusCode).toBe(403);
    const audit = await req('GET', '/audit?limit=5', undefined, admin);
    expect(audit.body).toContain('booking.readNik');
    expect(audit.body).not.toContain(NIK_MAN);
  });

  it('fills a session and never beyond; a cancellation gives the place back', async () => {
    const r = await book({ nik: NIK_WOMAN, phone: '081298765432' });
    expect(r.statusCode, r.body).toBe(201);
    const full = await book({ nik: '3204011505900003' });
    expect(full.json().error.code).toBe('SESSION_FULL');
    expect((await req('GET', `/services/${ktp}/slots?date=2026-11-24`)).json().sessions[0].remaining).toBe(0);
    const code = r.json().code;
    expect((await req('POST', `/bookings/${code}/cancel`, { phoneLast4: '0000' })).json().error.code).toBe(
      'PHONE_MISMATCH',
    );
    const c = await req('POST', `/bookings/${code}/cancel`, { phoneLast4: '5432' });
    expect(c.json().status).toBe('cancelled');
    expect((await req('GET', `/services/${ktp}/slots?date=2026-11-24`)).json().sessions[0].remaining).toBe(1);
  });

  it('reschedules by code and phone digits', async () => {
    const r = await book({ nik: '3204011505900004', phone: '081311112222' });
    expect(r.statusCode, r.body).toBe(201);
    const moved = await req('POST', `/bookings/${r.json().code}/reschedule`, {
      phoneLast4: '2222',
      date: '2026-11-25',
      sessionId: sessionIds[1],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ date: '2026-11-25', session: { start: '10:00' } });
    expect((await req('GET', `/services/${ktp}/slots?date=2026-11-24`)).json().sessions[0].remaining).toBe(1);
  });

  it('lets exactly the capacity win when 100 book at once', async () => {
    const p = await req(
      'PATCH',
      `/services/${ktp}`,
      {
        booking: {
          sessions: [
            { start: '08:00', end: '10:00', capacity: 2 },
            { start: '10:00', end: '12:00', capacity: 5 },
            { start: '13:00', end: '14:00', capacity: 10 },
          ],
        },
      },
      admin,
    );
    const rush = p.json().booking.sessions.find((s: { start: string }) => s.start === '13:00').id;
    const niks = Array.from(
      { length: 100 },
      (_, i) =>
        `3204${String((i % 9) + 1).padStart(2, '0')}${i % 2 ? 15 : 55}0590${String(i + 100).padStart(4, '0')}`,
    );
    const answers = await Promise.all(niks.map((nik) => book({ nik, sessionId: rush, date: '2026-11-27' })));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(new Set(answers.filter((a) => a.statusCode !== 201).map((a) => a.json().error.code))).toEqual(
      new Set(['SESSION_FULL']),
    );
    const slots = (await req('GET', `/services/${ktp}/slots?date=2026-11-27`)).json();
    expect(slots.sessions.find((s: { id: number }) => s.id === rush).remaining).toBe(0);
  });
});
