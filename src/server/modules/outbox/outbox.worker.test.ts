import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestMall, dialects, type TestDialect, type TestMall } from '../../../../test/harness.js';
import { type LocalGateway, startLocalGateway } from '../../../../test/local-gateway.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../../test/process/pg-db.js';
import { inTransaction } from '../../db/tx.js';
import { BACKOFF_MS, backoffMs } from './backoff.js';
import { gatewayBody } from './channels/http-gateway.js';
import { claimDue } from './outbox.repo.js';
import { enqueueMessage } from './outbox.service.js';
import type { OutboxMessageInput } from './outbox.types.js';
import { outboxWorkerOf } from './outbox.worker.js';

const PHONE = '+6281234567890';
const TEXT = 'Nomor antrean A-012 (Penerbitan "KTP-el") — tinggal 3 orang lagi.\nPantau: https://x/t/ABC';

describe('back-off and gateway bodies', () => {
  it('waits 1 s, 2 s, 5 s … 1 h with ±20 % jitter', () => {
    expect([1, 2, 3, 8, 20].map((n) => backoffMs(n, () => 0.5))).toEqual([
      1000, 2000, 5000, 3_600_000, 3_600_000,
    ]);
    for (let n = 1; n <= 10; n++) {
      const base = BACKOFF_MS[Math.min(n, BACKOFF_MS.length) - 1] as number;
      expect(backoffMs(n, () => 0)).toBe(Math.round(base * 0.8));
      expect(backoffMs(n, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.2));
    }
  });

  it('fills body templates with JSON-escaped values', () => {
    expect(JSON.parse(gatewayBody(undefined, PHONE, TEXT))).toEqual({ to: PHONE, text: TEXT });
    const fonnte = gatewayBody(
      '{"target":"{{to_digits}}","message":"{{text}}","countryCode":"62"}',
      PHONE,
      TEXT,
    );
    expect(JSON.parse(fonnte)).toEqual({ target: '6281234567890', message: TEXT, countryCode: '62' });
  });
});

describe.each(dialects())('outbox worker on %s', (dialect: TestDialect) => {
  let own: ThrowawayDb | undefined;
  let gw: LocalGateway | undefined;
  const opened: TestMall[] = [];

  beforeAll(async () => {
    // A database of this file's own on PostgreSQL: other test files' workers, configured with their
    // own gateways, must not claim these messages (nor these workers theirs).
    if (dialect === 'postgres')
      own = await createThrowawayDb(pgServerFromTestEnv() as string, 'outbox_w', { migrated: true });
  });
  afterAll(async () => {
    await own?.drop();
  });
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
    await gw?.close();
    gw = undefined;
  });

  async function node(env: Record<string, string> = {}) {
    if (!gw) throw new Error('start the gateway first');
    const t = await createTestMall(dialect, {
      databaseUrl: own?.url,
      env: {
        WHATSAPP_GATEWAY_URL: gw.url,
        WHATSAPP_GATEWAY_TOKEN: 'tok-123',
        OUTBOX_POLL_MS: '25',
        ...env,
      },
    });
    opened.push(t);
    const mall = await t.ctx.database.db
      .selectFrom('malls')
      .select('id')
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
    const worker = outboxWorkerOf(t.ctx);
    if (!worker) throw new Error('no outbox worker started');
    return { t, mallId: mall.id, worker };
  }

  const message = (mallId: number, key: string, o: Partial<OutboxMessageInput> = {}): OutboxMessageInput => ({
    mallId,
    channel: 'whatsapp',
    event: 'ticket.near',
    address: PHONE,
    addressMasked: '+62812****7890',
    body: { text: TEXT },
    idempotencyKey: key,
    ...o,
  });

  const row = (t: TestMall, key: string) =>
    t.ctx.database.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();

  it('retries a gateway that answers 500 three times, then delivers exactly once', async () => {
    gw = await startLocalGateway();
    gw.script([500, 500, 500], 200);
    const { t, mallId, worker } = await node();
    let now = Date.now();
    t.setNow(new Date(now));
    const key = `k-${dialect}-retry`;
    await inTransaction(t.ctx.database.db, (tx) => enqueueMessage(t.ctx, tx, message(mallId, key)));
    await gw.waitFor(1);
    // Move the clock past each back-off instead of waiting for it.
    while ((await row(t, key))?.status !== 'sent') {
      now += 61 * 60_000;
      t.setNow(new Date(now));
      await worker.kick();
    }
    now += 24 * 3_600_000;
    t.setNow(new Date(now));
    await worker.kick();
    expect(gw.requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    for (const r of gw.requests) {
      expect(r.headers.authorization).toBe('Bearer tok-123');
      expect(r.headers['idempotency-key']).toBe(key);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.json).toEqual({ to: PHONE, text: TEXT });
    }
    const m = await row(t, key);
    expect(m).toMatchObject({
      status: 'sent',
      attempts: 4,
      provider_id: '4',
      locked_by: null,
      last_error: null,
    });
    const log = await t.ctx.database.db
      .selectFrom('outbox_attempts')
      .select(['attempt', 'ok', 'status_code'])
      .where('message_id', '=', m?.id as number)
      .orderBy('attempt')
      .execute();
    expect(log).toEqual([
      { attempt: 1, ok: 0, status_code: 500 },
      { attempt: 2, ok: 0, status_code: 500 },
      { attempt: 3, ok: 0, status_code: 500 },
      { attempt: 4, ok: 1, status_code: 200 },
    ]);
  });

  it('fails at once on a 400 and keeps the number out of the error', async () => {
    gw = await startLocalGateway();
    gw.script([400], 200);
    const { t, mallId, worker } = await node();
    const key = `k-${dialect}-400`;
    await inTransaction(t.ctx.database.db, (tx) => enqueueMessage(t.ctx, tx, message(mallId, key)));
    await gw.waitFor(1);
    await worker.kick();
    t.setNow(new Date(Date.now() + 24 * 3_600_000));
    await worker.kick();
    expect(gw.requests).toHaveLength(1);
    const m = await row(t, key);
    expect(m).toMatchObject({ status: 'failed', attempts: 1 });
    expect(m?.last_error).toContain('400');
    expect(m?.last_error).toContain('+62812****7890');
    expect(m?.last_error).not.toContain(PHONE);
  });

  it('sends a form-shaped body to a gateway that takes forms (Fonnte)', async () => {
    gw = await startLocalGateway();
    const { t, mallId } = await node({
      WHATSAPP_GATEWAY_BODY: '{"target":"{{to_digits}}","message":"{{text}}","countryCode":"62"}',
      WHATSAPP_GATEWAY_FORMAT: 'form',
      WHATSAPP_GATEWAY_AUTH_HEADER: 'Authorization',
    });
    const key = `k-${dialect}-form`;
    await inTransaction(t.ctx.database.db, (tx) => enqueueMessage(t.ctx, tx, message(mallId, key)));
    const [r] = await gw.waitFor(1);
    expect(r?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(r?.body))).toEqual({
      target: '6281234567890',
      message: TEXT,
      countryCode: '62',
    });
    await vi.waitFor(async () => expect((await row(t, key))?.status).toBe('sent'));
  });

  it('sends the token raw in a named header with a gateway-shaped body', async () => {
    gw = await startLocalGateway();
    const { t, mallId } = await node({
      WHATSAPP_GATEWAY_BODY: '{"target":"{{to_digits}}","message":"{{text}}"}',
      WHATSAPP_GATEWAY_AUTH_HEADER: 'Authorization',
    });
    await inTransaction(t.ctx.database.db, (tx) =>
      enqueueMessage(t.ctx, tx, message(mallId, `k-${dialect}-shape`)),
    );
    const [r] = await gw.waitFor(1);
    expect(r?.headers.authorization).toBe('tok-123');
    expect(r?.json).toEqual({ target: '6281234567890', message: TEXT });
    await vi.waitFor(async () => expect((await row(t, `k-${dialect}-shape`))?.status).toBe('sent'));
  });

  it('never sends a message whose transaction rolled back', async () => {
    gw = await startLocalGateway();
    const { t, mallId, worker } = await node();
    await expect(
      inTransaction(t.ctx.database.db, async (tx) => {
        await enqueueMessage(t.ctx, tx, message(mallId, `k-${dialect}-rolled-back`));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // A message queued afterwards arrives; the rolled-back one before it never does.
    await inTransaction(t.ctx.database.db, (tx) =>
      enqueueMessage(t.ctx, tx, message(mallId, `k-${dialect}-committed`)),
    );
    await gw.waitFor(1);
    await worker.kick();
    expect(gw.requests.map((r) => r.headers['idempotency-key'])).toEqual([`k-${dialect}-committed`]);
    expect(await row(t, `k-${dialect}-rolled-back`)).toBeUndefined();
  });

  it('leaves messages of a channel this node has not configured pending', async () => {
    gw = await startLocalGateway();
    const { t, mallId, worker } = await node();
    const key = `k-${dialect}-sms`;
    await inTransaction(t.ctx.database.db, (tx) =>
      enqueueMessage(t.ctx, tx, message(mallId, key, { channel: 'sms' })),
    );
    await worker.kick();
    t.setNow(new Date(Date.now() + 3_600_000));
    await worker.kick();
    expect(await row(t, key)).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
    expect(gw.requests).toHaveLength(0);
    // Out of the way of the next tests on the shared PostgreSQL database.
    await t.ctx.database.db
      .updateTable('outbox_messages')
      .set({ status: 'cancelled' })
      .where('idempotency_key', '=', key)
      .execute();
  });

  it('takes over a message whose node died mid-send once its lease expires, with the same key', async () => {
    gw = await startLocalGateway();
    const { t, mallId, worker } = await node();
    const key = `k-${dialect}-lease`;
    const now = Date.now();
    t.setNow(new Date(now));
    // The state a node leaves when it dies mid-send: the message claimed, its lease running. Claimed in
    // the queuing transaction itself, so this node's worker cannot take it first.
    await inTransaction(t.ctx.database.db, async (tx) => {
      await enqueueMessage(t.ctx, tx, message(mallId, key));
      const claimed = await claimDue(tx.db, t.ctx.database.dialect, {
        now: new Date(now).toISOString(),
        until: new Date(now + 60_000).toISOString(),
        nodeId: 'dead-node',
        channels: ['whatsapp'],
        limit: 10,
      });
      expect(claimed.map((c) => c.idempotency_key)).toEqual([key]);
    });
    await worker.kick();
    t.setNow(new Date(now + 59_000));
    await worker.kick();
    expect(gw.requests).toHaveLength(0);
    expect(await row(t, key)).toMatchObject({ status: 'pending', locked_by: 'dead-node' });
    t.setNow(new Date(now + 61_000));
    await worker.kick();
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]?.headers['idempotency-key']).toBe(key);
    expect(await row(t, key)).toMatchObject({ status: 'sent', attempts: 1, locked_by: null });
  });

  it.runIf(dialect === 'postgres')('two nodes drain 200 messages without sending one twice', async () => {
    gw = await startLocalGateway();
    gw.delayMs = 20;
    const a = await node();
    const b = await node();
    const keys = Array.from({ length: 200 }, (_, i) => `k-two-${i}`);
    await inTransaction(a.t.ctx.database.db, async (tx) => {
      for (const k of keys) await enqueueMessage(a.t.ctx, tx, message(a.mallId, k));
    });
    await Promise.all([a.worker.kick(), b.worker.kick()]);
    await gw.waitFor(200);
    await Promise.all([a.worker.kick(), b.worker.kick()]);
    const sent = gw.requests.map((r) => r.headers['idempotency-key']);
    expect(sent).toHaveLength(200);
    expect(new Set(sent).size).toBe(200);
    expect(a.worker.stats.sent + b.worker.stats.sent).toBe(200);
    expect(a.worker.stats.sent).toBeGreaterThan(0);
    expect(b.worker.stats.sent).toBeGreaterThan(0);
  });
});
