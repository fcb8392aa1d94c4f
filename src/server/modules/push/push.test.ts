import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestMall,
  dialects,
  type TestDialect,
  type TestMall,
} from '../../../../test/harness.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../../test/process/pg-db.js';
import {
  browserSubscription,
  type LocalPushService,
  startPushService,
  verifyVapid,
} from '../../../../test/push-service.js';
import { bootContext } from '../../boot.js';
import { loadConfig } from '../../config.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { registerChannel } from '../outbox/channels/index.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import { type OutboxMessageRow, PermanentSendError, SendError } from '../outbox/outbox.types.js';
import { outboxWorkerOf } from '../outbox/outbox.worker.js';
import type { StoredPushKeys } from './push.repo.js';
import { ensurePushKeys, maskPushSubscription, vapidSubject } from './push.service.js';
import { createWebPushChannel, PUSH_TTL_SECONDS, webPushChannel } from './webpush.channel.js';

const SUBJECT = 'mailto:pengelola@mpp.example.go.id';
// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB: the demo mall is open.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

describe.each(dialects())('web push on %s', (dialect) => {
  let t: TestMall;
  let service: LocalPushService;
  let mallId: number;
  let channel: ReturnType<typeof createWebPushChannel>;
  let own: ThrowawayDb | undefined;

  beforeAll(async () => {
    service = await startPushService();
    // On PostgreSQL a database of this file's own: other test files' outbox workers must not claim
    // these messages (they do not trust this push service's certificate).
    if (dialect === 'postgres')
      own = await createThrowawayDb(pgServerFromTestEnv()!, 'push', { migrated: true });
    t = await createTestMall(dialect, {
      start: MONDAY_10,
      databaseUrl: own?.url,
      env: { PUSH_ENDPOINT_HOSTS: '127.0.0.1', PUSH_SUBJECT: SUBJECT, OUTBOX_POLL_MS: '50' },
    });
    // The worker sends through a channel that trusts the local push service's certificate.
    channel = createWebPushChannel({ agent: service.agent });
    registerChannel(channel);
    const mall = await t.ctx.database.db
      .selectFrom('malls')
      .select('id')
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
    mallId = mall.id;
  });
  afterAll(async () => {
    registerChannel(webPushChannel);
    await t?.close();
    await own?.drop();
    await service?.close();
  });

  let ids = 0;
  /** An outbox row as the worker hands it to the channel (not queued: the worker must not race these). */
  function outboxRow(subscription: object, body: object): OutboxMessageRow {
    const now = new Date().toISOString();
    return {
      id: -++ids,
      mall_id: mallId,
      channel: 'webpush',
      event: 'ticket.near',
      address: JSON.stringify(subscription),
      address_masked: maskPushSubscription(subscription as { endpoint: string }),
      subject_type: null,
      subject_id: null,
      locale: 'id',
      body: JSON.stringify(body),
      idempotency_key: `direct:${ids}`,
      status: 'pending',
      attempts: 0,
      max_attempts: 8,
      next_attempt_at: now,
      locked_until: null,
      locked_by: null,
      last_error: null,
      provider_id: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
      address_erased_at: null,
      anonymised_at: null,
    };
  }

  const publicKey = async () => {
    const res = await t.app.inject({ url: `/api/v1/malls/${t.slug}/push/public-key` });
    expect(res.statusCode).toBe(200);
    return res.json().publicKey as string;
  };

  it('answers the installation’s VAPID public key: an uncompressed P-256 point, the same every time', async () => {
    const key = await publicKey();
    const point = Buffer.from(key, 'base64url');
    expect(point.length).toBe(65);
    expect(point[0]).toBe(4);
    expect(await publicKey()).toBe(key);
    const row = await t.ctx.database.db.selectFrom('push_keys').selectAll().executeTakeFirstOrThrow();
    expect(row.public_key).toBe(key);
    expect(
      JSON.stringify((await t.app.inject({ url: `/api/v1/malls/${t.slug}/push/public-key` })).json()),
    ).not.toContain(row.private_key);
    const missing = await t.app.inject({ url: '/api/v1/malls/no-such-mall/push/public-key' });
    expect(missing.statusCode).toBe(404);
  });

  it('delivers a push the browser decrypts to the exact JSON, signed with VAPID for the endpoint’s origin', async () => {
    expect(channel.configured(t.ctx)).toBe(true);
    const browser = browserSubscription(service.origin);
    const body = {
      title: 'Giliran Anda sebentar lagi',
      body: 'B-017 · 3 orang lagi',
      url: 'https://mpp.example/t/ABC',
      tag: 'ticket-17',
    };
    const row = outboxRow(browser.subscription, body);
    const before = Math.floor(Date.now() / 1000);
    const result = await channel.send(t.ctx, row);
    expect(result.statusCode).toBe(201);
    expect(result.providerId).toMatch(/^https:\/\/127\.0\.0\.1\/m\/\d+$/);

    const got = service.received.filter((r) => r.path === browser.path);
    expect(got).toHaveLength(1);
    const req = got[0]!;
    expect(req.headers['content-encoding']).toBe('aes128gcm');
    expect(req.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
    expect(req.headers.urgency).toBe('high');
    expect(req.headers.topic).toBe('ticket-17');
    expect(JSON.parse(browser.decrypt(req.body))).toEqual(body);
    // Someone without the browser's keys reads nothing.
    expect(() => browserSubscription(service.origin).decrypt(req.body)).toThrow();

    const { k, claims } = verifyVapid(String(req.headers.authorization));
    expect(k).toBe(await publicKey());
    expect(claims.aud).toBe(service.origin);
    expect(claims.sub).toBe(SUBJECT);
    const exp = Number(claims.exp);
    expect(exp).toBeGreaterThan(before);
    expect(exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 24 * 3600);
  });

  it('fails for good on 410, remembers the subscription as gone and never asks the push service again', async () => {
    const browser = browserSubscription(service.origin);
    service.answer(browser.path, 410);
    const first = outboxRow(browser.subscription, { title: 'A', body: 'b', url: '/x', tag: 't1' });
    const err = await channel.send(t.ctx, first).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentSendError);
    expect((err as PermanentSendError).statusCode).toBe(410);
    expect(service.received.filter((r) => r.path === browser.path)).toHaveLength(1);

    const second = outboxRow(browser.subscription, { title: 'A', body: 'b', url: '/x', tag: 't2' });
    await expect(channel.send(t.ctx, second)).rejects.toBeInstanceOf(PermanentSendError);
    expect(service.received.filter((r) => r.path === browser.path)).toHaveLength(1);
  });

  it('retries what a retry can fix (500, 429) and fails at once what it cannot (404, 400)', async () => {
    for (const [status, kind] of [
      [500, SendError],
      [429, SendError],
      [404, PermanentSendError],
      [400, PermanentSendError],
    ] as const) {
      const browser = browserSubscription(service.origin);
      service.answer(browser.path, status);
      const row = outboxRow(browser.subscription, { title: 'A', body: 'b', url: '/x', tag: 't' });
      const err = await channel.send(t.ctx, row).catch((e: unknown) => e);
      expect(err, `status ${status}`).toBeInstanceOf(kind);
      expect((err as SendError).statusCode).toBe(status);
    }
  });

  it('refuses endpoints off the push-service list, erased addresses and bodies it cannot show, without a request', async () => {
    const count = service.received.length;
    const elsewhere = browserSubscription('https://10.0.0.1:8443');
    const off = outboxRow(elsewhere.subscription, { title: 'A', body: 'b', url: '/x', tag: 't' });
    await expect(channel.send(t.ctx, off)).rejects.toBeInstanceOf(PermanentSendError);
    const browser = browserSubscription(service.origin);
    const erased = outboxRow(browser.subscription, { title: 'A', body: 'b', url: '/x', tag: 't' });
    await expect(channel.send(t.ctx, { ...erased, address: null })).rejects.toBeInstanceOf(
      PermanentSendError,
    );
    const badBody = outboxRow(browser.subscription, { text: 'no title' });
    await expect(channel.send(t.ctx, badBody)).rejects.toBeInstanceOf(PermanentSendError);
    expect(service.received.length).toBe(count);
  });

  it('goes through the outbox: queued in a transaction, sent once by the worker and logged; a 410 fails after one try', async () => {
    const db = t.ctx.database.db;
    const worker = outboxWorkerOf(t.ctx)!;
    const ok = browserSubscription(service.origin);
    const gone = browserSubscription(service.origin);
    service.answer(gone.path, 410);
    const body = {
      title: 'Nomor B-017 dipanggil',
      body: 'Silakan menuju Loket 3',
      url: '/demo/ticket/X',
      tag: 'ticket-17',
    };
    const enqueue = (sub: { endpoint: string }, key: string) =>
      inTransaction(db, (tx) =>
        enqueueMessage(t.ctx, tx, {
          mallId,
          channel: 'webpush',
          event: 'ticket.called',
          address: JSON.stringify(sub),
          addressMasked: maskPushSubscription(sub),
          body,
          idempotencyKey: key,
        }),
      );
    const okId = await enqueue(ok.subscription, `push-ok-${dialect}`);
    const goneId = await enqueue(gone.subscription, `push-gone-${dialect}`);
    const row = (id: number) =>
      db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    while ((await row(okId)).status === 'pending' || (await row(goneId)).status === 'pending') {
      await worker.kick();
      await new Promise((r) => setTimeout(r, 50));
    }
    // Queuing the same message again changes nothing.
    expect(await enqueue(ok.subscription, `push-ok-${dialect}`)).toBe(okId);
    await worker.kick();

    const sent = await row(okId);
    expect(sent.status).toBe('sent');
    expect(sent.provider_id).toMatch(/^https:\/\/127\.0\.0\.1\/m\/\d+$/);
    expect(sent.address_masked).toBe(`push:127.0.0.1/…${ok.subscription.endpoint.slice(-4)}`);
    const okRequests = service.received.filter((r) => r.path === ok.path);
    expect(okRequests).toHaveLength(1);
    expect(JSON.parse(ok.decrypt(okRequests[0]!.body))).toEqual(body);

    const failed = await row(goneId);
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toContain('410');
    expect(service.received.filter((r) => r.path === gone.path)).toHaveLength(1);
    const log = await db
      .selectFrom('outbox_attempts')
      .select(['message_id', 'ok', 'status_code'])
      .where('message_id', 'in', [okId, goneId])
      .orderBy('message_id')
      .execute();
    expect(log).toEqual([
      { message_id: okId, ok: 1, status_code: 201 },
      { message_id: goneId, ok: 0, status_code: 410 },
    ]);
  });

  it('through the real API: a citizen subscribes on the ticket page, then "near" and "called" arrive and decrypt', async () => {
    const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
    const services = (await t.app.inject({ url: url('/services?limit=500') })).json().items as {
      id: number;
      name: string;
    }[];
    const ktp = services.find((x) => x.name === 'Penerbitan KTP-el baru')!.id;
    const counters = (await t.app.inject({ url: url('/counters') })).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    const counterId = counters.find((c) => c.serviceIds.includes(ktp))!.id;
    const officer = await t.login('petugas');
    const first = (await t.issueKioskTicket(ktp)).json();
    const mine = (await t.issueKioskTicket(ktp)).json();

    const browser = browserSubscription(service.origin);
    const sub = await t.app.inject({
      method: 'POST',
      url: url(`/tickets/${mine.trackingCode}/notify`),
      payload: { channel: 'webpush', subscription: browser.subscription, whenAhead: 1 },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json().addressMasked).toBe(`push:127.0.0.1/…${browser.subscription.endpoint.slice(-4)}`);

    const worker = outboxWorkerOf(t.ctx)!;
    const arrived = async (n: number) => {
      while (service.received.filter((r) => r.path === browser.path).length < n) {
        await worker.kick();
        await new Promise((r) => setTimeout(r, 50));
      }
      return service.received
        .filter((r) => r.path === browser.path)
        .map((r) => JSON.parse(browser.decrypt(r.body)));
    };
    // One person ahead and whenAhead 1: "near" at once.
    const [near] = await arrived(1);
    const call = (p: string, payload?: object) =>
      t.app.inject({
        method: 'POST',
        url: url(p),
        headers: bearer(officer),
        ...(payload ? { payload } : {}),
      });
    expect((await call(`/counters/${counterId}/call-next`)).json().id).toBe(first.id);
    expect((await call(`/tickets/${first.id}/finish`, { outcome: 'done' })).statusCode).toBe(200);
    expect((await call(`/counters/${counterId}/call-next`)).json().id).toBe(mine.id);
    const pushes = await arrived(2);
    await worker.kick();
    expect(service.received.filter((r) => r.path === browser.path)).toHaveLength(2);

    const ticketUrl = expect.stringMatching(new RegExp(`/${t.slug}/ticket/${mine.trackingCode}$`));
    expect(near).toEqual({
      title: expect.any(String),
      body: expect.stringContaining(mine.number),
      url: ticketUrl,
      tag: `ticket-${mine.id}`,
    });
    expect(pushes[1]).toEqual({
      title: expect.any(String),
      body: expect.stringContaining(mine.number),
      url: ticketUrl,
      tag: `ticket-${mine.id}`,
    });
    expect(pushes[1].title).not.toBe(near.title);
  });

  // Several nodes share one database only on PostgreSQL (SQLite is one node per mall): there they
  // race on an empty database; on SQLite a restart must find the key its first start made.
  it(
    dialect === 'postgres'
      ? 'lets nodes starting together on an empty database agree on one key pair, created once and audited'
      : 'keeps the key pair its first start made across a restart, created once and audited',
    async () => {
      const own = await ownDatabase(dialect);
      const nodes: AppContext[] = [];
      const boot = async () =>
        (await bootContext(own.config, pino({ level: 'silent' }), { seed: false })).ctx;
      try {
        let keys: StoredPushKeys[];
        if (dialect === 'postgres') {
          nodes.push(await boot(), await boot());
          keys = await Promise.all(nodes.map((ctx) => ensurePushKeys(ctx)));
        } else {
          nodes.push(await boot());
          const first = await ensurePushKeys(nodes[0]!);
          await nodes[0]!.hub.stop();
          await nodes.pop()!.database.close();
          nodes.push(await boot());
          keys = [first, await ensurePushKeys(nodes[0]!)];
        }
        expect(keys[0]).toEqual(keys[1]);
        const db = nodes[0]!.database.db;
        expect(await db.selectFrom('push_keys').selectAll().execute()).toHaveLength(1);
        const audit = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'push.keys.create')
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]!.after).toContain(keys[0]!.publicKey);
        expect(audit[0]!.after).not.toContain(keys[0]!.privateKey);
      } finally {
        for (const ctx of nodes) {
          await ctx.hub.stop();
          await ctx.database.close();
        }
        await own.drop();
      }
    },
  );
});

describe('VAPID subject', () => {
  const base = { PUSH_SUBJECT: undefined, PUBLIC_URL: undefined };
  it.each([
    [{ PUSH_SUBJECT: 'https://mpp.example.go.id' }, 'https://mpp.example.go.id', true],
    [{ MAIL_FROM: 'MPP Kota <noreply@mpp.example.go.id>' }, 'mailto:noreply@mpp.example.go.id', true],
    [{ MAIL_FROM: 'noreply@mpp.example.go.id' }, 'mailto:noreply@mpp.example.go.id', true],
    [{ PUBLIC_URL: 'https://mpp.example.go.id/antre' }, 'https://mpp.example.go.id', true],
    [{ PUBLIC_URL: 'http://192.168.1.10:3000' }, 'mailto:pengelola@satu-atap.invalid', false],
  ])('%o → %s', (cfg, subject, configured) => {
    expect(vapidSubject({ ...base, ...cfg })).toEqual({ subject, configured });
  });
});

/** A database of the test's own, empty: a fresh SQLite file, or a new PostgreSQL database. */
async function ownDatabase(dialect: TestDialect) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-push-keys-'));
  const pgDb = dialect === 'postgres' ? await createThrowawayDb(pgServerFromTestEnv()!, 'push_keys') : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    DATABASE_URL: pgDb?.url,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'never',
  });
  return {
    config,
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
      await pgDb?.drop();
    },
  };
}
