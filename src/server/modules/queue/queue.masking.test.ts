import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, type TestMall } from '../../../../test/harness.js';

const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const NIK = '3204123456780001';
const PHONE = '+6281234567890';

/** Reasons and notes staff type are stored with NIK- and phone-like numbers masked. */
describe('free text staff type is masked before it is stored', () => {
  let t: TestMall;
  let officer: string;
  let ktp: number;
  beforeAll(async () => {
    t = await createTestMall('sqlite', { start: MONDAY_10 });
    officer = await t.login('petugas');
    const services = (await t.app.inject({ url: `/api/v1/malls/${t.slug}/services?limit=500` })).json().items;
    ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
  });
  afterAll(() => t.close());

  const post = (p: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/malls/${t.slug}${p}`, payload, headers: bearer(officer) });

  it('masks call reasons, transfer reasons and finish notes in ticket events and the audit trail', async () => {
    const counters = (await t.app.inject({ url: `/api/v1/malls/${t.slug}/counters` }))
      .json()
      .items.filter((c: { serviceIds: number[] }) => c.serviceIds.includes(ktp));
    const counterId = counters[0].id;
    const a = (await post('/tickets', { serviceId: ktp, source: 'counter' })).json();
    const called = await post(`/counters/${counterId}/call`, {
      ticketId: a.id,
      reason: `warga NIK ${NIK} sudah menunggu`,
    });
    expect(called.statusCode).toBe(200);
    expect((await post(`/tickets/${a.id}/finish`, { outcome: 'done', note: `HP ${PHONE}` })).statusCode).toBe(
      200,
    );
    const b = (await post('/tickets', { serviceId: ktp, source: 'counter' })).json();
    await post(`/counters/${counterId}/call`, { ticketId: b.id, reason: 'urutan khusus' });
    const moved = await post(`/tickets/${b.id}/transfer`, {
      counterId,
      reason: `nik ${NIK} wa 0812-3456-7890`,
    });
    expect(moved.statusCode).toBe(200);

    const db = t.ctx.database.db;
    const events = await db.selectFrom('ticket_events').select('data').execute();
    const audit = await db.selectFrom('audit_log').select(['before', 'after']).execute();
    const stored = JSON.stringify([events, audit]);
    expect(stored).toContain('3204********0001');
    expect(stored).toContain('+62812****7890');
    expect(stored).toContain('0812-****-7890');
    for (const plain of [NIK, PHONE, '3456-7890']) expect(stored).not.toContain(plain);
  });
});
