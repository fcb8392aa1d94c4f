import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { anonymiseMall, type RetentionCounts } from './retention.service.js';
import { REMOVED, scrubText } from './scrub.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB. LATER is 400 days on (Tuesday 2027-12-28).
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const LATER = new Date(MONDAY_10.getTime() + 400 * 86_400_000);

/** A citizen whose files are all finished by MONDAY_10: anonymised 365 days later. */
const GONE = {
  nik: '3273014506850003',
  nikMasked: '3273********0003',
  name: 'Rahmawati Kusumadewi',
  phone: '0813-5550-1234',
  phoneFull: '+6281355501234',
  phoneMasked: '+62813****1234',
  email: 'zulaikha.rahma@kuesioner.id',
  emailMasked: 'z***@k***.id',
};
/** A citizen whose files are still open (an application in process, a future booking, a new complaint). */
const OPEN = {
  nik: '3578021203920004',
  nikMasked: '3578********0004',
  name: 'Bagus Wicaksono',
  phone: '0857-4440-9876',
  phoneFull: '+6285744409876',
  phoneMasked: '+62857****9876',
};
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('scrubText', () => {
  it('removes the record’s name (whole and word by word), e-mails and long numbers, masked or not; keeps dates', () => {
    const text =
      'Bu Rahmawati (rahmawati kusumadewi) minta dihubungi di 0813-5550-1234 / +62813****1234 atau z@k.id; NIK 3273********0003, datang 2026-11-23, kwitansi T-1/2026/000001.';
    const out = scrubText(text, [GONE.name, GONE.phoneFull, null]);
    for (const gone of ['Rahmawati', 'rahmawati', 'kusumadewi', '1234', '0003', 'z@k.id'])
      expect(out).not.toContain(gone);
    expect(out).toContain('2026-11-23');
    expect(out).toContain('T-1/2026/000001');
    expect(out).toContain(`Bu ${REMOVED}`);
    expect(scrubText('Pelayanan lambat sekali', [GONE.name])).toBe('Pelayanan lambat sekali');
  });
});

describe.each(dialects())('personal data on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let auditor: string;
  let mall: { id: number; timezone: string; retention_days: number };
  const ids = {
    booking: '',
    openBooking: '',
    application: 0,
    openApplication: 0,
    complaint: 0,
    openComplaint: 0,
    document: '',
  };

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const call = async (method: 'GET' | 'POST' | 'PATCH', p: string, token?: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: p.startsWith('/api') ? p : url(p),
      headers: token ? bearer(token) : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ok = async (method: 'GET' | 'POST' | 'PATCH', p: string, token?: string, payload?: unknown) => {
    const r = await call(method, p, token, payload);
    expect(r.statusCode, `${method} ${p}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };
  const reloadMall = async () => {
    mall = await t.ctx.database.db
      .selectFrom('malls')
      .select(['id', 'timezone', 'retention_days'])
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10, alwaysOpen: true });
    admin = await t.login('admin');
    auditor = await t.login('auditor');
    const officer = await t.login('petugas-polres');
    const dukcapilOfficer = await t.login('petugas');
    await reloadMall();
    const services = (await ok('GET', '/services?limit=500')).items as { id: number; name: string }[];
    const svc = (name: string) => services.find((s) => s.name.startsWith(name))!;
    const ktp = svc('Penerbitan KTP-el baru').id;
    const skck = svc('Penerbitan SKCK baru').id;
    const kk = svc('Penerbitan Kartu Keluarga').id;
    const sessions = await ok('PATCH', `/services/${ktp}`, admin, {
      booking: { sessions: [{ start: '08:00', end: '12:00', capacity: 5 }], daysAhead: 14 },
    });
    const sessionId = sessions.booking.sessions[0].id;
    const requirements = async (id: number) =>
      ((await ok('GET', `/services/${id}`)).standard.requirements as string[]).map((requirement) => ({
        requirement,
        present: true,
      }));

    // GONE: a booking (cancelled), an SKCK application paid, issued and collected, a complaint with a
    // photo archived, and a "tell me" request on a queue ticket — all finished on MONDAY_10.
    const b = await ok('POST', '/bookings', undefined, {
      serviceId: ktp,
      date: '2026-11-24',
      sessionId,
      nik: GONE.nik,
      name: GONE.name,
      phone: GONE.phone,
      email: GONE.email,
    });
    ids.booking = b.code;
    await ok('POST', `/bookings/${b.code}/cancel`, undefined, { phoneLast4: '1234' });
    const a = await ok('POST', '/applications', officer, {
      serviceId: skck,
      applicant: { name: GONE.name, nik: GONE.nik, phone: GONE.phone },
      checklist: await requirements(skck),
    });
    ids.application = a.id;
    await ok('POST', `/applications/${a.id}/payments`, officer, { method: 'cash' });
    for (const status of ['in_process', 'approved'])
      await ok('POST', `/applications/${a.id}/status`, admin, { status });
    ids.document = (await ok('POST', `/applications/${a.id}/document`, admin)).verifyCode;
    for (const status of ['ready', 'collected'])
      await ok('POST', `/applications/${a.id}/status`, admin, { status });
    const c = await ok('POST', '/complaints', undefined, {
      type: 'complaint',
      title: `Antrean KTP atas nama ${GONE.name}`,
      body: `Saya ${GONE.name}, menunggu tiga jam; hubungi ${GONE.phone} atau ${GONE.email}.`,
      reporter: { name: GONE.name, phone: GONE.phone, email: GONE.email },
    });
    ids.complaint = c.id;
    const photo = await t.app.inject({
      method: 'POST',
      url: url(`/complaints/track/${c.trackingCode}/attachments?name=ktp ${GONE.name}.png`),
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    await ok('POST', `/complaints/${c.id}/archive`, admin, {
      reason: `Sudah dijawab lewat telepon ke ${GONE.name}`,
    });
    const ticket = await t.issueKioskTicket(kk);
    expect(ticket.statusCode, ticket.body).toBe(201);
    await ok('POST', `/tickets/${ticket.json().trackingCode}/notify`, undefined, {
      channel: 'whatsapp',
      address: GONE.phone,
    });

    // OPEN: a KK application still in process and a complaint still new, both from MONDAY_10.
    const o = await ok('POST', '/applications', dukcapilOfficer, {
      serviceId: kk,
      applicant: { name: OPEN.name, nik: OPEN.nik, phone: OPEN.phone },
      checklist: await requirements(kk),
    });
    ids.openApplication = o.id;
    await ok('POST', `/applications/${o.id}/status`, admin, { status: 'in_process' });
    ids.openComplaint = (
      await ok('POST', '/complaints', undefined, {
        type: 'aspiration',
        title: 'Tambah kursi tunggu',
        body: 'Kursi di ruang tunggu lantai dua kurang banyak.',
        reporter: { name: OPEN.name, phone: OPEN.phone },
      })
    ).id;

    // 400 days on: a booking for later this week (a future booking is open).
    t.setNow(LATER);
    [admin, auditor] = await Promise.all([t.login('admin'), t.login('auditor')]);
    ids.openBooking = (
      await ok('POST', '/bookings', undefined, {
        serviceId: ktp,
        date: '2027-12-30',
        sessionId,
        nik: OPEN.nik,
        name: OPEN.name,
        phone: OPEN.phone,
      })
    ).code;
  }, 120_000);
  afterAll(() => t?.close());

  /**
   * Every text (and binary, as hex) column of every table, one query per table: the rows of this
   * mall, or all rows of a table without mall_id. Answers "table.column ∋ value" for each hit.
   */
  async function scan(values: string[]): Promise<string[]> {
    const db = t.ctx.database.db;
    type Col = { table: string; column: string; type: string };
    let cols: Col[] = [];
    if (dialect === 'sqlite') {
      const tables = await sql<{ name: string }>`
        select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
      for (const { name } of tables.rows) {
        const info = await sql<{ name: string; type: string }>`
          select name, type from pragma_table_info(${name})`.execute(db);
        cols.push(...info.rows.map((c) => ({ table: name, column: c.name, type: c.type.toLowerCase() })));
      }
    } else {
      const info = await sql<{ table_name: string; column_name: string; data_type: string }>`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = current_schema()`.execute(db);
      cols = info.rows.map((c) => ({ table: c.table_name, column: c.column_name, type: c.data_type }));
    }
    const byTable = new Map<string, Col[]>();
    for (const c of cols) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
    const hits: string[] = [];
    for (const [table, list] of byTable) {
      const hasMall = list.some((c) => c.column === 'mall_id');
      const scanned = list
        .filter((c) => !/int|real|num|bool|double|serial/.test(c.type))
        .map((c) => {
          const binary = /blob|bytea/.test(c.type);
          const expr = binary
            ? dialect === 'sqlite'
              ? sql`lower(hex(${sql.ref(c.column)}))`
              : sql`encode(${sql.ref(c.column)}, 'hex')`
            : sql`lower(cast(${sql.ref(c.column)} as text))`;
          const needles = values.map((v) => (binary ? Buffer.from(v).toString('hex') : v.toLowerCase()));
          return { column: c.column, expr, needles };
        });
      if (!scanned.length) continue;
      const select = sql.join(scanned.map((c, i) => sql`${c.expr} as ${sql.ref(`c${i}`)}`));
      const any = sql.join(
        scanned.flatMap((c) => c.needles.map((n) => sql`${c.expr} like ${`%${n}%`}`)),
        sql` or `,
      );
      const rows = await sql<Record<string, string | null>>`
        select ${select} from ${sql.table(table)}
        where (${any}) ${hasMall ? sql`and mall_id = ${mall.id}` : sql``}`.execute(db);
      for (const row of rows.rows)
        for (const [i, c] of scanned.entries())
          for (const [j, n] of c.needles.entries()) {
            const hit = `${table}.${c.column} ∋ ${values[j]}`;
            if (row[`c${i}`]?.includes(n) && !hits.includes(hit)) hits.push(hit);
          }
    }
    return hits;
  }

  const goneValues = [
    GONE.nik,
    GONE.nikMasked,
    GONE.name,
    'Kusumadewi',
    GONE.phoneFull,
    GONE.phoneMasked,
    '81355501234',
    GONE.email,
    GONE.emailMasked,
  ];
  const openValues = [OPEN.nik, OPEN.nikMasked, OPEN.name, OPEN.phoneFull, OPEN.phoneMasked];

  it('changes the retention period by the mall PATCH alone (at least 90 days) and leaves other settings', async () => {
    const before = await ok('GET', '');
    expect(before.retentionDays).toBe(365);
    const short = await call('PATCH', '', admin, { retentionDays: 30 });
    expect(short.statusCode).toBe(400);
    expect((await call('PATCH', '', auditor, { retentionDays: 500 })).statusCode).toBe(403);
    const patched = await ok('PATCH', '', admin, { retentionDays: 500 });
    expect(patched).toEqual({ ...before, retentionDays: 500 });
    await reloadMall();
  });

  it('reads a full NIK only with a reason: 400 without, audited with who, which record and why', async () => {
    const path = `/bookings/${ids.openBooking}/nik`;
    for (const body of [{}, { reason: '' }, { reason: 'other' }, { reason: 'other', note: 'cek' }]) {
      const r = await call('POST', path, admin, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe('ACCESS_REASON_REQUIRED');
    }
    expect((await call('POST', path, admin, { reason: 'curiosity' })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
    const read = await ok('POST', path, admin, {
      reason: 'other',
      note: `Permintaan polisi no. 12/2027 untuk ${OPEN.nik}`,
    });
    expect(read.nik).toBe(OPEN.nik);
    const identity = await ok('POST', `/applications/${ids.openApplication}/identity`, admin, {
      reason: 'identity_check',
    });
    expect(identity).toEqual({ nik: OPEN.nik, phone: OPEN.phoneFull });

    const reads = await ok('GET', '/personal-data/reads', auditor);
    expect(reads.items.slice(0, 2)).toMatchObject([
      {
        kind: 'application_identity',
        actor: t.user('admin'),
        entity: 'application',
        reason: 'identity_check',
      },
      {
        kind: 'booking_nik',
        actor: t.user('admin'),
        entity: 'booking',
        reason: 'other',
        note: 'Permintaan polisi no. 12/2027 untuk 3578********0004',
      },
    ]);
    const onlyBookings = await ok('GET', '/personal-data/reads?kind=booking_nik', admin);
    expect(onlyBookings.items.every((r: { kind: string }) => r.kind === 'booking_nik')).toBe(true);
    expect((await call('GET', '/personal-data/reads', await t.login('petugas'))).statusCode).toBe(403);
    // The audit rows themselves hold no NIK or phone, whole or masked.
    const audit = JSON.stringify(await ok('GET', '/audit?limit=500', admin));
    for (const v of [OPEN.nik, OPEN.phoneFull, OPEN.phoneMasked, GONE.nik, GONE.phoneFull, GONE.phoneMasked])
      expect(audit).not.toContain(v);
  });

  it('exports everything held about one NIK to a mall admin, with a reason, audited without the NIK', async () => {
    const path = '/personal-data/subject-export';
    expect((await call('POST', path, admin, { nik: GONE.nik })).json().error.code).toBe(
      'ACCESS_REASON_REQUIRED',
    );
    expect((await call('POST', path, auditor, { nik: GONE.nik, reason: 'citizen_request' })).statusCode).toBe(
      403,
    );
    expect(
      (await call('POST', path, admin, { nik: '3273014506850000', reason: 'citizen_request' })).json().error
        .code,
    ).toBe('INVALID_NIK');
    const r = await call('POST', path, admin, { nik: GONE.nik, reason: 'citizen_request', download: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="data-pribadi-/);
    const out = r.json();
    expect(out.subject).toEqual({ nikMasked: GONE.nikMasked });
    expect(out.bookings).toMatchObject([
      { code: ids.booking, status: 'cancelled', name: GONE.name, phone: GONE.phoneFull, email: GONE.email },
    ]);
    expect(out.applications).toHaveLength(1);
    expect(out.applications[0]).toMatchObject({ id: ids.application, status: 'collected', name: GONE.name });
    expect(out.applications[0].payments).toMatchObject([{ kind: 'payment', amount: 30000, method: 'cash' }]);
    expect(out.applications[0].documents).toMatchObject([{ verifyCode: ids.document }]);
    expect(out.applications[0].history.map((h: { status: string }) => h.status)).toEqual([
      'received',
      'in_process',
      'approved',
      'ready',
      'collected',
    ]);
    expect(out.complaints).toMatchObject([
      {
        id: ids.complaint,
        matchedBy: 'phone',
        reporterName: GONE.name,
        attachments: [{ contentType: 'image/png' }],
      },
    ]);
    expect(out.messages.length).toBeGreaterThan(3);
    expect(JSON.stringify(out)).not.toContain(OPEN.name);
    const reads = await ok('GET', '/personal-data/reads?kind=subject_export', admin);
    expect(reads.items[0]).toMatchObject({
      actor: t.user('admin'),
      entity: 'subject',
      reason: 'citizen_request',
    });
    const audit = JSON.stringify(await ok('GET', '/audit?action=privacy.subject.export', admin));
    for (const v of [GONE.nik, GONE.nikMasked, GONE.name, GONE.phoneFull]) expect(audit).not.toContain(v);
  });

  it('anonymises finished files after the period, keeps every figure, leaves open files, and a second run changes nothing', async () => {
    const reports = async () => ({
      queue: await ok('GET', '/reports/queue?from=2026-11-01&to=2026-11-30', admin),
      payments: await ok('GET', '/reports/payments?date=2026-11-23', admin),
      complaints: await ok('GET', '/complaints/stats?from=2026-11-01&to=2026-11-30', admin),
      receipt: (await ok('GET', `/applications/${ids.application}`, admin)).payments,
    });
    const figures = await reports();
    expect(figures.payments.total).toMatchObject({ collected: 30000, entries: 1 });
    // 500 days: nothing is due 400 days on.
    expect(await anonymiseMall(t.ctx, mall)).toEqual({ batches: 0, counts: expect.any(Object) });
    expect(await scan(goneValues)).not.toEqual([]);

    await ok('PATCH', '', admin, { retentionDays: 365 });
    await reloadMall();
    const auditRows = async () =>
      (await ok('GET', '/audit?action=privacy.anonymise&limit=500', auditor)).items as {
        after: RetentionCounts & { ids: { bookings: number[] } };
      }[];
    // Two nodes at once: each row is taken by one run only (batch of 2: several batches each).
    const runs = await Promise.all([
      anonymiseMall(t.ctx, mall, { batch: 2 }),
      anonymiseMall(t.ctx, mall, { batch: 2 }),
    ]);
    const sum = (k: keyof RetentionCounts) => runs.reduce((n, r) => n + r.counts[k], 0);
    expect({
      bookings: sum('bookings'),
      applications: sum('applications'),
      documents: sum('documents'),
      complaints: sum('complaints'),
      attachments: sum('attachments'),
      notifications: sum('notifications'),
    }).toEqual({
      bookings: 1,
      applications: 1,
      documents: 1,
      complaints: 1,
      attachments: 1,
      notifications: 1,
    });
    expect(sum('messages')).toBeGreaterThan(3);
    const audited = await auditRows();
    expect(audited).toHaveLength(runs[0].batches + runs[1].batches);
    expect(audited.reduce((n, r) => n + r.after.bookings, 0)).toBe(1);

    expect(await scan(goneValues)).toEqual([]);
    const stillOpen = await scan(openValues);
    for (const table of ['bookings', 'applications', 'complaints'])
      expect(
        stillOpen.some((h) => h.startsWith(`${table}.`)),
        `${table}: ${stillOpen.join(', ')}`,
      ).toBe(true);

    expect(await reports()).toEqual(figures);
    const file = await ok('GET', `/applications/${ids.application}`, admin);
    expect(file).toMatchObject({
      status: 'collected',
      feeAmount: 30000,
      applicant: { name: '(dianonimkan)' },
    });
    expect(
      (await call('POST', `/applications/${ids.application}/identity`, admin, { reason: 'audit' }))
        .statusCode,
    ).toBe(400);
    const erased = await call('POST', `/applications/${ids.application}/identity`, admin, {
      reason: 'investigation',
    });
    expect(erased.statusCode).toBe(410);
    expect(erased.json().error.code).toBe('PERSONAL_DATA_ERASED');
    expect((await call('GET', `/api/v1/documents/${ids.document}/pdf`)).statusCode).toBe(410);
    expect((await ok('GET', `/api/v1/documents/${ids.document}`)).valid).toBe(true);
    const complaint = await ok('GET', `/complaints/${ids.complaint}`, admin);
    expect(complaint.body).toContain(REMOVED);
    const gone = await ok('POST', '/personal-data/subject-export', admin, {
      nik: GONE.nik,
      reason: 'citizen_request',
    });
    expect([gone.bookings, gone.applications, gone.complaints]).toEqual([[], [], []]);
    const open = await ok('POST', '/personal-data/subject-export', admin, {
      nik: OPEN.nik,
      reason: 'citizen_request',
    });
    expect(open.bookings).toHaveLength(1);
    expect(open.applications).toHaveLength(1);

    // Idempotent: nothing left, nothing written.
    const snapshot = async () => {
      const db = t.ctx.database.db;
      return JSON.stringify([
        await db.selectFrom('bookings').selectAll().where('mall_id', '=', mall.id).orderBy('id').execute(),
        await db
          .selectFrom('applications')
          .selectAll()
          .where('mall_id', '=', mall.id)
          .orderBy('id')
          .execute(),
        await db.selectFrom('complaints').selectAll().where('mall_id', '=', mall.id).orderBy('id').execute(),
        await db
          .selectFrom('outbox_messages')
          .selectAll()
          .where('mall_id', '=', mall.id)
          .orderBy('id')
          .execute(),
        await db
          .selectFrom('audit_log')
          .select('hash')
          .where('mall_id', '=', mall.id)
          .orderBy('id')
          .execute(),
      ]);
    };
    const before = await snapshot();
    expect((await anonymiseMall(t.ctx, mall)).batches).toBe(0);
    expect(await snapshot()).toBe(before);
    expect((await ok('GET', '/audit/verify', auditor)).ok).toBe(true);
  });
});
