import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');
const PHONE = '0812-3456-7890';
const E164 = '+6281234567890';
const SUBSCRIPTION = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/abcdwxyz',
  keys: { p256dh: `B${'a'.repeat(86)}`, auth: 'b'.repeat(22) },
};

interface Ticket {
  id: number;
  number: string;
  trackingCode: string;
}

describe.each(dialects())('ticket notifications on %s', (dialect) => {
  let t: TestMall;
  let officer: string;
  let ktp: number;
  let skck: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10, env: { RATE_LIMIT_ANONYMOUS_WRITES: '1000' } });
    officer = await t.login('petugas');
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items;
    ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    skck = services.find((s: { name: string }) => s.name === 'Penerbitan SKCK baru').id;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items;
    counterId = counters.find((c: { serviceIds: number[] }) => c.serviceIds.includes(ktp)).id;
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const post = (p: string, payload?: unknown, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: url(p),
      payload: payload as object,
      headers: token ? bearer(token) : {},
    });
  const issue = async (serviceId = ktp): Promise<Ticket> => {
    const r = await t.issueKioskTicket(serviceId);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  const notify = (code: string, body: object) => post(`/tickets/${code}/notify`, body);
  const callNext = async (): Promise<Ticket> => {
    const r = await post(`/counters/${counterId}/call-next`, undefined, officer);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const act = async (id: number, action: string, body?: object) => {
    const r = await post(`/tickets/${id}/${action}`, body, officer);
    expect(r.statusCode, r.body).toBe(200);
  };
  const drain = async () => {
    for (;;) {
      const r = await post(`/counters/${counterId}/call-next`, undefined, officer);
      if (r.statusCode === 204) return;
      await act(r.json().id, 'finish', { outcome: 'done' });
    }
  };
  const messagesOf = (ticketId: number) =>
    t.ctx.database.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('subject_type', '=', 'ticket')
      .where('subject_id', '=', ticketId)
      .orderBy('id')
      .execute();
  /** People ahead as the citizen's ticket page shows it. */
  const aheadOnPage = async (code: string) => {
    const p = (await t.app.inject({ method: 'GET', url: url(`/tickets/${code}`) })).json();
    return p.position === null ? null : p.position - 1;
  };

  it('tells a citizen four places back once when near and once when called, through recalls, transfers and other calls', async () => {
    await drain();
    const [t1, t2, t3, t4, mine] = [
      await issue(),
      await issue(),
      await issue(),
      await issue(),
      await issue(),
    ];
    expect(await aheadOnPage(mine!.trackingCode)).toBe(4);
    const sub = await notify(mine!.trackingCode, { channel: 'whatsapp', address: PHONE, whenAhead: 2 });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toEqual({ channel: 'whatsapp', addressMasked: '+62812****7890', whenAhead: 2 });
    expect(await messagesOf(mine!.id)).toEqual([]);

    // Each step: what the page shows and what the outbox holds for this ticket.
    const seen: string[] = [];
    const step = async (label: string) => {
      const ahead = await aheadOnPage(mine!.trackingCode);
      const events = (await messagesOf(mine!.id)).map((m) => m.event);
      seen.push(`${label}: ahead ${ahead} → ${events.join(',') || '-'}`);
    };
    const c1 = await callNext();
    expect(c1.id).toBe(t1!.id);
    await step('t1 called');
    await act(t1!.id, 'recall');
    // Another group's ticket issued and cancelled in between moves nobody in this line.
    const other = await issue(skck);
    await post(`/tickets/${other.id}/cancel`, undefined, await t.login('petugas-polres'));
    await step('other group');
    await act(t1!.id, 'transfer', { serviceId: skck });
    await step('t1 transferred away');
    expect((await callNext()).id).toBe(t2!.id);
    await step('t2 called');
    await act(t2!.id, 'finish', { outcome: 'done' });
    expect((await callNext()).id).toBe(t3!.id);
    await act(t3!.id, 'finish', { outcome: 'done' });
    await step('t3 done');
    expect((await callNext()).id).toBe(t4!.id);
    await act(t4!.id, 'recall');
    await act(t4!.id, 'finish', { outcome: 'done' });
    await step('t4 done');
    expect((await callNext()).id).toBe(mine!.id);
    await step('mine called');
    await act(mine!.id, 'recall');
    await act(mine!.id, 'start');
    await act(mine!.id, 'finish', { outcome: 'done' });
    await step('mine done');
    expect(seen).toEqual([
      't1 called: ahead 3 → -',
      'other group: ahead 3 → -',
      't1 transferred away: ahead 3 → -',
      't2 called: ahead 2 → ticket.near',
      't3 done: ahead 1 → ticket.near',
      't4 done: ahead 0 → ticket.near',
      'mine called: ahead null → ticket.near,ticket.called',
      'mine done: ahead null → ticket.near,ticket.called',
    ]);
    const [near, called] = await messagesOf(mine!.id);
    expect(near).toMatchObject({
      channel: 'whatsapp',
      address: E164,
      address_masked: '+62812****7890',
      idempotency_key: `ticket:${mine!.id}:near:whatsapp`,
      status: 'pending',
    });
    expect(called!.idempotency_key).toBe(`ticket:${mine!.id}:called:whatsapp`);
    const nearText = JSON.parse(near!.body).text as string;
    const calledText = JSON.parse(called!.body).text as string;
    expect(nearText).toContain(mine!.number);
    expect(nearText).toContain(`/${t.slug}/ticket/${mine!.trackingCode}`);
    expect(calledText).toContain(mine!.number);
    expect(calledText).toContain('Loket');
  });

  it('sends near at once when already within reach, never for a cancelled ticket, and called without near when called first', async () => {
    await drain();
    const a = await issue();
    const b = await issue();
    const c = await issue();
    // b: one ahead, asks for "when 1 ahead" → near at once (mall default 3 too).
    expect((await notify(b.trackingCode, { channel: 'sms', address: '628123456789' })).json().whenAhead).toBe(
      3,
    );
    expect((await messagesOf(b.id)).map((m) => [m.event, m.channel, m.address])).toEqual([
      ['ticket.near', 'sms', '+628123456789'],
    ]);
    // c: asks for "when 0 ahead", then is cancelled while waiting: nothing, ever.
    expect(
      (await notify(c.trackingCode, { channel: 'whatsapp', address: PHONE, whenAhead: 0 })).statusCode,
    ).toBe(201);
    await act(c.id, 'cancel');
    // a: asks for "when 0 ahead" while first in line → near at once; then called.
    await notify(a.trackingCode, { channel: 'email', address: 'Warga@Example.id', whenAhead: 0 });
    await drain();
    expect((await messagesOf(c.id)).length).toBe(0);
    expect((await messagesOf(a.id)).map((m) => [m.event, m.address, m.address_masked])).toEqual([
      ['ticket.near', 'warga@example.id', 'w***@e***.id'],
      ['ticket.called', 'warga@example.id', 'w***@e***.id'],
    ]);
    expect(JSON.parse((await messagesOf(a.id))[0]!.body)).toMatchObject({ subject: expect.any(String) });
    expect((await notify(c.trackingCode, { channel: 'sms', address: PHONE })).json().error.code).toBe(
      'TICKET_NOT_WAITING',
    );

    // e asks for "when 0 ahead" while d is before it: near on the call of d, then called.
    const d = await issue();
    const e = await issue();
    await notify(e.trackingCode, { channel: 'whatsapp', address: PHONE, whenAhead: 0 });
    expect((await callNext()).id).toBe(d.id);
    await act(d.id, 'finish', { outcome: 'done' });
    expect((await callNext()).id).toBe(e.id);
    expect((await messagesOf(e.id)).map((m) => m.event)).toEqual(['ticket.near', 'ticket.called']);
    await act(e.id, 'finish', { outcome: 'done' });
  });

  it('refuses bad numbers with INVALID_PHONE, bad e-mail and push subscriptions with VALIDATION_FAILED', async () => {
    const tk = await issue();
    for (const address of ['0812-3456-7890x', '021-555-1234', '12345', '+1 415 555 2671', ''])
      for (const channel of ['whatsapp', 'sms']) {
        const r = await notify(tk.trackingCode, { channel, address });
        expect(r.statusCode, `${channel} ${address}`).toBe(400);
        expect(r.json().error.code, `${channel} ${address}: ${r.body}`).toBe(
          address ? 'INVALID_PHONE' : 'VALIDATION_FAILED',
        );
      }
    expect((await notify(tk.trackingCode, { channel: 'whatsapp' })).json().error.code).toBe('INVALID_PHONE');
    for (const body of [
      { channel: 'email', address: 'bukan-email' },
      { channel: 'email' },
      { channel: 'webpush' },
      { channel: 'webpush', subscription: { ...SUBSCRIPTION, keys: { p256dh: 'a', auth: 'b' } } },
      {
        channel: 'webpush',
        subscription: { ...SUBSCRIPTION, endpoint: 'http://fcm.googleapis.com/fcm/send/x' },
      },
      // A push service not on PUSH_ENDPOINT_HOSTS: the server would never send there.
      { channel: 'webpush', subscription: { ...SUBSCRIPTION, endpoint: 'https://push.example.com/x' } },
      { channel: 'whatsapp', address: PHONE, whenAhead: 51 },
      { channel: 'whatsapp', address: PHONE, locale: 'fr' },
      { channel: 'telegram', address: PHONE },
    ]) {
      const r = await notify(tk.trackingCode, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await notify('TIDAKADA00', { channel: 'whatsapp', address: PHONE })).json().error.code).toBe(
      'TICKET_NOT_FOUND',
    );
    const rows = await t.ctx.database.db
      .selectFrom('ticket_notifications')
      .select('id')
      .where('ticket_id', '=', tk.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps one request per channel: asking again replaces it (200), DELETE stops it; audited without the address', async () => {
    const ahead = [await issue(), await issue(), await issue(), await issue(), await issue()];
    const tk = await issue();
    expect(ahead.length).toBe(5);
    const first = await notify(tk.trackingCode, { channel: 'whatsapp', address: PHONE, whenAhead: 1 });
    expect(first.statusCode).toBe(201);
    const again = await notify(tk.trackingCode, {
      channel: 'whatsapp',
      address: '0813 1111 2222',
      whenAhead: 2,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ channel: 'whatsapp', addressMasked: '+62813****2222', whenAhead: 2 });
    const push = await notify(tk.trackingCode, { channel: 'webpush', subscription: SUBSCRIPTION });
    expect(push.statusCode, push.body).toBe(201);
    expect(push.json().addressMasked).toBe('push:fcm.googleapis.com/…wxyz');
    const rows = () =>
      t.ctx.database.db
        .selectFrom('ticket_notifications')
        .select(['channel', 'address', 'when_ahead'])
        .where('ticket_id', '=', tk.id)
        .orderBy('channel')
        .execute();
    expect(await rows()).toEqual([
      {
        channel: 'webpush',
        address: JSON.stringify(SUBSCRIPTION),
        when_ahead: 3,
      },
      { channel: 'whatsapp', address: '+6281311112222', when_ahead: 2 },
    ]);
    const del = await t.app.inject({
      method: 'DELETE',
      url: url(`/tickets/${tk.trackingCode}/notify?channel=webpush`),
    });
    expect(del.statusCode).toBe(204);
    expect((await rows()).map((r) => r.channel)).toEqual(['whatsapp']);
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'ticket')
      .where('entity_id', '=', String(tk.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'ticket.notify',
      'ticket.notify.update',
      'ticket.notify',
      'ticket.notify.stop',
    ]);
    const text = JSON.stringify(audit);
    expect(text).toContain('whatsapp');
    expect(text).not.toMatch(/81311112222|81234567890|abcdwxyz|\*\*\*\*2222/);
  });

  it('takes its default from the mall setting, changed by the mall admin’s PATCH', async () => {
    const admin = await t.login('admin');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: url(''),
      headers: bearer(admin),
      payload: { notifyWhenAhead: 7 },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().notifyWhenAhead).toBe(7);
    const tk = await issue();
    expect((await notify(tk.trackingCode, { channel: 'sms', address: PHONE })).json().whenAhead).toBe(7);
    await t.app.inject({
      method: 'PATCH',
      url: url(''),
      headers: bearer(admin),
      payload: { notifyWhenAhead: 3 },
    });
  });
});

describe('ticket notifications are an anonymous write', () => {
  it('are rate-limited per address like every anonymous write (429 RATE_LIMITED)', async () => {
    const t = await createTestMall('sqlite', { start: MONDAY_10, env: { RATE_LIMIT_ANONYMOUS_WRITES: '3' } });
    try {
      const services = (
        await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
      ).json().items;
      const tk = (await t.issueKioskTicket(services[0].id)).json();
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/malls/${t.slug}/tickets/${tk.trackingCode}/notify`,
          payload: { channel: 'sms', address: PHONE },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.code).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([201, 200, 200, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
