import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bearer,
  createTestMall,
  dialects,
  type TestDialect,
  type TestMall,
} from '../../../../test/harness.js';
import { type LocalGateway, startLocalGateway } from '../../../../test/local-gateway.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../../test/process/pg-db.js';
import { hasPersonalNumber } from '../../../shared/domain/mask-personal.js';
import { inTransaction } from '../../db/tx.js';
import { enqueueMessage } from './outbox.service.js';
import type { OutboxMessageInput } from './outbox.types.js';
import { deleteExpiredMessages, eraseExpiredAddresses } from './retention.service.js';

const PHONE = '+6281234567890';

describe.each(dialects())('outbox admin API on %s', (dialect: TestDialect) => {
  let own: ThrowawayDb | undefined;
  let gw: LocalGateway;
  let t: TestMall;
  let admin: string;
  let mallId: number;
  const now = Date.now();
  const url = (p = '') => `/api/v1/malls/${t.slug}/outbox/messages${p}`;
  const message = (key: string, o: Partial<OutboxMessageInput> = {}): OutboxMessageInput => ({
    mallId,
    channel: 'whatsapp',
    event: 'ticket.near',
    address: PHONE,
    addressMasked: '+62812****7890',
    body: { text: 'Nomor A-012, silakan menuju Loket 3.' },
    idempotencyKey: `${dialect}-${key}`,
    subject: { type: 'ticket', id: 42 },
    ...o,
  });
  const queue = (m: OutboxMessageInput) =>
    inTransaction(t.ctx.database.db, (tx) => enqueueMessage(t.ctx, tx, m));
  const row = (key: string) =>
    t.ctx.database.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('idempotency_key', '=', `${dialect}-${key}`)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    if (dialect === 'postgres')
      own = await createThrowawayDb(pgServerFromTestEnv() as string, 'outbox_admin', { migrated: true });
    gw = await startLocalGateway();
    t = await createTestMall(dialect, {
      databaseUrl: own?.url,
      start: new Date(now),
      env: { WHATSAPP_GATEWAY_URL: gw.url, WHATSAPP_GATEWAY_TOKEN: 'tok', OUTBOX_POLL_MS: '25' },
    });
    admin = await t.login('admin');
    mallId = (
      await t.ctx.database.db
        .selectFrom('malls')
        .select('id')
        .where('slug', '=', t.slug)
        .executeTakeFirstOrThrow()
    ).id;
    // One delivered, one refused by the gateway (400), one waiting for SMS, which is not configured.
    await queue(message('sent'));
    await gw.waitFor(1);
    gw.script([400], 200);
    await queue(message('failed'));
    await queue(message('waiting', { channel: 'sms' }));
    await vi.waitFor(async () => expect((await row('failed')).status).toBe('failed'));
    await vi.waitFor(async () => expect((await row('sent')).status).toBe('sent'));
  });
  afterAll(async () => {
    await t.close();
    await gw.close();
    await own?.drop();
  });

  it('lists messages with masked addresses and their delivery log, never the number', async () => {
    const res = await t.app.inject({ method: 'GET', url: url('?status=failed'), headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain('6281234567890');
    expect(hasPersonalNumber(res.body)).toBe(false);
    const body = res.json();
    expect(body.counts).toEqual({ pending: 1, sent: 1, failed: 1, cancelled: 0 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      channel: 'whatsapp',
      event: 'ticket.near',
      addressMasked: '+62812****7890',
      addressErased: false,
      subject: { type: 'ticket', id: 42 },
      status: 'failed',
      attempts: 1,
      nextAttemptAt: null,
    });
    expect(body.items[0].lastError).toContain('400');
    expect(body.items[0].log).toEqual([expect.objectContaining({ attempt: 1, ok: false, statusCode: 400 })]);
    const all = await t.app.inject({ method: 'GET', url: url(), headers: bearer(admin) });
    expect(all.json().items.map((m: { status: string }) => m.status)).toEqual(['pending', 'failed', 'sent']);
    expect(hasPersonalNumber(all.body)).toBe(false);
    const auditor = await t.login('auditor');
    expect((await t.app.inject({ method: 'GET', url: url(), headers: bearer(auditor) })).statusCode).toBe(
      200,
    );
    const officer = await t.login('petugas');
    expect((await t.app.inject({ method: 'GET', url: url(), headers: bearer(officer) })).statusCode).toBe(
      403,
    );
  });

  it('sends a failed message again on retry, audited, and refuses to retry one that is not failed', async () => {
    const failed = await row('failed');
    const auditor = await t.login('auditor');
    const denied = await t.app.inject({
      method: 'POST',
      url: url(`/${failed.id}/retry`),
      headers: bearer(auditor),
    });
    expect(denied.statusCode).toBe(403);
    const before = gw.requests.length;
    const res = await t.app.inject({
      method: 'POST',
      url: url(`/${failed.id}/retry`),
      headers: bearer(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    await vi.waitFor(async () => expect((await row('failed')).status).toBe('sent'));
    expect(gw.requests.length).toBe(before + 1);
    expect(gw.requests.at(-1)?.headers['idempotency-key']).toBe(`${dialect}-failed`);
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('mall_id', '=', mallId)
      .where('entity', '=', 'outbox_message')
      .execute();
    expect(audit).toEqual([{ action: 'outbox.retry', entity_id: String(failed.id) }]);
    const again = await t.app.inject({
      method: 'POST',
      url: url(`/${failed.id}/retry`),
      headers: bearer(admin),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MESSAGE_NOT_FAILED');
    const missing = await t.app.inject({ method: 'POST', url: url('/999999/retry'), headers: bearer(admin) });
    expect(missing.json().error.code).toBe('MESSAGE_NOT_FOUND');
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('satu_atap_outbox_sent_total{channel="whatsapp"} 2');
    expect(metrics.body).toContain('satu_atap_outbox_failed_total{channel="whatsapp"} 1');
    expect(metrics.body).toContain('satu_atap_outbox_pending{channel="sms"} 1');
  });

  it('erases addresses of messages finished longer ago than the retention period', async () => {
    gw.script([400], 200);
    await queue(message('failed-late'));
    await vi.waitFor(async () => expect((await row('failed-late')).status).toBe('failed'));
    // Six days on nothing is erased; eight days on, the finished ones are, the waiting one is not.
    t.setNow(new Date(now + 6 * 86_400_000));
    expect((await eraseExpiredAddresses(t.ctx)).outbox_messages).toBe(0);
    t.setNow(new Date(now + 8 * 86_400_000));
    expect((await eraseExpiredAddresses(t.ctx)).outbox_messages).toBe(3);
    for (const key of ['sent', 'failed', 'failed-late']) {
      const m = await row(key);
      expect(m.address).toBeNull();
      expect(m.address_erased_at).not.toBeNull();
      expect(m.address_masked).toBe('+62812****7890');
    }
    expect((await row('waiting')).address).toBe(PHONE);
    admin = await t.login('admin'); // eight days on, the earlier session has ended
    const res = await t.app.inject({ method: 'GET', url: url('?status=failed'), headers: bearer(admin) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ addressErased: true, addressMasked: '+62812****7890' });
    const late = await row('failed-late');
    const retry = await t.app.inject({
      method: 'POST',
      url: url(`/${late.id}/retry`),
      headers: bearer(admin),
    });
    expect(retry.statusCode).toBe(409);
  });

  it('deletes finished messages and their delivery log OUTBOX_RETENTION_DAYS (30) after they were queued', async () => {
    const attempts = async () =>
      Number(
        (
          await t.ctx.database.db
            .selectFrom('outbox_attempts')
            .innerJoin('outbox_messages', 'outbox_messages.id', 'outbox_attempts.message_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('outbox_messages.mall_id', '=', mallId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await attempts()).toBeGreaterThanOrEqual(3);
    t.setNow(new Date(now + 29 * 86_400_000));
    expect(await deleteExpiredMessages(t.ctx, mallId)).toBe(0);
    t.setNow(new Date(now + 31 * 86_400_000));
    // The delivered one and the two refused; the one waiting for SMS stays, whatever its age.
    expect(await deleteExpiredMessages(t.ctx, mallId)).toBe(3);
    const left = await t.ctx.database.db
      .selectFrom('outbox_messages')
      .select(['idempotency_key', 'status'])
      .where('mall_id', '=', mallId)
      .execute();
    expect(left).toEqual([{ idempotency_key: `${dialect}-waiting`, status: 'pending' }]);
    expect(await attempts()).toBe(0);
    expect(await deleteExpiredMessages(t.ctx, mallId)).toBe(0);
  });
});
