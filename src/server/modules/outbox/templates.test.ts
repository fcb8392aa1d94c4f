import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { renderMessage } from './templates.service.js';

describe.each(dialects())('message templates on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let mallId: number;
  let mallName: string;
  const url = (p = '') => `/api/v1/malls/${t.slug}/message-templates${p}`;
  const vars = {
    number: 'A-012',
    service: 'Penerbitan KTP-el',
    ahead: 3,
    counter: 'Loket 3',
    ticketUrl: 'https://mpp.example.go.id/demo/ticket/K7Q2',
  };

  beforeAll(async () => {
    t = await createTestMall(dialect, { env: { PUBLIC_URL: 'https://mpp.example.go.id' } });
    admin = await t.login('admin');
    const mall = await t.ctx.database.db
      .selectFrom('malls')
      .select(['id', 'name'])
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
    mallId = mall.id;
    mallName = mall.name;
  });
  afterAll(() => t.close());

  it('renders the defaults in Bahasa Indonesia and English', async () => {
    const list = await t.app.inject({ method: 'GET', url: url(), headers: bearer(admin) });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { event: string; locale: string; custom: boolean }[];
    expect(items.map((i) => `${i.event}/${i.locale}`)).toEqual([
      'ticket.near/id',
      'ticket.near/en',
      'ticket.called/id',
      'ticket.called/en',
      'webhook.disabled/id',
      'webhook.disabled/en',
      'application.status/id',
      'application.status/en',
      'complaint.received/id',
      'complaint.received/en',
      'complaint.answered/id',
      'complaint.answered/en',
      'complaint.overdue/id',
      'complaint.overdue/en',
      'booking.confirmed/id',
      'booking.confirmed/en',
      'booking.reminder/id',
      'booking.reminder/en',
      'booking.soon/id',
      'booking.soon/en',
      'booking.cancelled/id',
      'booking.cancelled/en',
      'booking.closed/id',
      'booking.closed/en',
      'booking.holiday/id',
      'booking.holiday/en',
    ]);
    expect(items.every((i) => !i.custom)).toBe(true);
    const db = t.ctx.database.db;
    expect(await renderMessage(t.ctx, db, mallId, 'ticket.near', 'id', vars)).toEqual({
      subject: 'Giliran Anda segera tiba — A-012',
      text: `Nomor antrean A-012 (Penerbitan KTP-el) — tinggal 3 orang lagi sebelum giliran Anda di ${mallName}. Pantau: https://mpp.example.go.id/demo/ticket/K7Q2`,
    });
    expect((await renderMessage(t.ctx, db, mallId, 'ticket.called', 'id', vars)).text).toBe(
      'Nomor A-012, silakan menuju Loket 3.',
    );
    expect((await renderMessage(t.ctx, db, mallId, 'ticket.called', 'en', vars)).text).toBe(
      'Number A-012, please go to Loket 3.',
    );
    // An unknown language falls back to Bahasa Indonesia.
    expect((await renderMessage(t.ctx, db, mallId, 'ticket.called', 'fr', vars)).text).toBe(
      'Nomor A-012, silakan menuju Loket 3.',
    );
  });

  it('keeps a mall’s own wording, audited, and resets it to the default', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: url('/ticket.called/en'),
      headers: bearer(admin),
      payload: {
        subject: 'Your call: {{ number }}',
        text: 'Hi! {{number}} → {{counter}} now, please. ({{mall}})',
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ custom: true, event: 'ticket.called', locale: 'en' });
    const db = t.ctx.database.db;
    expect(await renderMessage(t.ctx, db, mallId, 'ticket.called', 'en', vars)).toEqual({
      subject: 'Your call: A-012',
      text: `Hi! A-012 → Loket 3 now, please. (${mallName})`,
    });
    // The Indonesian one is untouched.
    expect((await renderMessage(t.ctx, db, mallId, 'ticket.called', 'id', vars)).text).toBe(
      'Nomor A-012, silakan menuju Loket 3.',
    );
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('mall_id', '=', mallId)
      .where('entity', '=', 'message_template')
      .execute();
    expect(audit).toEqual([{ action: 'message_template.update', entity_id: 'ticket.called:en' }]);

    const one = await t.app.inject({ method: 'GET', url: url('/ticket.called/en'), headers: bearer(admin) });
    expect(one.json().text).toBe('Hi! {{number}} → {{counter}} now, please. ({{mall}})');
    const reset = await t.app.inject({
      method: 'DELETE',
      url: url('/ticket.called/en'),
      headers: bearer(admin),
    });
    expect(reset.json()).toMatchObject({
      custom: false,
      text: 'Number {{number}}, please go to {{counter}}.',
    });
    expect((await renderMessage(t.ctx, db, mallId, 'ticket.called', 'en', vars)).text).toBe(
      'Number A-012, please go to Loket 3.',
    );
  });

  it('refuses an unknown placeholder with a clear 422, on save and in the preview', async () => {
    for (const [method, u, payload] of [
      ['PUT', url('/ticket.near/id'), { subject: '', text: 'Nomor {{nomor}} dekat' }],
      [
        'POST',
        url('/preview'),
        { event: 'ticket.near', locale: 'id', subject: '', text: 'Nomor {{nomor}} dekat' },
      ],
    ] as const) {
      const res = await t.app.inject({ method, url: u, headers: bearer(admin), payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('TEMPLATE_INVALID');
      expect(res.json().error.message).toContain('{{nomor}}');
      expect(res.json().error.message).toContain('{{number}}');
    }
    const unclosed = await t.app.inject({
      method: 'POST',
      url: url('/preview'),
      headers: bearer(admin),
      payload: { event: 'ticket.called', locale: 'id', subject: '', text: 'Nomor {{number}, ke loket' },
    });
    expect(unclosed.statusCode).toBe(422);
    const near = await t.app.inject({ method: 'GET', url: url('/ticket.near/id'), headers: bearer(admin) });
    expect(near.json().custom).toBe(false);
  });

  it('previews with sample values', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: url('/preview'),
      headers: bearer(admin),
      payload: {
        event: 'ticket.near',
        locale: 'id',
        subject: 'Segera: {{number}}',
        text: '{{number}} ({{service}}) tinggal {{ahead}} lagi di {{mall}}. {{ticketUrl}}',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      subject: 'Segera: A-012',
      text: `A-012 (Penerbitan KTP-el) tinggal 3 lagi di ${mallName}. https://mpp.example.go.id/${t.slug}/ticket/CONTOH`,
    });
  });

  it('lets auditors read and only mall admins change', async () => {
    const auditor = await t.login('auditor');
    const officer = await t.login('petugas');
    expect((await t.app.inject({ method: 'GET', url: url(), headers: bearer(auditor) })).statusCode).toBe(
      200,
    );
    const body = { subject: 'x', text: 'Nomor {{number}}' };
    for (const who of [auditor, officer]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: url('/ticket.near/id'),
        headers: bearer(who),
        payload: body,
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: url(), headers: bearer(officer) })).statusCode).toBe(
      403,
    );
  });
});
