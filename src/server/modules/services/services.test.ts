import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

describe.each(dialects())('catalog on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());
  const get = (url: string, token?: string) =>
    t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });

  it('lists agencies and 40+ services of the seeded mall', async () => {
    const agencies = (await get(`/api/v1/malls/${t.slug}/agencies`)).json();
    expect(agencies.items.length).toBeGreaterThanOrEqual(12);
    expect(agencies.items.every((a: { hotline: string | null }) => a.hotline)).toBe(true);
    const services = (await get(`/api/v1/malls/${t.slug}/services?limit=500`)).json();
    expect(services.total).toBeGreaterThanOrEqual(40);
  });

  it.each(['skck', 'SKCK', 'sim', 'ktp', 'kk', 'npwp', 'pbg', 'Kartu Keluarga', 'paspor'])(
    'finds "%s"',
    async (q) => {
      const res = (await get(`/api/v1/malls/${t.slug}/services?q=${encodeURIComponent(q)}`)).json();
      expect(res.items.length).toBeGreaterThan(0);
    },
  );

  it('filters by kind and agency', async () => {
    const lic = (await get(`/api/v1/malls/${t.slug}/services?kind=licensing&limit=500`)).json();
    expect(lic.items.every((s: { kind: string }) => s.kind === 'licensing')).toBe(true);
    const agencyId = lic.items[0].agencyId;
    const byAgency = (await get(`/api/v1/malls/${t.slug}/services?agencyId=${agencyId}&limit=500`)).json();
    expect(byAgency.items.every((s: { agencyId: number }) => s.agencyId === agencyId)).toBe(true);
  });

  it('shows the six published components, the agency hotline, and where to go for services not at the mall', async () => {
    const list = (await get(`/api/v1/malls/${t.slug}/services?limit=500`)).json();
    const served = list.items.find((s: { servedAtMall: boolean }) => s.servedAtMall);
    const detail = (await get(`/api/v1/malls/${t.slug}/services/${served.id}`)).json();
    for (const k of ['requirements', 'procedure', 'completionTime', 'fee', 'product', 'complaintHandling']) {
      expect(detail.standard).toHaveProperty(k);
    }
    expect(detail.standard.fee.legalBasis.length).toBeGreaterThan(5);
    expect(detail.agency.hotline).toBeTruthy();
    const pupr = list.items.filter((s: { agencyName: string }) => s.agencyName.includes('Pekerjaan Umum'));
    expect(pupr).toHaveLength(7);
    expect(pupr.filter((s: { servedAtMall: boolean }) => s.servedAtMall)).toHaveLength(3);
    const elsewhere = pupr.find((s: { servedAtMall: boolean }) => !s.servedAtMall);
    expect(elsewhere.bookable).toBe(false);
    expect(elsewhere.notServedNote).toMatch(/kantor/);
  });

  it('keeps completion times and fees as the standard states them (24 jam; per lembar plus leges)', async () => {
    const list = (await get(`/api/v1/malls/${t.slug}/services?limit=500`)).json();
    const times = list.items.map(
      (s: { completionTime: { unit: string; value: number } }) => s.completionTime,
    );
    expect(times).toContainEqual({ value: 24, unit: 'hours' });
    expect(times).not.toContainEqual({ value: 1440, unit: 'minutes' });
    const copy = list.items.find((s: { name: string }) => s.name === 'Permohonan salinan putusan/penetapan');
    expect(copy.fee).toEqual({
      amount: 500,
      unit: 'per_sheet',
      components: [{ label: 'Leges', amount: 10000, unit: 'per_decision' }],
    });
    const detail = (await get(`/api/v1/malls/${t.slug}/services/${copy.id}`)).json();
    expect(detail.standard.fee).toMatchObject({ amount: 500, unit: 'per_sheet' });
  });

  it('says a service is full for today before anyone tries (quotaFull), and the issue answers QUOTA_EXHAUSTED', async () => {
    const list = (await get(`/api/v1/malls/${t.slug}/services?q=kk`)).json();
    const svc = list.items.find((s: { servedAtMall: boolean }) => s.servedAtMall);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${t.slug}/services/${svc.id}`,
      headers: bearer(admin),
      payload: { dailyQuota: 1 },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().quotaFull).toBe(false);
    expect((await t.issueKioskTicket(svc.id)).statusCode).toBe(201);
    expect((await get(`/api/v1/malls/${t.slug}/services/${svc.id}`)).json().quotaFull).toBe(true);
    const again = (await get(`/api/v1/malls/${t.slug}/services?q=kk`)).json();
    expect(again.items.find((s: { id: number }) => s.id === svc.id).quotaFull).toBe(true);
    const refused = await t.issueKioskTicket(svc.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('QUOTA_EXHAUSTED');
  });

  it('versions a changed standard and keeps the old one readable', async () => {
    const list = (await get(`/api/v1/malls/${t.slug}/services?q=skck`)).json();
    const id = list.items[0].id;
    const history0 = (await get(`/api/v1/malls/${t.slug}/services/${id}/standards`, admin)).json();
    const body = {
      ...history0.items[0].body,
      fee: { amount: 35000, legalBasis: 'PP 76/2020 (contoh perubahan)' },
    };
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/malls/${t.slug}/services/${id}`,
      headers: bearer(admin),
      payload: { standard: body },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().standard.fee.amount).toBe(35000);
    expect(res.json().standard.version).toBe(2);
    const history = (await get(`/api/v1/malls/${t.slug}/services/${id}/standards`, admin)).json();
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.items[1].validTo).not.toBeNull();
    expect(history.items[1].body.fee.amount).toBe(history0.items[0].body.fee.amount);
  });

  it('creates an agency and a service, and refuses anonymous writes', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/agencies`,
      payload: { key: 'pln', name: 'PLN', type: 'state_enterprise' },
    });
    expect(anon.statusCode).toBe(401);
    const a = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/agencies`,
      headers: bearer(admin),
      payload: {
        key: 'pln',
        name: 'PT PLN (Persero) UP3',
        type: 'state_enterprise',
        agreementStatus: 'invited',
        hotline: '123',
      },
    });
    expect(a.statusCode).toBe(201);
    const s = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/services`,
      headers: bearer(admin),
      payload: {
        agencyId: a.json().id,
        name: 'Pasang baru listrik',
        kind: 'non_licensing',
        keywords: ['listrik', 'pln'],
        standard: {
          requirements: ['KTP'],
          procedure: ['Mengisi formulir', 'Membayar biaya penyambungan'],
          completionTime: { value: 5, unit: 'working_days' },
          fee: { amount: null, legalBasis: 'Permen ESDM 8/2023' },
          product: 'Sambungan listrik',
          complaintHandling: 'Contact center PLN 123',
        },
      },
    });
    expect(s.statusCode).toBe(201);
    expect(s.json().queuePrefix).toMatch(/^[A-Z]{1,2}$/);
    const found = (await get(`/api/v1/malls/${t.slug}/services?q=listrik`)).json();
    expect(found.items.map((x: { id: number }) => x.id)).toContain(s.json().id);
  });

  it('answers unknown malls and services with coded 404s and bad input with 400', async () => {
    const m = await get('/api/v1/malls/no-such-mall');
    expect(m.statusCode).toBe(404);
    expect(m.json().error.code).toBe('MALL_NOT_FOUND');
    expect((await get(`/api/v1/malls/${t.slug}/services/999999`)).json().error.code).toBe(
      'SERVICE_NOT_FOUND',
    );
    const bad = await get(`/api/v1/malls/${t.slug}/services/${'x'.repeat(300)}`);
    expect([400, 404]).toContain(bad.statusCode);
    expect(bad.json().error.requestId).toBeTruthy();
    const kind = await get(`/api/v1/malls/${t.slug}/services?kind=other`);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.code).toBe('VALIDATION_FAILED');
  });
});
