import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { autoCloseDue, escalateOverdue } from './complaints.jobs.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const day = (iso: string) => new Date(iso);

describe.each(dialects())('complaints on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let agencyAdmin: string;
  let backOffice: string;
  let auditor: string;
  let dukcapil: number;
  let polres: number;
  let dukcapilService: number;

  beforeAll(async () => {
    t = await createTestMall(dialect, {
      start: MONDAY_10,
      alwaysOpen: true,
      env: { SESSION_TTL_HOURS: '2000' },
    });
    admin = await t.login('admin');
    agencyAdmin = await t.login('dukcapil-admin');
    backOffice = await t.login('dukcapil-bo');
    auditor = await t.login('auditor');
    const agencies = (await req('GET', url('/agencies'), admin)).json().items as {
      id: number;
      key: string;
    }[];
    dukcapil = agencies.find((a) => a.key === 'disdukcapil')!.id;
    polres = agencies.find((a) => a.key !== 'disdukcapil')!.id;
    const services = (await req('GET', url('/services?limit=500'), admin)).json().items as {
      id: number;
      agencyId: number;
    }[];
    dukcapilService = services.find((s) => s.agencyId === dukcapil)!.id;
  }, 60_000);
  afterAll(() => t.close());
  afterEach(() => t.setNow(MONDAY_10));

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const req = (method: 'GET' | 'POST' | 'PUT', path: string, token?: string, payload?: object) =>
    t.app.inject({ method, url: path, headers: token ? bearer(token) : {}, payload });
  const file = async (payload: object, token?: string) => {
    const res = await req('POST', url('/complaints'), token, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; trackingCode: string; status: string; dueAt: string };
  };
  const outbox = (id: number) =>
    t.ctx.database.db
      .selectFrom('outbox_messages')
      .select(['event', 'channel', 'address', 'body'])
      .where('subject_type', '=', 'complaint')
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute();

  it('files an anonymous complaint at a kiosk; the desk dispatches; the agency answers; the reporter reads and accepts', async () => {
    const kiosk = await t.kioskToken();
    const c = await file(
      {
        type: 'complaint',
        title: 'Antrean terlalu lama',
        body: 'Menunggu dua jam di loket. Hubungi saya 0812-3456-7890.',
        serviceId: dukcapilService,
        anonymous: true,
        reporter: { name: 'Siti', phone: '0812 3456 7890' },
      },
      kiosk,
    );
    expect(c.trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(c.status).toBe('submitted');
    // Monday → the end of Thursday, WIB.
    expect(c.dueAt).toBe('2026-11-26T17:00:00.000Z');
    // The reporter is told the tracking code by WhatsApp.
    const sent = await outbox(c.id);
    expect(sent.map((m) => [m.event, m.channel, m.address])).toEqual([
      ['complaint.received', 'whatsapp', '+6281234567890'],
    ]);
    expect(JSON.parse(sent[0]!.body).text).toContain(c.trackingCode);

    const mine = await req('GET', url(`/complaints/track/${c.trackingCode.toLowerCase()}`));
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      channel: 'kiosk',
      status: 'submitted',
      anonymous: true,
      agencyId: dukcapil,
    });
    // The phone number in the text was masked as it was parsed.
    expect(mine.json().body).toContain('0812-****-7890');
    expect(mine.body).not.toContain('3456-7890');

    // Not yet the agency's: it sees nothing until the desk dispatches.
    expect((await req('GET', url(`/complaints/${c.id}`), agencyAdmin)).statusCode).toBe(404);
    const desk = await req('GET', url('/complaints?status=submitted'), admin);
    expect(desk.json().items.map((x: { id: number }) => x.id)).toContain(c.id);
    expect(desk.json().items.find((x: { id: number }) => x.id === c.id).reporter).toEqual({
      name: 'Siti',
      phoneMasked: '+62812****7890',
      emailMasked: null,
    });

    t.setNow(day('2026-11-24T02:00:00Z'));
    const dispatched = await req('POST', url(`/complaints/${c.id}/dispatch`), admin, {
      agencyId: dukcapil,
      note: 'Mohon cek loket 2',
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    // Tuesday + 5 working days → Tuesday next week, end of day WIB.
    expect(dispatched.json()).toMatchObject({
      status: 'dispatched',
      dueKind: 'follow_up',
      dueAt: '2026-12-01T17:00:00.000Z',
    });

    // The agency's desk: anonymous, so no reporter; no tracking code; the staff note shows.
    const theirs = await req('GET', url(`/complaints/${c.id}`), backOffice);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().reporter).toBeNull();
    expect(theirs.json().trackingCode).toBeNull();
    expect(theirs.body).not.toContain('Siti');
    expect(theirs.json().steps.map((s: { kind: string }) => s.kind)).toEqual([
      'submitted',
      'dispatched',
      'note',
    ]);
    const list = await req('GET', url('/complaints'), agencyAdmin);
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);

    t.setNow(day('2026-11-25T04:00:00Z'));
    const answered = await req('POST', url(`/complaints/${c.id}/answer`), backOffice, {
      message: 'Loket 2 kini dibuka dua petugas. Mohon maaf.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', dueKind: 'auto_close' });
    expect((await outbox(c.id)).map((m) => m.event)).toEqual(['complaint.received', 'complaint.answered']);

    const read = (await req('GET', url(`/complaints/track/${c.trackingCode}`))).json();
    expect(read.steps.map((s: { kind: string }) => s.kind)).toEqual(['submitted', 'dispatched', 'answered']);
    expect(read.steps.at(-1)).toMatchObject({
      actor: 'agency',
      message: 'Loket 2 kini dibuka dua petugas. Mohon maaf.',
    });
    expect(JSON.stringify(read)).not.toContain('Mohon cek loket 2');
    expect(JSON.stringify(read)).not.toContain('dukcapil-bo');
    expect(read.canAccept).toBe(true);

    const accepted = await req('POST', url(`/complaints/track/${c.trackingCode}/accept`));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'closed', canAccept: false });
    // Every step timestamped with its actor, and audited.
    const audit = await req('GET', url(`/audit?entity=complaint&entityId=${c.id}`), admin);
    expect(
      audit
        .json()
        .items.map((a: { action: string }) => a.action)
        .reverse(),
    ).toEqual([
      'complaint.submitted',
      'complaint.dispatched',
      'complaint.note',
      'complaint.answered',
      'complaint.accepted',
    ]);
    t.setNow(MONDAY_10);
  });

  it('keeps another agency’s complaints away from an agency, and the desk’s actions from agencies', async () => {
    const c = await file({
      type: 'complaint',
      title: 'Berkas SKCK hilang',
      body: 'Berkas saya tidak ditemukan petugas.',
    });
    await req('POST', url(`/complaints/${c.id}/dispatch`), admin, { agencyId: polres });
    expect((await req('GET', url(`/complaints/${c.id}`), agencyAdmin)).statusCode).toBe(404);
    expect(
      (await req('POST', url(`/complaints/${c.id}/answer`), agencyAdmin, { message: 'Bukan kami' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await req('POST', url(`/complaints/${c.id}/dispatch`), agencyAdmin, { agencyId: dukcapil }))
        .statusCode,
    ).toBe(403);
    expect((await req('GET', url(`/complaints/${c.id}/reporter`), agencyAdmin)).statusCode).toBe(403);
    expect((await req('GET', url(`/complaints/${c.id}/reporter`), auditor)).statusCode).toBe(403);
    expect((await req('GET', url(`/complaints/${c.id}`), auditor)).statusCode).toBe(200);
    expect((await req('GET', url(`/complaints/${c.id}`))).statusCode).toBe(401);
  });

  it('holds, takes a reply, re-routes, lets the agency return it, archives with a reason', async () => {
    const c = await file({
      type: 'information_request',
      title: 'Syarat balik nama',
      body: 'Apa saja syarat balik nama kendaraan?',
      reporter: { email: 'Warga@Example.id' },
    });
    const held = await req('POST', url(`/complaints/${c.id}/hold`), admin, {
      reason: 'Kendaraan roda dua atau empat?',
    });
    expect(held.json()).toMatchObject({ status: 'on_hold', dueAt: null });
    const replied = await req('POST', url(`/complaints/track/${c.trackingCode}/replies`), undefined, {
      message: 'Roda dua.',
    });
    expect(replied.json()).toMatchObject({ status: 'submitted', dueKind: 'dispatch' });
    await req('POST', url(`/complaints/${c.id}/dispatch`), admin, { agencyId: dukcapil });
    const back = await req('POST', url(`/complaints/${c.id}/return`), agencyAdmin, {
      reason: 'Kewenangan Samsat',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'submitted', agencyId: null });
    // Returned: no longer the agency's.
    expect((await req('GET', url(`/complaints/${c.id}`), agencyAdmin)).statusCode).toBe(404);
    const rerouted = await req('POST', url(`/complaints/${c.id}/reroute`), admin, {
      agencyId: polres,
      reason: 'Samsat di bawah Polres',
    });
    expect(rerouted.json()).toMatchObject({ status: 'dispatched', agencyId: polres });
    const archived = await req('POST', url(`/complaints/${c.id}/archive`), admin, {
      reason: 'Dijawab lewat telepon',
    });
    expect(archived.json().status).toBe('archived');
    const mine = (await req('GET', url(`/complaints/track/${c.trackingCode}`))).json();
    expect(mine.steps.at(-1)).toMatchObject({ kind: 'archived', message: 'Dijawab lewat telepon' });
    expect(JSON.stringify(mine.steps)).not.toContain('Kewenangan Samsat');
    expect(
      (await req('POST', url(`/complaints/track/${c.trackingCode}/replies`), undefined, { message: 'x' }))
        .statusCode,
    ).toBe(409);
    expect((await req('POST', url(`/complaints/${c.id}/hold`), admin, { reason: 'lagi' })).statusCode).toBe(
      409,
    );
    expect((await outbox(c.id)).map((m) => [m.event, m.channel, m.address])).toEqual([
      ['complaint.received', 'email', 'warga@example.id'],
    ]);
  });

  it('escalates overdue complaints once to the mall admin, lists them, and reopens on a reply', async () => {
    await req('PUT', url('/complaints/settings'), admin, { escalationEmail: 'pengaduan@mpp.example.id' });
    t.setNow(day('2026-11-27T03:00:00Z')); // Friday
    const late = await file({
      type: 'complaint',
      title: 'Toilet rusak',
      body: 'Toilet lantai dua rusak sejak pagi.',
    });
    expect(late.dueAt).toBe('2026-12-02T17:00:00.000Z'); // Wednesday, over the weekend
    t.setNow(day('2026-12-02T16:59:00Z'));
    await escalateOverdue(t.ctx);
    expect((await req('GET', url(`/complaints/${late.id}`), admin)).json().overdue).toBe(false);
    t.setNow(day('2026-12-02T17:00:00Z'));
    expect(await escalateOverdue(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdue(t.ctx)).toBe(0);
    const row = (await req('GET', url(`/complaints/${late.id}`), admin)).json();
    expect(row).toMatchObject({ overdue: true, escalatedAt: '2026-12-02T17:00:00.000Z' });
    expect(row.steps.at(-1)).toMatchObject({ kind: 'escalated', actor: 'system' });
    const overdue = await req('GET', url('/complaints?overdue=true'), admin);
    expect(overdue.json().items.map((x: { id: number }) => x.id)).toContain(late.id);
    const mail = (await outbox(late.id)).filter((m) => m.event === 'complaint.overdue');
    expect(mail.map((m) => [m.channel, m.address])).toEqual([['email', 'pengaduan@mpp.example.id']]);
    expect(JSON.parse(mail[0]!.body).text).toContain('Toilet rusak');

    // Dispatched: the follow-up clock; answered: the auto-close clock; a reply reopens it.
    await req('POST', url(`/complaints/${late.id}/dispatch`), admin, { agencyId: dukcapil });
    await req('POST', url(`/complaints/${late.id}/answer`), agencyAdmin, { message: 'Sudah diperbaiki.' });
    const reopened = await req('POST', url(`/complaints/track/${late.trackingCode}/replies`), undefined, {
      message: 'Masih rusak.',
    });
    expect(reopened.json()).toMatchObject({
      status: 'dispatched',
      dueKind: 'follow_up',
      dueAt: '2026-12-10T17:00:00.000Z',
    });
    t.setNow(MONDAY_10);
  });

  it('closes an answer with no reply after 10 working days, on one node only', async () => {
    const c = await file({
      type: 'aspiration',
      title: 'Tambah kursi',
      body: 'Mohon tambah kursi di ruang tunggu.',
    });
    await req('POST', url(`/complaints/${c.id}/dispatch`), admin, { agencyId: dukcapil });
    await req('POST', url(`/complaints/${c.id}/answer`), agencyAdmin, {
      message: 'Akan ditambah bulan depan.',
    });
    const answered = (await req('GET', url(`/complaints/${c.id}`), admin)).json();
    expect(answered.dueAt).toBe('2026-12-07T17:00:00.000Z');
    t.setNow(day('2026-12-07T16:00:00Z'));
    await autoCloseDue(t.ctx);
    expect((await req('GET', url(`/complaints/${c.id}`), admin)).json().status).toBe('answered');
    t.setNow(day('2026-12-07T17:00:00Z'));
    const [a, b] = await Promise.all([autoCloseDue(t.ctx), autoCloseDue(t.ctx)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const closed = (await req('GET', url(`/complaints/${c.id}`), admin)).json();
    expect(closed.status).toBe('closed');
    expect(closed.steps.filter((s: { kind: string }) => s.kind === 'auto_closed')).toHaveLength(1);
    // The reporter may still reopen it.
    const re = await req('POST', url(`/complaints/track/${c.trackingCode}/replies`), undefined, {
      message: 'Belum ada.',
    });
    expect(re.json()).toMatchObject({ status: 'dispatched' });
    expect(re.json().steps.at(-1).kind).toBe('reopened');
    t.setNow(MONDAY_10);
  });

  it('lists only non-confidential reports publicly, without reporter or officer', async () => {
    const open = await file({
      type: 'complaint',
      title: 'AC mati',
      body: 'AC ruang tunggu mati, NIK saya 3204123456780001.',
      reporter: { name: 'Budi Santoso', phone: '081298765432' },
    });
    const secret = await file({
      type: 'complaint',
      title: 'Pungli di loket',
      body: 'Diminta uang tambahan oleh petugas.',
      confidential: true,
    });
    await req('POST', url(`/complaints/${open.id}/dispatch`), admin, { agencyId: dukcapil });
    await req('POST', url(`/complaints/${open.id}/answer`), agencyAdmin, { message: 'AC sudah diperbaiki.' });
    const res = await req('GET', url('/complaints/public?limit=100'));
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((x: { id: number }) => x.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(secret.id);
    expect(res.body).not.toContain('Budi');
    expect(res.body).not.toContain('3204123456780001');
    expect(res.body).not.toContain('trackingCode');
    expect(res.json().items.find((x: { id: number }) => x.id === open.id).answers).toEqual([
      expect.objectContaining({ message: 'AC sudah diperbaiki.' }),
    ]);
  });

  it('links a ticket: service and counter for the reporter, the officer for staff only', async () => {
    const ticket = (await t.issueKioskTicket(dukcapilService)).json();
    const officer = await t.login('petugas');
    const counters = (await req('GET', url('/counters'), admin)).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    const counter = counters.find((k) => k.serviceIds.includes(dukcapilService))!;
    await req('POST', url(`/counters/${counter.id}/status`), officer, { status: 'open' });
    const call = await req('POST', url(`/counters/${counter.id}/call-next`), officer);
    expect(call.statusCode, call.body).toBe(200);
    const c = await file({
      type: 'complaint',
      title: 'Petugas tidak ramah',
      body: 'Petugas membentak saya.',
      ticketTrackingCode: ticket.trackingCode,
    });
    const mine = (await req('GET', url(`/complaints/track/${c.trackingCode}`))).json();
    expect(mine).toMatchObject({ serviceId: dukcapilService, agencyId: dukcapil });
    expect(mine.counterName).toBeTruthy();
    expect(JSON.stringify(mine)).not.toContain('officer');
    const staff = (await req('GET', url(`/complaints/${c.id}`), admin)).json();
    expect(staff).toMatchObject({ counterId: counter.id, ticketNumber: ticket.number });
    expect(staff.officerName).toBeTruthy();
    expect(
      (
        await req('POST', url('/complaints'), undefined, {
          type: 'complaint',
          title: 'xyz',
          body: 'abcdefghijk',
          ticketTrackingCode: 'NOPE1234',
        })
      ).statusCode,
    ).toBe(404);
    const stats = (await req('GET', url('/complaints/stats?from=2026-11-01&to=2026-12-31'), admin)).json();
    expect(stats.byCounter.find((g: { id: number }) => g.id === counter.id).count).toBeGreaterThanOrEqual(1);
    // Found by the fuzz test: an impossible date (month 18, day 96) was a 500.
    for (const q of [
      'from=2992-18-96&to=8094-81-16',
      'from=2026-02-30&to=2026-03-01',
      'from=9999-01-01&to=9999-12-31',
    ]) {
      const bad = await req('GET', url(`/complaints/stats?${q}`), admin);
      expect([bad.statusCode, bad.json().error.code], q).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('takes photos and PDFs recognised by their bytes, refuses others, and audits reading the reporter', async () => {
    const c = await file({
      type: 'complaint',
      title: 'Lantai licin',
      body: 'Lantai dekat pintu licin sekali.',
      reporter: { phone: '081211112222' },
    });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const up = (body: Buffer, type: string) =>
      t.app.inject({
        method: 'POST',
        url: url(`/complaints/track/${c.trackingCode}/attachments?name=foto lantai.png`),
        headers: { 'content-type': type },
        payload: body,
      });
    const ok = await up(png, 'image/png');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      name: 'foto lantai.png',
      contentType: 'image/png',
      sizeBytes: png.length,
    });
    expect((await up(Buffer.from('<html>not an image</html>'), 'image/png')).statusCode).toBe(415);
    expect((await up(png, 'application/pdf')).statusCode).toBe(415);
    expect((await up(Buffer.alloc(3 * 1024 * 1024, 1), 'image/png')).statusCode).toBe(413);
    const pdf = await up(
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
      'application/octet-stream',
    );
    expect(pdf.json().contentType).toBe('application/pdf');
    const back = await req('GET', url(`/complaints/track/${c.trackingCode}/attachments/${ok.json().id}`));
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);
    const staffRead = await req('GET', url(`/complaints/${c.id}/attachments/${ok.json().id}`), admin);
    expect(staffRead.statusCode).toBe(200);

    const who = await req('GET', url(`/complaints/${c.id}/reporter`), admin);
    expect(who.json()).toEqual({ name: null, phone: '+6281211112222', email: null });
    const audit = await req('GET', url(`/audit?entity=complaint&entityId=${c.id}`), admin);
    expect(audit.json().items[0].action).toBe('complaint.reporter.read');
    expect(audit.body).not.toContain('81211112222');
  });

  it('refuses bad input and staff-only channels from strangers', async () => {
    for (const payload of [
      { type: 'complaint', title: 'x', body: 'abcdefghijk' },
      { type: 'rant', title: 'Judul', body: 'abcdefghijk' },
      { type: 'complaint', title: 'Judul', body: 'a'.repeat(4001) },
    ])
      expect((await req('POST', url('/complaints'), undefined, payload)).statusCode).toBe(400);
    expect(
      (
        await req('POST', url('/complaints'), undefined, {
          type: 'complaint',
          title: 'Judul',
          body: 'abcdefghijk',
          reporter: { phone: '12345' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await req('POST', url('/complaints'), undefined, {
          type: 'complaint',
          title: 'Judul',
          body: 'abcdefghijk',
          channel: 'hotline',
        })
      ).statusCode,
    ).toBe(403);
    const hotline = await file(
      { type: 'complaint', title: 'Via hotline', body: 'Ditelepon warga.', channel: 'hotline' },
      agencyAdmin,
    );
    expect((await req('GET', url(`/complaints/${hotline.id}`), admin)).json().channel).toBe('hotline');
  });
});
