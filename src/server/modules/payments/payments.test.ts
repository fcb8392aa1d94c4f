import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

describe.each(dialects())('payments on %s', (dialect) => {
  let t: TestMall;
  let officer: string;
  let admin: string;
  let skck: { id: number; feeAmount: number };
  let reqs: string[];
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10 });
    officer = await t.login('petugas-polres');
    admin = await t.login('admin');
    const services = (await get('/services?limit=500')).json().items;
    skck = services.find((s: { name: string }) => s.name === 'Penerbitan SKCK baru');
    reqs = (await get(`/services/${skck.id}`)).json().standard.requirements;
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const get = (p: string, token?: string) =>
    t.app.inject({ method: 'GET', url: url(p), headers: token ? bearer(token) : {} });
  const post = (p: string, payload: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: url(p),
      payload: payload as object,
      headers: token ? bearer(token) : {},
    });
  const fileOne = async () => {
    const r = await post(
      '/applications',
      {
        serviceId: skck.id,
        applicant: { name: 'Budi Uji', nik: '3204010101900001', phone: '081234567890' },
        checklist: reqs.map((requirement) => ({ requirement, present: true })),
      },
      officer,
    );
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: number; feeAmount: number; dueAt: string };
  };

  it('takes exactly the standard’s fee once, with gapless receipts and corrections as new entries', async () => {
    const a = await fileOne();
    expect(a.feeAmount).toBe(30000);
    // SKCK: 15 minutes.
    expect(a.dueAt).toBe('2026-11-23T03:15:00.000Z');
    expect(
      (await post(`/applications/${a.id}/payments`, { method: 'cash', amount: 1000 }, officer)).statusCode,
    ).toBe(400);
    const paid = await post(`/applications/${a.id}/payments`, { method: 'cash' }, officer);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      amount: 30000,
      receiptNumber: `${t.slug.toUpperCase()}/2026/000001`,
    });
    expect((await post(`/applications/${a.id}/payments`, { method: 'qris' }, officer)).statusCode).toBe(409);
    const fix = `/applications/${a.id}/payments/${paid.json().id}/corrections`;
    expect((await post(fix, { kind: 'void', reason: 'salah loket' }, officer)).statusCode).toBe(403);
    expect((await post(fix, { kind: 'void', reason: 'salah', amount: 5 }, admin)).statusCode).toBe(400);
    const voided = await post(fix, { kind: 'void', reason: 'salah metode' }, admin);
    expect(voided.json()).toMatchObject({
      kind: 'void',
      amount: 30000,
      correctsReceipt: paid.json().receiptNumber,
    });
    expect((await post(fix, { kind: 'refund', reason: 'lagi' }, admin)).statusCode).toBe(409);
    const again = await post(
      `/applications/${a.id}/payments`,
      { method: 'qris', reference: 'QR-1' },
      officer,
    );
    expect(again.json().receiptNumber).toBe(`${t.slug.toUpperCase()}/2026/000003`);
    const receipt = (await get(`/payments/${again.json().id}/receipt`, officer)).json();
    expect(receipt).toMatchObject({
      amount: 30000,
      nikMasked: '3204********0001',
      counter: expect.any(String),
    });
    expect(receipt.legalBasis).toContain('PP 76/2020');
    const report = (await get('/reports/payments?date=2026-11-23', admin)).json();
    expect(report.total).toEqual({ collected: 60000, returned: 30000, net: 30000, entries: 3 });
    const csv = await get('/reports/payments.csv?date=2026-11-23', admin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toHaveLength(4);
  });

  it('numbers receipts without gaps under concurrent payments', async () => {
    const apps = await Promise.all(Array.from({ length: 6 }, fileOne));
    const paid = await Promise.all(
      apps.map((a) => post(`/applications/${a.id}/payments`, { method: 'cash' }, officer)),
    );
    expect(paid.map((p) => p.statusCode)).toEqual(paid.map(() => 201));
    const seqs = (
      await t.ctx.database.db
        .selectFrom('payments as p')
        .innerJoin('malls as m', 'm.id', 'p.mall_id')
        .select('p.receipt_seq')
        .where('m.slug', '=', t.slug)
        .orderBy('p.receipt_seq')
        .execute()
    ).map((r) => r.receipt_seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('lets no API path record an amount other than the standard’s', async () => {
    const a = await fileOne();
    // Every write route of the back office, with an amount smuggled into the body: refused.
    const writes = t.app.routeTable.filter(
      (r) => r.method !== 'GET' && /applications|payments|documents/.test(r.url) && r.url.includes(':mall'),
    );
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const r of writes) {
      const path = r.url
        .replace('/api/v1/malls/:mall', '')
        .replace(':id', String(a.id))
        .replace(':paymentId', '1');
      const res = await post(
        path,
        { method: 'cash', amount: 1, kind: 'refund', reason: 'uji', status: 'in_process' },
        admin,
      );
      expect([400, 404, 415], `${r.method} ${r.url} → ${res.statusCode}`).toContain(res.statusCode);
    }
    // And every recorded entry carries the pinned fee of its application.
    const off = await t.ctx.database.db
      .selectFrom('payments as p')
      .innerJoin('applications as a', 'a.id', 'p.application_id')
      .select(['p.id', 'p.amount', 'a.fee_amount'])
      .whereRef('p.amount', '!=', 'a.fee_amount')
      .execute();
    expect(off).toEqual([]);
  });
});
