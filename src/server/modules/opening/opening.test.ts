import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

const STANDARD = {
  requirements: ['KTP'],
  procedure: ['Isi formulir'],
  completionTime: { value: 3, unit: 'working_days' },
  fee: { amount: 0, legalBasis: 'Perda' },
  product: 'Surat',
  complaintHandling: 'Hotline',
};

/** Wednesday 2 December 2026, 10:00 WIB: inside the default opening hours of a new mall. */
const WEDNESDAY_10_WIB = new Date('2026-12-02T03:00:00Z');

describe.each(dialects())('the road to opening on %s', (dialect) => {
  let t: TestMall;
  let national: string;
  const slug = `baru-${Date.now().toString(36)}-${dialect}`;
  const url = (p: string) => `/api/v1/malls/${slug}${p}`;
  const call = (method: string, path: string, payload?: unknown, token = national) =>
    t.app.inject({ method: method as 'GET', url: path, headers: bearer(token), payload: payload as object });

  beforeAll(async () => {
    t = await createTestMall(dialect, { start: WEDNESDAY_10_WIB });
    national = await t.login('national');
    const made = await call('POST', '/api/v1/malls', {
      slug,
      name: 'MPP Kabupaten Uji',
      timezone: 'Asia/Jakarta',
      address: 'Jl. Uji 1',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().status).toBe('preparing');
  });
  afterAll(() => t.close());

  it('keeps the demo and existing malls open', async () => {
    const mall = (await t.app.inject({ url: `/api/v1/malls/${t.slug}` })).json();
    expect(mall.status).toBe('open');
    // Its agencies joined with both agreements signed: they keep their counters and tickets.
    const agreements = (await call('GET', `/api/v1/malls/${t.slug}/agreements`)).json();
    expect(agreements.unsigned).toEqual([]);
    expect(
      agreements.items.every((a: { pks: { status: string } | null }) => a.pks?.status === 'signed'),
    ).toBe(true);
  });

  it('starts a new mall in preparation with a template plan and no public catalog', async () => {
    const plan = (await call('GET', url('/plan'))).json();
    expect(plan.stages.length).toBeGreaterThanOrEqual(5);
    expect(plan.total).toBeGreaterThanOrEqual(10);
    expect(plan.percent).toBe(0);
    expect(plan.stages.map((s: { name: string }) => s.name)).toContain('Soft opening');
    expect((await t.app.inject({ url: url('/services') })).json().error.code).toBe('MALL_NOT_OPEN');
    expect((await call('GET', url('/services'))).statusCode).toBe(200);
  });

  it('moves plan percentages only when actions do, dropped ones excluded', async () => {
    const plan = (await call('GET', url('/plan'))).json();
    const [a, b] = plan.stages[0].actions;
    expect(
      (await call('PATCH', url(`/plan/actions/${a.id}`), { status: 'done', evidence: 'SK 1/2026' }))
        .statusCode,
    ).toBe(200);
    const one = (await call('GET', url('/plan'))).json();
    expect(one.done).toBe(1);
    expect(one.percent).toBeCloseTo(Math.round(1000 / plan.total) / 10, 5);
    await call('PATCH', url(`/plan/actions/${b.id}`), { status: 'dropped' });
    const two = (await call('GET', url('/plan'))).json();
    expect(two.total).toBe(plan.total - 1);
    expect(two.stages[0].total).toBe(plan.stages[0].total - 1);
    const added = await call('POST', url('/plan/actions'), {
      stageId: plan.stages[0].id,
      title: 'Rapat koordinasi',
      dueDate: '2026-11-01',
      budgetPlanned: 5_000_000,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().overdue).toBe(true);
    const three = (await call('GET', url('/plan'))).json();
    expect(three.total).toBe(plan.total);
    expect(three.budget.planned).toBe(5_000_000);
    expect(three.overdue).toBeGreaterThanOrEqual(1);
  });

  it('refuses a counter and tickets for an agency without a signed PKS, until it signs or is overridden', async () => {
    const ag = (
      await call('POST', url('/agencies'), {
        key: 'dpu',
        name: 'Dinas Pekerjaan Umum',
        type: 'regency_office',
      })
    ).json();
    const refused = await call('POST', url('/counters'), { agencyId: ag.id, number: 1, name: 'Loket PU' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('AGREEMENT_REQUIRED');
    const list = (await call('GET', url('/agreements'))).json();
    expect(list.unsigned.map((u: { agencyId: number }) => u.agencyId)).toContain(ag.id);
    const doc = await t.app.inject({
      method: 'POST',
      url: url('/opening/documents'),
      headers: { ...bearer(national), 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4 signed scan'),
    });
    expect(doc.statusCode).toBe(201);
    const signed = await call('PUT', url(`/agencies/${ag.id}/agreements/pks`), {
      status: 'signed',
      date: '2026-11-16',
      signatories: [{ name: 'Bupati', role: 'Pihak pertama' }],
      documentId: doc.json().id,
    });
    expect(signed.statusCode).toBe(200);
    await call('PUT', url(`/agencies/${ag.id}/agreements/mou`), { status: 'signed', date: '2026-11-16' });
    expect(
      (await call('POST', url('/counters'), { agencyId: ag.id, number: 1, name: 'Loket PU' })).statusCode,
    ).toBe(201);
    // Another agency goes live only through a mall admin's override with a reason.
    const bpn = (
      await call('POST', url('/agencies'), { key: 'bpn', name: 'Kantor Pertanahan', type: 'vertical_agency' })
    ).json();
    await call('PUT', url(`/agencies/${bpn.id}/agreements/pks`), {
      status: 'sent',
      reason: 'Menunggu kanwil',
    });
    const unsigned = (await call('GET', url('/agreements'))).json().unsigned;
    expect(unsigned.find((u: { agencyId: number }) => u.agencyId === bpn.id).reason).toBe('Menunggu kanwil');
    expect(
      (await call('PUT', url(`/agencies/${bpn.id}/agreement-override`), { reason: 'Uji coba' })).statusCode,
    ).toBe(204);
    expect(
      (await call('POST', url('/counters'), { agencyId: bpn.id, number: 2, name: 'Loket BPN' })).statusCode,
    ).toBe(201);
    const audit = (await call('GET', url('/audit?limit=200'))).json();
    expect(JSON.stringify(audit)).toContain('agreement.override');
    // The override is withdrawn and the agency's counter stays, but the catalog is not the gate: retire it.
    await call('DELETE', url(`/agencies/${bpn.id}/agreement-override`));
    await call('PATCH', url(`/agencies/${bpn.id}`), { retired: true });
  });

  it('counts coverage from the services (3 of 7) and surfaces overdue dualism', async () => {
    const ag = (await call('GET', url('/agencies')))
      .json()
      .items.find((a: { key: string }) => a.key === 'dpu');
    const ids: number[] = [];
    for (let i = 1; i <= 7; i++) {
      const s = await call('POST', url('/services'), {
        agencyId: ag.id,
        name: `Layanan PU nomor ${i}`,
        kind: 'non_licensing',
        standard: STANDARD,
      });
      expect(s.statusCode).toBe(201);
      ids.push(s.json().id);
    }
    for (const [i, id] of ids.entries()) {
      const coverage = i < 3 ? 'full' : i < 5 ? 'intake_only' : 'not_served';
      const res = await call('PATCH', url(`/services/${id}`), { coverage, coverageReason: 'uji' });
      expect(res.statusCode).toBe(200);
      expect(res.json().servedAtMall).toBe(coverage !== 'not_served');
    }
    // A partial edit leaves the coverage as it was.
    await call('PATCH', url(`/services/${ids[3]}`), { name: 'Layanan PU nomor 4 (baru)' });
    const report = (await call('GET', url('/coverage'))).json();
    const dpu = report.agencies.find((a: { agencyId: number }) => a.agencyId === ag.id);
    expect(dpu).toMatchObject({ total: 7, full: 3, intakeOnly: 2, notServed: 2 });
    expect(report.totals.total).toBe(7);
    const d = await call('POST', url('/dualism'), {
      serviceId: ids[0],
      plan: 'Pindah penuh ke MPP',
      endDate: '2026-11-30',
    });
    expect(d.statusCode).toBe(201);
    expect(d.json().overdue).toBe(true);
    const readiness = (await call('GET', url('/readiness'))).json();
    const dual = readiness.areas
      .flatMap((a: { items: { title: string; done: boolean }[] }) => a.items)
      .find((i: { title: string }) => /dualisme/.test(i.title));
    expect(dual.done).toBe(false);
    expect((await call('PATCH', url(`/dualism/${d.json().id}`), { ended: true })).json().overdue).toBe(false);
  });

  it('refuses launch with the missing items until every readiness item is done, then issues tickets', async () => {
    const refused = await call('POST', url('/launch'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('NOT_READY');
    expect(refused.json().error.details.missing.length).toBeGreaterThan(0);
    const readiness = (await call('GET', url('/readiness'))).json();
    expect(readiness.areas.map((a: { key: string }) => a.key)).toEqual([
      'regional_head',
      'agencies',
      'facilities',
      'service_system',
      'business_system',
    ]);
    const computed = readiness.areas
      .flatMap((a: { items: { computed: boolean }[] }) => a.items)
      .filter((i: { computed: boolean }) => i.computed);
    expect(computed.every((i: { done: boolean }) => i.done)).toBe(true);
    const pending = readiness.areas
      .flatMap((a: { items: { id: number; done: boolean }[] }) => a.items)
      .filter((i: { done: boolean }) => !i.done);
    for (const i of pending)
      expect(
        (await call('PATCH', url(`/readiness/items/${i.id}`), { done: true, evidence: 'uji' })).statusCode,
      ).toBe(200);
    const summary = (await call('GET', url('/opening'))).json();
    expect(summary.stage).toBe('preparing');
    expect(summary.readiness.ready).toBe(true);
    const kiosk = await t.app.inject({
      method: 'POST',
      url: url('/devices'),
      headers: bearer(national),
      payload: { kind: 'kiosk', name: 'k' },
    });
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/devices/pair',
        payload: { code: kiosk.json().pairingCode },
      })
    ).json().token;
    const services = (await call('GET', url('/services'))).json().items;
    const full = services.find((s: { coverage: string }) => s.coverage === 'full');
    const issue = () =>
      t.app.inject({
        method: 'POST',
        url: url('/tickets'),
        headers: bearer(token),
        payload: { serviceId: full.id, source: 'kiosk' },
      });
    expect((await issue()).json().error.code).toBe('MALL_NOT_OPEN');
    const opened = await call('POST', url('/launch'));
    expect(opened.statusCode).toBe(200);
    expect(opened.json().status).toBe('open');
    expect((await issue()).statusCode).toBe(201);
    const overview = (await call('GET', '/api/v1/opening/overview')).json();
    const row = overview.items.find((i: { slug: string }) => i.slug === slug);
    expect(row).toMatchObject({ status: 'open', agreements: { signed: 1, total: 1 } });
  });
  it('ranks candidates from the consultation against the space, and a joining one becomes an agency', async () => {
    await call('PATCH', url('/opening'), { spaceCounters: 3, spaceDesks: 1, softOpeningDate: '2026-12-15' });
    const made = [];
    for (const [name, votes, counters] of [
      ['Samsat', 120, 2],
      ['Kantor Imigrasi', 80, 2],
      ['Bank Jateng', 40, 1],
    ] as const) {
      const c = await call('POST', url('/candidates'), {
        name,
        type: 'vertical_agency',
        countersNeeded: counters,
        services: [{ name: `Layanan ${name}` }],
      });
      expect(c.statusCode).toBe(201);
      const withVotes = await call('POST', url(`/candidates/${c.json().id}/inputs`), {
        forumDate: '2026-10-01',
        source: 'Forum Konsultasi Publik Kecamatan',
        votes,
        request: 'Mohon dilayani di MPP',
      });
      expect(withVotes.json().votes).toBe(votes);
      made.push(c.json());
    }
    const list = (await call('GET', url('/candidates/shortlist'))).json();
    expect(list.items.map((i: { name: string; fits: boolean }) => [i.name, i.fits])).toEqual([
      ['Samsat', true],
      ['Kantor Imigrasi', false],
      ['Bank Jateng', true],
    ]);
    const joined = await call('POST', url(`/candidates/${made[0].id}/decision`), {
      decision: 'join',
      reason: 'Suara terbanyak',
    });
    expect(joined.statusCode).toBe(200);
    const agencyId = joined.json().agencyId;
    expect(agencyId).toBeGreaterThan(0);
    const services = (await call('GET', url(`/services?agencyId=${agencyId}`))).json().items;
    expect(services.map((x: { name: string }) => x.name)).toEqual(['Layanan Samsat']);
    expect(
      (await call('POST', url(`/candidates/${made[0].id}/decision`), { decision: 'decline', reason: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('prints the progress report (PDF) and exports every list (XLSX)', async () => {
    const pdf = await call('GET', url('/opening/report.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await call('GET', url('/opening/report.xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Rencana aksi',
      'Kesiapan',
      'Perjanjian',
      'Cakupan layanan',
      'Dualisme',
      'Calon instansi',
    ]);
    expect(wb.getWorksheet('Rencana aksi')!.rowCount).toBeGreaterThan(20);
    const summary = (await call('GET', url('/opening'))).json();
    expect(summary.milestones.find((m: { key: string }) => m.key === 'soft_opening')).toMatchObject({
      date: '2026-12-15',
      daysRemaining: 13,
    });
  });
});
