import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestMall,
  dialects,
  type TestDialect,
  type TestMall,
} from '../../../../test/harness.js';
import { type GatewayRequest, type LocalGateway, startLocalGateway } from '../../../../test/local-gateway.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../../test/process/pg-db.js';
import { WebhookPayload, WebhookTicket } from '../../../shared/contracts/integrations.js';
import { outboxWorkerOf } from '../outbox/outbox.worker.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

describe.each(dialects())('webhooks on %s', (dialect: TestDialect) => {
  let own: ThrowawayDb | undefined;
  let rx: LocalGateway;
  const opened: TestMall[] = [];

  beforeAll(async () => {
    // A database of this file's own on PostgreSQL: other files' workers must not deliver these messages.
    if (dialect === 'postgres')
      own = await createThrowawayDb(pgServerFromTestEnv() as string, 'webhooks', { migrated: true });
  });
  afterAll(async () => {
    await own?.drop();
  });
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
    await rx?.close();
  });

  /** A node whose worker polls rarely: the test moves the clock past each back-off and kicks it. */
  async function node(env: Record<string, string> = {}) {
    rx = await startLocalGateway();
    const t = await createTestMall(dialect, {
      databaseUrl: own?.url,
      start: MONDAY_10,
      alwaysOpen: true,
      env: { OUTBOX_POLL_MS: '600000', ...env },
    });
    opened.push(t);
    const admin = await t.login('admin');
    const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', p: string, payload?: object, token = admin) =>
      t.app.inject({ method, url: url(p), headers: bearer(token), payload });
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json().items;
    const ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id as number;
    const counter = (await t.app.inject({ method: 'GET', url: url('/counters') }))
      .json()
      .items.find((c: { serviceIds: number[] }) => c.serviceIds.includes(ktp)).id as number;
    expect((await call('POST', `/counters/${counter}/status`, { status: 'open' })).statusCode).toBe(200);
    const worker = outboxWorkerOf(t.ctx);
    if (!worker) throw new Error('no outbox worker');
    let clock = MONDAY_10.getTime();
    /**
     * Moves the clock past any back-off and drains, until `done()` or `rounds` run out; then waits
     * for the round in flight (issuing a ticket kicks the worker at once: the receiver may have an
     * answer the worker has not recorded yet).
     */
    const deliver = async (done: () => boolean, rounds = 12) => {
      for (let i = 0; i < rounds && !done(); i++) {
        clock += 10 * 60_000;
        t.setNow(new Date(clock));
        await worker.kick();
      }
      await worker.kick();
    };
    const subscribe = async (payload: object, token = admin) => {
      const res = await call('POST', '/webhooks', payload, token);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; secret: string; url: string; events: string[] };
    };
    const issue = async (extra: object = {}) => {
      const res = await t.issueKioskTicket(ktp, extra);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { number: string; trackingCode: string };
    };
    const callNext = async () => {
      const res = await call('POST', `/counters/${counter}/call-next`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: number; number: string };
    };
    return { t, admin, call, subscribe, issue, callNext, deliver, worker, url };
  }

  const verify = (secret: string, r: GatewayRequest) =>
    new StandardWebhook(secret).verify(r.body, {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    });

  it('subscribes with a secret shown once, validates URLs, edits, deletes, and audits each change', async () => {
    const n = await node();
    const hook = await n.subscribe({ url: `${rx.url}?src=satu-atap`, events: ['ticket.called'] });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64')).toHaveLength(32);
    const list = await n.call('GET', '/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(hook.secret);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: hook.id, events: ['ticket.called'], active: true, disabledReason: null }),
    ]);
    expect(list.json().items[0]).not.toHaveProperty('secret');
    for (const bad of [
      'ftp://example.id/hook',
      'http://user:rahasia@example.id/hook',
      'https://:token@example.id/',
      'javascript:alert(1)',
      'bukan alamat',
    ]) {
      const res = await n.call('POST', '/webhooks', { url: bad, events: ['ticket.called'] });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await n.call('POST', '/webhooks', { url: rx.url, events: ['ticket.eaten'] })).statusCode).toBe(
      400,
    );
    expect((await n.call('POST', '/webhooks', { url: rx.url, events: [] })).statusCode).toBe(400);
    const patched = await n.call('PATCH', `/webhooks/${hook.id}`, {
      events: ['ticket.issued', 'ticket.finished'],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ events: ['ticket.issued', 'ticket.finished'], url: hook.url });
    expect((await n.call('GET', `/webhooks/${hook.id}`)).json().events).toEqual([
      'ticket.issued',
      'ticket.finished',
    ]);
    expect((await n.call('DELETE', `/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await n.call('GET', `/webhooks/${hook.id}`)).json().error.code).toBe('WEBHOOK_NOT_FOUND');
    const audit = (await n.call('GET', `/audit?entity=webhook&entityId=${hook.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      'webhook.delete',
      'webhook.update',
      'webhook.create',
    ]);
    expect(JSON.stringify(audit)).not.toContain(hook.secret);
    // An integrator with webhooks.manage manages them too; its rows name its key.
    const key = (await n.call('POST', '/api-keys', { name: 'Aplikasi', scopes: ['webhooks.manage'] })).json();
    const theirs = await n.subscribe({ url: rx.url, events: ['ticket.issued'] }, key.key);
    const row = (await n.call('GET', `/audit?entity=webhook&entityId=${theirs.id}`)).json().items[0];
    expect(row).toMatchObject({ action: 'webhook.create', after: { apiKeyId: key.id } });
  });

  it('delivers issued, called, finished, no-show and cancelled tickets, signed, without tracking codes', async () => {
    const n = await node();
    const all = await n.subscribe({
      url: rx.url,
      events: ['ticket.issued', 'ticket.called', 'ticket.finished', 'ticket.no_show', 'ticket.cancelled'],
    });
    const calledOnly = await n.subscribe({ url: `${rx.url}?only=called`, events: ['ticket.called'] });
    const off = await n.subscribe({ url: `${rx.url}?off=1`, events: ['ticket.issued'] });
    expect((await n.call('PATCH', `/webhooks/${off.id}`, { active: false })).statusCode).toBe(200);

    const issued = [await n.issue(), await n.issue(), await n.issue({ priority: 'elderly' })];
    const a = await n.callNext();
    expect((await n.call('POST', `/tickets/${a.id}/start`)).statusCode).toBe(200);
    expect((await n.call('POST', `/tickets/${a.id}/finish`, { outcome: 'done' })).statusCode).toBe(200);
    const b = await n.callNext();
    expect((await n.call('POST', `/tickets/${b.id}/no-show`)).statusCode).toBe(200);
    const c = await n.callNext();
    expect((await n.call('POST', `/tickets/${c.id}/cancel`)).statusCode).toBe(200);
    // 3 issued + 3 called + finished + no-show + cancelled to `all`, 3 calls to `calledOnly`.
    await n.deliver(() => rx.requests.length >= 12);
    await n.deliver(() => false, 2);
    expect(rx.requests).toHaveLength(12);

    const mine = rx.requests.filter((r) => r.url === '/send');
    const types = mine.map((r) => (r.json as { type: string }).type);
    expect(types.sort()).toEqual(
      [
        ...Array(3).fill('ticket.issued'),
        ...Array(3).fill('ticket.called'),
        'ticket.finished',
        'ticket.no_show',
        'ticket.cancelled',
      ].sort(),
    );
    const onlyCalled = rx.requests.filter((r) => r.url === '/send?only=called');
    expect(onlyCalled.map((r) => (r.json as { type: string }).type)).toEqual(Array(3).fill('ticket.called'));
    expect(rx.requests.some((r) => r.url.includes('off=1'))).toBe(false);

    for (const r of rx.requests) {
      const secret = r.url === '/send' ? all.secret : calledOnly.secret;
      expect(() => verify(secret, r)).not.toThrow();
      expect(r.headers['content-type']).toBe('application/json');
      expect(String(r.headers['webhook-id'])).toMatch(/^webhook:\d+:\d+:\d+$/);
      const body = WebhookPayload.parse(r.json);
      WebhookTicket.parse(body.data);
      expect(body.data).not.toHaveProperty('priority');
      for (const tk of issued) expect(r.body).not.toContain(tk.trackingCode);
      expect(r.body).not.toMatch(/tracking/i);
    }
    // One id per message: no event delivered twice.
    expect(new Set(rx.requests.map((r) => r.headers['webhook-id'])).size).toBe(12);
    // A signature made with another secret does not verify.
    expect(() => verify(calledOnly.secret, mine[0]!)).toThrow();

    const finished = mine.find((r) => (r.json as { type: string }).type === 'ticket.finished')!;
    expect((finished.json as { data: object }).data).toMatchObject({
      ticketId: a.id,
      number: a.number,
      status: 'done',
      serviceName: 'Penerbitan KTP-el baru',
      counterNumber: expect.any(Number),
      outcome: 'done',
      calledAt: expect.any(String),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    const log = (await n.call('GET', `/webhooks/${all.id}/deliveries`)).json().items;
    expect(log).toHaveLength(9);
    for (const d of log)
      expect(d).toMatchObject({ status: 'sent', attempts: 1, tries: [{ ok: true, statusCode: 200 }] });
  });

  it('sends the priority group only to subscriptions granted the personal scope', async () => {
    const n = await node();
    const personal = await n.subscribe({
      url: `${rx.url}?p=1`,
      events: ['ticket.issued'],
      scopes: ['personal'],
    });
    await n.subscribe({ url: rx.url, events: ['ticket.issued'] });
    await n.issue({ priority: 'elderly' });
    await n.deliver(() => rx.requests.length >= 2);
    const p = rx.requests.find((r) => r.url === '/send?p=1')!;
    expect(() => verify(personal.secret, p)).not.toThrow();
    expect((p.json as { data: object }).data).toMatchObject({ priority: 'elderly' });
    const plain = rx.requests.find((r) => r.url === '/send')!;
    expect((plain.json as { data: object }).data).not.toHaveProperty('priority');
  });

  it('retries a receiver that answers 500 three times, which then gets the event exactly once', async () => {
    const n = await node();
    const hook = await n.subscribe({ url: rx.url, events: ['ticket.issued'] });
    rx.script([500, 500, 500]);
    await n.issue();
    await n.deliver(() => rx.requests.some((r) => r.status === 200));
    await n.deliver(() => false, 3);
    expect(rx.requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(rx.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(rx.requests.map((r) => r.body)).size).toBe(1);
    for (const r of rx.requests) expect(() => verify(hook.secret, r)).not.toThrow();
    const [d] = (await n.call('GET', `/webhooks/${hook.id}/deliveries`)).json().items;
    expect(d).toMatchObject({
      event: 'ticket.issued',
      status: 'sent',
      attempts: 4,
      sentAt: expect.any(String),
    });
    expect(d.tries.map((x: { statusCode: number }) => x.statusCode)).toEqual([500, 500, 500, 200]);
    expect(d.webhookId).toBe(rx.requests[0]!.headers['webhook-id']);
    const listed = (await n.call('GET', `/webhooks/${hook.id}`)).json();
    expect(listed).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('switches a subscription off after WEBHOOK_DISABLE_AFTER failed messages, shows why, and switches back on', async () => {
    const n = await node({ WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_DISABLE_AFTER: '3' });
    const hook = await n.subscribe({ url: rx.url, events: ['ticket.issued'] });
    rx.script([], 500);
    const failedFor = async (count: number) => {
      await n.deliver(() => rx.requests.length >= count * 2);
    };
    // A delivered message in between ends a run: 2 failed, 1 delivered, then 3 failed.
    await n.issue();
    await n.issue();
    await failedFor(2);
    expect((await n.call('GET', `/webhooks/${hook.id}`)).json()).toMatchObject({
      active: true,
      consecutiveFailures: 2,
    });
    rx.script([], 200);
    await n.issue();
    await n.deliver(() => rx.requests.length >= 5);
    expect((await n.call('GET', `/webhooks/${hook.id}`)).json()).toMatchObject({
      active: true,
      consecutiveFailures: 0,
    });
    rx.script([], 500);
    await n.issue();
    await n.issue();
    await n.issue();
    await n.deliver(() => rx.requests.length >= 11);
    await n.deliver(() => false, 3);
    expect(rx.requests).toHaveLength(11);
    const listed = (await n.call('GET', '/webhooks')).json().items[0];
    expect(listed).toMatchObject({
      active: false,
      disabledReason: 'failures',
      disabledAt: expect.any(String),
    });
    const audit = (
      await n.call('GET', `/audit?entity=webhook&entityId=${hook.id}&action=webhook.disable`)
    ).json();
    expect(audit.items).toEqual([
      expect.objectContaining({
        actor: null,
        after: expect.objectContaining({ reason: 'failures', consecutiveFailures: 3 }),
      }),
    ]);
    // Nothing more is queued for it.
    await n.issue();
    await n.deliver(() => false, 2);
    expect(rx.requests).toHaveLength(11);
    const statuses = (await n.call('GET', `/webhooks/${hook.id}/deliveries`))
      .json()
      .items.map((d: { status: string }) => d.status);
    expect(statuses).toEqual(['failed', 'failed', 'failed', 'sent', 'failed', 'failed']);

    // A ping still goes out (to test a fix); switching back on clears the flag and delivers again.
    rx.script([], 200);
    const ping = await n.call('POST', `/webhooks/${hook.id}/test`);
    expect(ping.statusCode).toBe(202);
    await n.deliver(() => rx.requests.length >= 12);
    const pinged = rx.requests[11]!;
    expect(pinged.json).toMatchObject({ type: 'webhook.ping' });
    expect(pinged.headers['webhook-id']).toBe(ping.json().webhookId);
    expect(() => verify(hook.secret, pinged)).not.toThrow();
    const on = await n.call('PATCH', `/webhooks/${hook.id}`, { active: true });
    expect(on.json()).toMatchObject({
      active: true,
      disabledAt: null,
      disabledReason: null,
      consecutiveFailures: 0,
    });
    await n.issue();
    await n.deliver(() => rx.requests.length >= 13);
    expect(rx.requests[12]).toMatchObject({
      status: 200,
      json: expect.objectContaining({ type: 'ticket.issued' }),
    });
  });

  it('switches off at once when the receiver answers 410 Gone', async () => {
    const n = await node();
    const hook = await n.subscribe({ url: rx.url, events: ['ticket.issued'] });
    rx.script([410]);
    await n.issue();
    await n.deliver(() => rx.requests.length >= 1);
    await n.deliver(() => false, 2);
    expect(rx.requests).toHaveLength(1);
    expect((await n.call('GET', `/webhooks/${hook.id}`)).json()).toMatchObject({
      active: false,
      disabledReason: 'gone',
    });
    const [d] = (await n.call('GET', `/webhooks/${hook.id}/deliveries`)).json().items;
    expect(d).toMatchObject({ status: 'failed', attempts: 1, tries: [{ ok: false, statusCode: 410 }] });
  });
});
