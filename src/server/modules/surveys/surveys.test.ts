import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB (the demo mall is open).
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const DAY = '2026-11-23';
const ALL = (score: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, score]));

describe.each(dialects())('satisfaction survey (SKM) on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let services: { id: number; name: string; agencyId: number; servedAtMall: boolean }[];
  let ktp: number;
  let skck: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10, alwaysOpen: true });
    admin = await t.login('admin');
    services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json().items;
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    skck = services.find((s) => s.name === 'Penerbitan SKCK baru')!.id;
  });
  afterAll(() => t.close());

  function url(p: string) {
    return `/api/v1/malls/${t.slug}${p}`;
  }
  const req = (method: 'GET' | 'POST' | 'PUT', p: string, token?: string, payload?: object) =>
    t.app.inject({ method, url: p, headers: token ? bearer(token) : {}, payload });
  const answer = (payload: object) => req('POST', url('/surveys'), undefined, payload);
  const report = async (query: string, token = admin) => {
    const res = await req('GET', url(`/reports/skm?${query}`), token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Issues a kiosk ticket and serves it to the end at a counter of its service. */
  const finishedTicket = async (serviceId: number) => {
    const tk = (await t.issueKioskTicket(serviceId)).json();
    const counter = (await req('GET', url('/counters')))
      .json()
      .items.find((c: { serviceIds: number[] }) => c.serviceIds.includes(serviceId));
    for (;;) {
      const called = await req('POST', url(`/counters/${counter.id}/call-next`), admin);
      expect(called.statusCode, called.body).toBe(200);
      await req('POST', url(`/tickets/${called.json().id}/finish`), admin, { outcome: 'done' });
      if (called.json().id === tk.id) return tk as { id: number; trackingCode: string; number: string };
    }
  };

  it('answers the sample size by Krejcie–Morgan', async () => {
    for (const [n, s] of [
      [100, 80],
      [1000, 278],
      [10000, 370],
      [1000000, 384],
      [0, 0],
    ]) {
      const res = await req('GET', `/api/v1/surveys/sample-size?population=${n}`);
      expect(res.json()).toEqual({ population: n, required: s });
    }
    expect((await req('GET', '/api/v1/surveys/sample-size?population=-1')).statusCode).toBe(400);
    expect((await req('GET', '/api/v1/surveys/sample-size')).statusCode).toBe(400);
  });

  it('serves the regulation’s nine elements at 1/9 until the mall sets its own', async () => {
    const res = (await req('GET', url('/surveys/elements'))).json();
    expect(res.customised).toBe(false);
    expect(res.elements.map((e: { code: string }) => e.code)).toEqual(Object.keys(ALL(4)));
    expect(res.elements[0]).toMatchObject({ name: 'Persyaratan', weight: '1/9' });
    expect(res.elements[8].name).toBe('Penanganan Pengaduan, Saran dan Masukan');
    expect(res.elements[3].options).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
  });

  it('one questionnaire with every answer 4 gives IKM 100.00, A', async () => {
    expect((await report(`from=${DAY}&to=${DAY}&serviceId=${skck}`)).respondents).toBe(0);
    const res = await answer({ serviceId: skck, answers: ALL(4) });
    expect(res.statusCode, res.body).toBe(201);
    const r = await report(`from=${DAY}&to=${DAY}&serviceId=${skck}`);
    expect(r).toMatchObject({ respondents: 1, ikm: 100, grade: 'A', label: 'Sangat Baik', skm: 4 });
    expect(r.elements[0]).toMatchObject({
      code: 'U1',
      name: 'Persyaratan',
      nrr: 4,
      answered: 1,
      weight: '1/9',
    });
    expect(r.legacy).toMatchObject({ ikm: 99.9, grade: 'A' });
    const audit = (
      await req('GET', url(`/audit?entity=survey_response&entityId=${res.json().id}`), admin)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['survey.answer']);
  });

  it('refuses scores outside 1–4, unknown elements, empty answers and unknown services', async () => {
    for (const answers of [{ U1: 5 }, { U1: 0 }, { U1: 2.5 }, { U10: 3 }, {}, { u1: 3 }]) {
      const res = await answer({ serviceId: ktp, answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
    }
    expect((await answer({ serviceId: 999999, answers: ALL(3) })).json().error.code).toBe(
      'SERVICE_NOT_FOUND',
    );
    expect((await answer({ serviceId: ktp, answers: ALL(3), nik: '3204011201900001' })).statusCode).toBe(400);
  });

  it('takes a ticket’s survey only once and only after it finished', async () => {
    const waiting = (await t.issueKioskTicket(ktp)).json();
    const early = await answer({ serviceId: ktp, ticketTrackingCode: waiting.trackingCode, answers: ALL(3) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TICKET_NOT_FINISHED');
    expect((await req('GET', url(`/tickets/${waiting.trackingCode}/survey`))).json().state).toBe(
      'not_finished',
    );
    const tk = await finishedTicket(ktp);
    const state = (await req('GET', url(`/tickets/${tk.trackingCode.toLowerCase()}/survey`))).json();
    expect(state).toMatchObject({ state: 'open', serviceId: ktp, number: tk.number });
    const wrong = await answer({ serviceId: skck, ticketTrackingCode: tk.trackingCode, answers: ALL(3) });
    expect(wrong.statusCode).toBe(422);
    // Two tablets sending at once: one is taken, the other told it was answered.
    const both = await Promise.all(
      [3, 2].map((s) => answer({ serviceId: ktp, ticketTrackingCode: tk.trackingCode, answers: ALL(s) })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect((await req('GET', url(`/tickets/${tk.trackingCode}/survey`))).json().state).toBe('answered');
    const row = await t.ctx.database.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('ticket_id', '=', tk.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'ticket', service_id: ktp, local_date: DAY });
    expect(row.counter_id).not.toBeNull();
    expect((await req('GET', url('/tickets/NOPE123/survey'))).statusCode).toBe(404);
  });

  it('reproduces a hand-computed survey: NRR to 4 decimals, IKM to 2, grade, profile, sample check', async () => {
    // A service of its own; 6 questionnaires. Per element Σ/6; U4 answered by 4 only.
    const svc = services.find(
      (s) =>
        s.servedAtMall &&
        s.id !== ktp &&
        s.id !== skck &&
        s.agencyId !== services.find((x) => x.id === ktp)!.agencyId,
    )!.id;
    const rows = [
      [4, 4, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 3, 0, 3, 3, 4, 3, 2],
      [4, 3, 2, 4, 3, 3, 3, 3, 3],
      [3, 3, 3, 0, 4, 4, 4, 4, 3],
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [2, 3, 2, 3, 3, 3, 3, 2, 2],
    ];
    const profiles = [
      { sex: 'female', ageBand: '30_39', education: 's1', occupation: 'pns' },
      { sex: 'male', ageBand: '20_29', education: 'sma', occupation: 'swasta' },
      { sex: 'female', ageBand: '20_29', education: 'sma' },
      {},
      { sex: 'male' },
      { sex: 'female', occupation: 'wirausaha' },
    ];
    for (const [i, scores] of rows.entries()) {
      const answers = Object.fromEntries(scores.flatMap((s, j) => (s ? [[`U${j + 1}`, s]] : [])));
      const res = await answer({
        serviceId: svc,
        answers,
        respondent: profiles[i],
        channel: 'counter',
        suggestion: i === 0 ? 'Tambah kursi; hubungi 081234567890' : undefined,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const r = await report(`from=${DAY}&to=${DAY}&serviceId=${svc}&population=100`);
    // Σ per element: 20 20 17 15(4) 20 21 22 19 17 → NRR 3.3333 3.3333 2.8333 3.75 3.3333 3.5 3.6667 3.1667 2.8333
    expect(r.elements.map((e: { nrr: number }) => e.nrr)).toEqual([
      3.3333, 3.3333, 2.8333, 3.75, 3.3333, 3.5, 3.6667, 3.1667, 2.8333,
    ]);
    expect(r.elements[3]).toMatchObject({ sum: 15, answered: 4 });
    // Σ NRR = 29.75 exactly (20+20+17+20+21+22+19+17 = 156 over 6, plus 3.75) → SKM 3.30555… → IKM 82.638… → 82.64 B
    expect(r).toMatchObject({ respondents: 6, skm: 3.3056, ikm: 82.64, grade: 'B', label: 'Baik' });
    expect(r.sample).toMatchObject({
      population: 100,
      populationSource: 'given',
      required: 80,
      sufficient: false,
    });
    expect(r.profile.sex).toEqual([
      { value: 'female', count: 3 },
      { value: 'male', count: 2 },
      { value: 'unknown', count: 1 },
    ]);
    expect(r.improvements.map((x: { code: string }) => x.code)).toEqual(['U3', 'U9', 'U8']);
    expect(r.suggestions).toEqual([expect.objectContaining({ text: 'Tambah kursi; hubungi 0812****7890' })]);
    // The mall's report counts every service; the population defaults to finished tickets of the day before.
    const mall = await report(`from=${DAY}&to=${DAY}`);
    expect(mall.respondents).toBeGreaterThanOrEqual(8);
    expect(mall.sample).toMatchObject({
      populationSource: 'previous_period_tickets',
      previousFrom: '2026-11-22',
      previousTo: '2026-11-22',
    });
    expect(mall.byService.find((s: { serviceId: number }) => s.serviceId === svc)).toMatchObject({
      respondents: 6,
      ikm: 82.64,
      grade: 'B',
    });
  });

  it('confines agency admins to their agency and keeps reports from citizens, officers and other malls', async () => {
    const agencyAdmin = await t.login('dukcapil-admin');
    const me = (await req('GET', '/api/v1/auth/me', agencyAdmin)).json();
    const own = await report(`from=${DAY}&to=${DAY}`, agencyAdmin);
    expect(own.agencyId).toBe(me.agencyId);
    expect(own.byService.every((s: { agencyId: number }) => s.agencyId === me.agencyId)).toBe(true);
    const skckAgency = services.find((s) => s.id === skck)!.agencyId;
    for (const q of [`serviceId=${skck}`, `agencyId=${skckAgency}`]) {
      expect((await req('GET', url(`/reports/skm?from=${DAY}&to=${DAY}&${q}`), agencyAdmin)).statusCode).toBe(
        403,
      );
    }
    expect((await req('GET', url(`/reports/skm?from=${DAY}&to=${DAY}`))).statusCode).toBe(401);
    expect(
      (await req('GET', url(`/reports/skm?from=${DAY}&to=${DAY}`), await t.login('petugas'))).statusCode,
    ).toBe(403);
    expect((await req('GET', url(`/reports/skm?from=${DAY}&to=2026-11-20`), admin)).statusCode).toBe(400);
    expect((await req('GET', url(`/reports/skm?from=2025-01-01&to=${DAY}`), admin)).statusCode).toBe(400);
  });

  it('exports the printable report as PDF and XLSX', async () => {
    const q = `from=${DAY}&to=${DAY}&serviceId=${skck}`;
    const pdf = await req('GET', url(`/reports/skm.pdf?${q}`), admin);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skm-'));
    fs.writeFileSync(path.join(dir, 'r.pdf'), pdf.rawPayload);
    let text = '';
    try {
      text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    } catch {
      text = ''; // poppler-utils missing: the bytes were checked above
    }
    if (text) {
      expect(text).toContain('LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT');
      expect(text).toContain('Persyaratan');
      expect(text).toMatch(/IKM \(25–100\): 100,00/);
      expect(text).toContain('Mutu pelayanan: A (Sangat Baik)');
    }
    const xlsx = await req('GET', url(`/reports/skm.xlsx?${q}`), admin);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`skm-${t.slug}-layanan-${skck}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('SKM')!;
    const cells = ws
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(cells).toContain('Persyaratan');
    expect(cells).toContain(100);
    expect(cells).toContain('A (Sangat Baik)');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SKM', 'Per layanan', 'Profil responden', 'Saran']);
    expect((await req('GET', url(`/reports/skm.pdf?${q}`), await t.login('petugas'))).statusCode).toBe(403);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes paper questionnaires in batches from staff and reproduces a tally of answers per element', async () => {
    // How published reports list the answers: per element, how many chose 1, 2, 3 and 4 (n = 150).
    const tally = [
      [0, 10, 90, 50],
      [2, 8, 85, 55],
      [5, 20, 80, 45],
      [0, 0, 30, 120],
      [1, 9, 95, 45],
      [0, 5, 88, 57],
      [0, 3, 80, 67],
      [3, 15, 92, 40],
      [4, 12, 100, 34],
    ];
    const columns = tally.map((counts) => counts.flatMap((n, k) => Array<number>(n).fill(k + 1)));
    const questionnaires = Array.from({ length: 150 }, (_, i) => ({
      answers: Object.fromEntries(columns.map((col, j) => [`U${j + 1}`, col[i]!])),
    }));
    const svc = services.find((s) => s.servedAtMall && s.name.includes('Akta'))!;
    const own = (await req('GET', '/api/v1/auth/me', await t.login('dukcapil-admin'))).json().agencyId;
    const body = { serviceId: svc.id, answeredOn: '2026-11-20', questionnaires };
    expect((await req('POST', url('/surveys/batch'), undefined, body)).statusCode).toBe(401);
    expect((await req('POST', url('/surveys/batch'), await t.login('petugas'), body)).statusCode).toBe(403);
    const other = services.find((s) => s.agencyId !== own)!.id;
    expect(
      (
        await req('POST', url('/surveys/batch'), await t.login('dukcapil-admin'), {
          ...body,
          serviceId: other,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await req('POST', url('/surveys/batch'), admin, { ...body, answeredOn: '2026-11-24' })).json().error
        .code,
    ).toBe('VALIDATION_FAILED');
    const bad = await req('POST', url('/surveys/batch'), admin, {
      ...body,
      questionnaires: [...questionnaires.slice(0, 3), { answers: { U1: 4, X9: 2 } }],
    });
    expect(bad.statusCode).toBe(400);
    const res = await req(
      'POST',
      url('/surveys/batch'),
      svc.agencyId === own ? await t.login('dukcapil-admin') : admin,
      body,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 150, serviceId: svc.id, answeredOn: '2026-11-20' });
    const r = await report(`from=2026-11-20&to=2026-11-20&serviceId=${svc.id}`);
    // Σ 490 493 465 570 484 502 514 469 464 = 4451 over 9 × 150 → 82.4259… → 82.43, B
    expect(r.elements.map((e: { nrr: number }) => e.nrr)).toEqual([
      3.2667, 3.2867, 3.1, 3.8, 3.2267, 3.3467, 3.4267, 3.1267, 3.0933,
    ]);
    expect(r).toMatchObject({ respondents: 150, ikm: 82.43, grade: 'B' });
    expect((await report(`from=${DAY}&to=${DAY}&serviceId=${svc.id}`)).respondents).toBe(0);
  });

  it('lets the mall admin reweight its elements, exactly summing to 1, and reports with them', async () => {
    const nine = (w: (i: number) => string | number) =>
      Array.from({ length: 9 }, (_, i) => ({ code: `U${i + 1}`, name: `Unsur ${i + 1}`, weight: w(i) }));
    const bad = await req('PUT', url('/surveys/elements'), admin, { elements: nine(() => '0.111') });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('SURVEY_WEIGHTS_INVALID');
    const dup = await req('PUT', url('/surveys/elements'), admin, {
      elements: [
        { code: 'U1', name: 'a', weight: 0.5 },
        { code: 'U1', name: 'b', weight: 0.5 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect(
      (
        await req('PUT', url('/surveys/elements'), await t.login('dukcapil-admin'), {
          elements: nine(() => '1/9'),
        })
      ).statusCode,
    ).toBe(403);
    const ok = await req('PUT', url('/surveys/elements'), admin, {
      elements: nine((i) => (i === 0 ? 0.2 : '0.1')),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().elements[0]).toMatchObject({
      weight: '1/5',
      question: expect.stringContaining('persyaratan'),
    });
    expect(ok.json().elements[1].weight).toBe('1/10');
    // U1 all 4, the rest 2, on a service of its own: 0.2 × 4 + 0.8 × 2 = 2.4 → 60.00, D
    const svc = services.find((s) => s.servedAtMall && s.name.includes('SIM'))!.id;
    expect((await answer({ serviceId: svc, answers: { ...ALL(2), U1: 4 } })).statusCode).toBe(201);
    expect(await report(`from=${DAY}&to=${DAY}&serviceId=${svc}`)).toMatchObject({ ikm: 60, grade: 'D' });
    const audit = (await req('GET', url('/audit?action=survey.elements.update'), admin)).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(1);
    // Back to the regulation's nine for the rest of the mall's life
    const back = await req('PUT', url('/surveys/elements'), admin, {
      elements: nine(() => '1/9').map((e, i) => ({ ...e, name: ['Persyaratan'][i] ?? e.name })),
    });
    expect(back.statusCode).toBe(200);
  });
});
