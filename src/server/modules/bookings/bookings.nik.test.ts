import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { PROVINCE_CODES } from '../../../shared/domain/nik.js';

// 2026-11-23 is a Monday, 08:00 WIB; every booking is for Tuesday the 24th.
const MONDAY_8 = new Date('2026-11-23T01:00:00Z');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Well-formed NIKs: a real province, regency and district ≠ 00, a real birth date (women +40), serial ≠ 0000. */
const validNik = fc
  .record({
    province: fc.constantFrom(...Object.keys(PROVINCE_CODES)),
    regency: fc.integer({ min: 1, max: 99 }),
    district: fc.integer({ min: 1, max: 99 }),
    born: fc.date({
      min: new Date('1927-01-01T00:00:00Z'),
      max: new Date('2026-11-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(
    (p) =>
      `${p.province}${pad(p.regency)}${pad(p.district)}${pad(p.born.getUTCDate() + (p.female ? 40 : 0))}${pad(p.born.getUTCMonth() + 1)}${pad(p.born.getUTCFullYear() % 100)}${pad(p.serial, 4)}`,
  );

/** Each way a NIK breaks a rule of shared/domain, built from a valid one. */
const invalidNik = fc.oneof(
  validNik.chain((n) => fc.nat(15).map((i) => n.slice(0, i) + n.slice(i + 1))), // 15 digits
  validNik.map((n) => `${n}7`), // 17 digits
  validNik.chain((n) => fc.nat(15).map((i) => `${n.slice(0, i)}x${n.slice(i + 1)}`)), // a letter
  validNik.map((n) => `00${n.slice(2)}`), // no such province
  validNik.map((n) => `${n.slice(0, 2)}00${n.slice(4)}`), // regency 00
  validNik.map((n) => `${n.slice(0, 4)}00${n.slice(6)}`), // district 00
  validNik.chain((n) =>
    fc.constantFrom('00', '32', '40', '72', '99').map((d) => `${n.slice(0, 6)}${d}${n.slice(8)}`),
  ), // day
  validNik.chain((n) => fc.constantFrom('00', '13', '99').map((m) => `${n.slice(0, 8)}${m}${n.slice(10)}`)), // month
  validNik.map((n) => `${n.slice(0, 12)}0000`), // serial 0000
);

describe.each(dialects())('booking NIK rules through the API on %s (property)', (dialect) => {
  let t: TestMall;
  let serviceId: number;
  let sessionId: number;
  const seen = new Set<string>();
  beforeAll(async () => {
    // Many bookings from one test address: the per-address limit is not what this test is about.
    t = await createTestMall(dialect, { start: MONDAY_8, env: { RATE_LIMIT_BOOKINGS: '100000' } });
    const admin = await t.login('admin');
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json().items;
    serviceId = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    const r = await t.app.inject({
      method: 'PATCH',
      url: url(`/services/${serviceId}`),
      headers: bearer(admin),
      payload: { booking: { sessions: [{ start: '08:00', end: '15:00', capacity: 10_000 }], daysAhead: 14 } },
    });
    expect(r.statusCode, r.body).toBe(200);
    sessionId = r.json().booking.sessions[0].id;
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const book = (nik: string) =>
    t.app.inject({
      method: 'POST',
      url: url('/bookings'),
      payload: { serviceId, date: '2026-11-24', sessionId, nik, name: 'Warga Uji', phone: '081234567890' },
    });

  it('accepts every valid NIK, and shows it only masked', async () => {
    await fc.assert(
      fc.asyncProperty(validNik, async (nik) => {
        fc.pre(!seen.has(nik));
        seen.add(nik);
        const r = await book(nik);
        expect(r.statusCode, `${nik}: ${r.body}`).toBe(201);
        expect(r.body).not.toContain(nik);
        const read = await t.app.inject({ method: 'GET', url: url(`/bookings/${r.json().code}`) });
        expect(read.json().nikMasked).toBe(`${nik.slice(0, 4)}********${nik.slice(12)}`);
        expect(read.body).not.toContain(nik);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('refuses every invalid NIK with 400 INVALID_NIK', async () => {
    await fc.assert(
      fc.asyncProperty(invalidNik, async (nik) => {
        const r = await book(nik);
        expect(r.statusCode, `${nik}: ${r.body}`).toBe(400);
        expect(r.json().error.code).toBe('INVALID_NIK');
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
