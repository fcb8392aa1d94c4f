import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { runBookingJobs } from './reminders.service.js';

/**
 * Check-in, the call order of booked tickets, no-shows, same-day online tickets, reminders at a WITA
 * mall's own local times and holidays added after bookings.
 */
// 2026-11-23 is a Monday. The mall is moved to WITA (UTC+8): 08:00 WITA = 00:00 UTC.
const at = (iso: string) => new Date(iso);
const SUNDAY_NOON_WITA = at('2026-11-22T04:00:00Z');

describe.each(dialects())('booking check-in and reminders on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  let kiosk: string;
  let ktp: number;
  let counterId: number;
  let morning: number;
  let evening: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, {
      start: SUNDAY_NOON_WITA,
      env: { RATE_LIMIT_ANONYMOUS_WRITES: '1000' },
    });
    admin = await t.login('admin');
    officer = await t.login('petugas');
    kiosk = await t.kioskToken();
    const m = await req('PATCH', '', { timezone: 'Asia/Makassar' }, admin);
    expect(m.statusCode, m.body).toBe(200);
    const services = (await req('GET', '/services?limit=500')).json().items;
    ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    const counters = (await req('GET', '/counters')).json().items;
    counterId = counters.find((c: { serviceIds: number[] }) => c.serviceIds.includes(ktp)).id;
    const p = await req(
      'PATCH',
      `/services/${ktp}`,
      {
        booking: {
          sessions: [
            { start: '08:00', end: '10:00', capacity: 5 },
            { start: '18:00', end: '20:00', capacity: 5 },
          ],
          daysAhead: 7,
        },
      },
      admin,
    );
    expect(p.statusCode, p.body).toBe(200);
    [morning, evening] = p.json().booking.sessions.map((s: { id: number }) => s.id);
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const req = (method: 'GET' | 'POST' | 'PATCH', p: string, payload?: unknown, token?: string) =>
    t.app.inject({ method, url: url(p), payload: payload as object, headers: token ? bearer(token) : {} });
  const book = async (nik: string, sessionId: number, date = '2026-11-23') => {
    const r = await req('POST', '/bookings', {
      serviceId: ktp,
      date,
      sessionId,
      nik,
      name: 'Warga',
      phone: '081234567890',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: number; code: string };
  };
  const messages = (bookingId: number) =>
    t.ctx.database.db
      .selectFrom('outbox_messages')
      .select(['event', 'idempotency_key', 'created_at', 'body'])
      .where('subject_type', '=', 'booking')
      .where('subject_id', '=', bookingId)
      .orderBy('id')
      .execute();

  let early: { id: number; code: string };
  let late: { id: number; code: string };
  it('sends the confirmation, then reminders at 16:00 WITA the day before and two hours before', async () => {
    early = await book('3204011505900001', morning);
    late = await book('3204015505900002', evening);
    expect((await messages(early.id)).map((m) => m.event)).toEqual(['booking.confirmed']);
    t.setNow(at('2026-11-22T07:59:00Z')); // 15:59 WITA
    await runBookingJobs(t.ctx);
    expect(await messages(early.id)).toHaveLength(1);
    t.setNow(at('2026-11-22T08:00:00Z')); // 16:00 WITA
    await runBookingJobs(t.ctx);
    await runBookingJobs(t.ctx); // a second tick (or node) sends nothing more
    expect((await messages(early.id)).map((m) => m.event)).toEqual(['booking.confirmed', 'booking.reminder']);
    expect((await messages(late.id)).map((m) => m.event)).toEqual(['booking.confirmed', 'booking.reminder']);
    t.setNow(at('2026-11-22T22:00:00Z')); // 06:00 WITA: two hours before 08:00
    await runBookingJobs(t.ctx);
    expect((await messages(early.id)).map((m) => m.event)).toEqual([
      'booking.confirmed',
      'booking.reminder',
      'booking.soon',
    ]);
    expect((await messages(late.id)).map((m) => m.event)).toHaveLength(2);
    expect(JSON.stringify(await messages(early.id))).not.toContain('3204011505900001');
  });

  it('refuses a check-in outside the window with when it opens; a kiosk inside it gets a ticket, twice the same', async () => {
    t.setNow(at('2026-11-22T23:00:00Z')); // 07:00 WITA, 30 min is 07:30
    let r = await req('POST', `/bookings/${early.code}/check-in`, undefined, kiosk);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'CHECK_IN_WINDOW' });
    expect(r.json().error.message).toContain('07:30');
    expect((await req('POST', `/bookings/${early.code}/check-in`)).statusCode).toBe(401);
    // A walk-in before the session began, then the booked citizen, then a walk-in after it began.
    t.setNow(at('2026-11-22T23:50:00Z')); // 07:50 WITA
    const before = (await t.issueKioskTicket(ktp)).json();
    r = await req('POST', `/bookings/${early.code}/check-in`, undefined, kiosk);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      alreadyCheckedIn: false,
      ticket: { source: 'booking' },
      booking: { status: 'checked_in' },
    });
    const booked = r.json().ticket;
    officer = await t.login('petugas');
    const twice = await req('POST', `/bookings/${early.code}/check-in`, undefined, officer);
    expect(twice.json()).toMatchObject({ alreadyCheckedIn: true, ticket: { number: booked.number } });
    t.setNow(at('2026-11-23T00:05:00Z')); // 08:05 WITA
    const after = (await t.issueKioskTicket(ktp)).json();
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await req('POST', `/counters/${counterId}/call-next`, undefined, officer);
      order.push(c.json().number);
      await req('POST', `/tickets/${c.json().id}/finish`, { outcome: 'done' }, officer);
    }
    expect(order).toEqual([before.number, booked.number, after.number]);
  });

  it('marks unclaimed bookings no-shows after the window; repeated no-shows block booking', async () => {
    t.setNow(at('2026-11-23T12:16:00Z')); // 20:16 WITA: the evening window closed at 20:15
    expect((await runBookingJobs(t.ctx)).noShows).toBe(1);
    admin = await t.login('admin');
    expect((await req('GET', `/bookings/${late.code}`)).json().status).toBe('no_show');
    const r = await req('POST', `/bookings/${late.code}/check-in`, undefined, kiosk);
    expect(r.json().error.code).toBe('BOOKING_NOT_ACTIVE');
    const day = await req('GET', '/bookings?date=2026-11-23', undefined, admin);
    expect(day.json().counts).toMatchObject({ checked_in: 1, no_show: 1 });
    const csv = await req('GET', '/booking-export?date=2026-11-23', undefined, admin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('3204********0002');
    expect(csv.body).not.toContain('3204015505900002');
    // The mall's rule: one no-show in 30 days blocks online booking for 30 days.
    await t.ctx.database.db
      .updateTable('malls')
      .set({ booking_noshow_limit: 1 })
      .where('slug', '=', t.slug)
      .execute();
    const blocked = await req('POST', '/bookings', {
      serviceId: ktp,
      date: '2026-11-24',
      sessionId: evening,
      nik: '3204015505900002',
      name: 'Warga',
      phone: '081234567890',
    });
    expect(blocked.json().error.code).toBe('BOOKING_BLOCKED');
    await t.ctx.database.db
      .updateTable('malls')
      .set({ booking_noshow_limit: 3 })
      .where('slug', '=', t.slug)
      .execute();
  });

  it('flags bookings on a day that becomes a holiday and tells the citizen', async () => {
    t.setNow(at('2026-11-23T02:00:00Z'));
    admin = await t.login('admin');
    const b = await book('3204011505900003', morning, '2026-11-25');
    const h = await req('POST', '/holidays', { date: '2026-11-25', name: 'Pilkada' }, admin);
    expect(h.statusCode, h.body).toBeLessThan(300);
    expect((await req('GET', `/bookings/${b.code}`)).json().flag).toBe('holiday');
    expect((await messages(b.id)).map((m) => m.event)).toContain('booking.holiday');
  });

  it('closes a session: booked citizens are told and their places released', async () => {
    const b = await book('3204011505900004', morning, '2026-11-24');
    const r = await req(
      'POST',
      '/booking-closures',
      { serviceId: ktp, date: '2026-11-24', sessionId: morning, reason: 'Gangguan jaringan' },
      admin,
    );
    expect(r.json()).toEqual({ closed: 1, notified: 1 });
    expect((await req('GET', `/bookings/${b.code}`)).json().status).toBe('closed');
    const slots = (await req('GET', `/services/${ktp}/slots?date=2026-11-24`)).json();
    expect(slots.sessions.map((s: { id: number }) => s.id)).toEqual([evening]);
  });

  it('queues same-day online tickets with a NIK, one open per NIK; without a NIK still refused', async () => {
    const online = (nik?: string) =>
      req('POST', '/tickets', {
        serviceId: ktp,
        source: 'online',
        ...(nik ? { nik, phone: '081234567890' } : {}),
      });
    expect((await online()).json().error.code).toBe('ONLINE_QUEUE_UNAVAILABLE');
    expect((await online('1234')).json().error.code).toBe('INVALID_NIK');
    const r = await online('3204011505900009');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().source).toBe('online');
    expect((await online('3204011505900009')).json().error.code).toBe('ONLINE_TICKET_EXISTS');
  });
});
