import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const WEDNESDAY_10 = new Date('2026-11-25T03:00:00Z');
const NIK = '3204015505900007';
const PHONE = '081298765432';

interface Service {
  id: number;
  name: string;
  agencyId: number;
}

describe.each(dialects())('applications on %s', (dialect) => {
  let t: TestMall;
  let officer: string;
  let bo: string;
  let otherBo: string;
  let admin: string;
  let kk: Service;
  let reqs: string[];
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10 });
    officer = await t.login('petugas');
    bo = await t.login('dukcapil-bo');
    admin = await t.login('admin');
    const services: Service[] = (await get('/services?limit=500')).json().items;
    kk = services.find((s) => s.name.startsWith('Penerbitan Kartu Keluarga'))!;
    const other = services.find((s) => s.agencyId !== kk.agencyId)!;
    reqs = (await get(`/services/${kk.id}`)).json().standard.requirements;
    const made = await post(
      '/users',
      {
        username: t.user('bo-lain'),
        password: 'Str0ng-pass-123',
        role: 'back_office',
        agencyId: other.agencyId,
      },
      admin,
    );
    expect(made.statusCode, made.body).toBe(201);
    otherBo = await t.login('bo-lain', 'Str0ng-pass-123');
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const get = (p: string, token?: string) =>
    t.app.inject({
      method: 'GET',
      url: p.startsWith('/api') ? p : url(p),
      headers: token ? bearer(token) : {},
    });
  const post = (p: string, payload: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: url(p),
      payload: payload as object,
      headers: token ? bearer(token) : {},
    });
  const file = (checklist: { requirement: string; present: boolean }[], applicant = {}) =>
    post(
      '/applications',
      { serviceId: kk.id, applicant: { name: 'Siti Uji', nik: NIK, phone: PHONE, ...applicant }, checklist },
      officer,
    );
  const all = () => reqs.map((requirement) => ({ requirement, present: true }));

  it('refuses a missing requirement, a wrong NIK or phone, and files a complete one', async () => {
    const miss = await file(reqs.map((requirement, i) => ({ requirement, present: i !== 0 })));
    expect(miss.statusCode).toBe(422);
    expect(miss.json().error.code).toBe('REQUIREMENTS_MISSING');
    expect(miss.json().error.message).toContain(reqs[0]);
    expect((await file(all(), { nik: '3204013205900007' })).json().error.code).toBe('INVALID_NIK');
    expect((await file(all(), { phone: '12345' })).json().error.code).toBe('INVALID_PHONE');
    const ok = await file(all());
    expect(ok.statusCode, ok.body).toBe(201);
    // KK: 3 working days from Monday 23 November 2026.
    expect(ok.json()).toMatchObject({ status: 'received', dueDate: '2026-11-26', feeAmount: 0 });
    const detail = await get(`/applications/${ok.json().id}`, bo);
    expect(detail.body).not.toContain(NIK);
    expect(detail.json().applicant.nikMasked).toBe('3204********0007');
    expect(detail.json().standardVersion).toBe(1);
  });

  it('walks the status machine with a correction round that moves the deadline by the paused working days', async () => {
    t.setNow(MONDAY_10);
    const a = (await file(all())).json();
    const status = (body: object, token = bo) => post(`/applications/${a.id}/status`, body, token);
    expect((await status({ status: 'approved' })).statusCode).toBe(409);
    expect((await status({ status: 'in_process' }, otherBo)).statusCode).toBe(404);
    expect((await status({ status: 'in_process' }, officer)).statusCode).toBe(403);
    expect((await status({ status: 'in_process' })).statusCode).toBe(200);
    expect(
      (await status({ status: 'needs_correction', note: 'Bawa surat pengantar RT asli' })).statusCode,
    ).toBe(200);
    t.setNow(WEDNESDAY_10);
    // Sessions last 12 hours: sign in again two days later.
    [officer, bo, otherBo] = await Promise.all([
      t.login('petugas'),
      t.login('dukcapil-bo'),
      t.login('bo-lain', 'Str0ng-pass-123'),
    ]);
    const back = await status({ status: 'in_process' });
    expect(back.statusCode, back.body).toBe(200);
    // Paused Monday → Wednesday: two working days; 26 Nov (Thu) + 2 working days = 30 Nov (Mon).
    expect(back.json().dueDate).toBe('2026-11-30');
    expect(back.json().pauses).toEqual([
      expect.objectContaining({
        unit: 'working_days',
        paused: 2,
        dueBefore: '2026-11-26',
        dueAfter: '2026-11-30',
      }),
    ]);
    expect((await status({ status: 'rejected' })).json().error.code).toBe('REASON_REQUIRED');
    expect((await status({ status: 'approved' })).statusCode).toBe(200);
    expect(
      (await post(`/applications/${a.id}/payments`, { method: 'cash' }, officer)).json().error.code,
    ).toBe('NO_PAYMENT_DUE');
    const tr = await get(`/api/v1/track/${a.trackingCode}`);
    expect(tr.statusCode).toBe(200);
    expect(tr.json().history.map((h: { status: string }) => h.status)).toEqual([
      'received',
      'in_process',
      'needs_correction',
      'in_process',
      'approved',
    ]);
    for (const secret of [NIK, 'Siti', PHONE, '6281298765432', t.user('dukcapil-bo'), t.user('petugas')])
      expect(tr.body).not.toContain(secret);
    const msgs = await t.ctx.database.db
      .selectFrom('outbox_messages')
      .select(['event', 'address_masked', 'body'])
      .where('subject_type', '=', 'application')
      .where('subject_id', '=', a.id)
      .execute();
    expect(msgs.length).toBe(5);
    expect(msgs.every((m) => m.address_masked === '+62812****5432')).toBe(true);
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'application')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit.filter((r) => r.action === 'application.status').length).toBe(4);
  });

  it('keeps the desk to the agency and the identity read audited', async () => {
    const mine = (await get('/applications', bo)).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect((await get('/applications', otherBo)).json().items).toEqual([]);
    const id = mine.items[0].id;
    expect((await get(`/applications/${id}`, otherBo)).statusCode).toBe(404);
    expect((await post(`/applications/${id}/identity`, {}, bo)).json().error.code).toBe(
      'ACCESS_REASON_REQUIRED',
    );
    const who = await post(`/applications/${id}/identity`, { reason: 'identity_check' }, bo);
    expect(who.json().nik).toBe(NIK);
    const byNik = (await get(`/applications?q=${NIK}`, bo)).json();
    expect(byNik.items.length).toBe(mine.items.length);
  });
});
