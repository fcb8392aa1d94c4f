import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestMall, dialects, type TestDialect, type TestMall } from '../../../../../test/harness.js';
import { type LocalSmtp, startLocalSmtp } from '../../../../../test/local-smtp.js';
import {
  createThrowawayDb,
  pgServerFromTestEnv,
  type ThrowawayDb,
} from '../../../../../test/process/pg-db.js';
import { inTransaction } from '../../../db/tx.js';
import { enqueueMessage } from '../outbox.service.js';
import { outboxWorkerOf } from '../outbox.worker.js';

const SUBJECT = 'Giliran Anda segera tiba — A-012';
const TEXT =
  'Nomor antrean A-012 (Penerbitan KTP-el) — tinggal 3 orang lagi. Pantau: https://x/demo/ticket/K7';

describe.each(dialects())('e-mail channel on %s', (dialect: TestDialect) => {
  let own: ThrowawayDb | undefined;
  let smtp: LocalSmtp;
  let t: TestMall | undefined;

  beforeAll(async () => {
    // This file's own PostgreSQL database: other files' workers must not take these e-mails.
    if (dialect === 'postgres')
      own = await createThrowawayDb(pgServerFromTestEnv() as string, 'outbox_mail', { migrated: true });
  });
  afterAll(async () => {
    await own?.drop();
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    await smtp.close();
  });

  async function setup() {
    smtp = await startLocalSmtp();
    t = await createTestMall(dialect, {
      databaseUrl: own?.url,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'MPP Kabupaten Demo <mpp@demo.go.id>', OUTBOX_POLL_MS: '25' },
    });
    const mall = await t.ctx.database.db
      .selectFrom('malls')
      .select('id')
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
    return { t, mallId: mall.id };
  }

  const queue = (tm: TestMall, mallId: number, key: string) =>
    inTransaction(tm.ctx.database.db, (tx) =>
      enqueueMessage(tm.ctx, tx, {
        mallId,
        channel: 'email',
        event: 'ticket.near',
        address: 'warga.contoh@example.id',
        addressMasked: 'w***@example.id',
        body: { subject: SUBJECT, text: TEXT },
        idempotencyKey: key,
      }),
    );
  const row = (tm: TestMall, key: string) =>
    tm.ctx.database.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();

  it('delivers the message to the SMTP server: subject, text, sender and recipient', async () => {
    const { t, mallId } = await setup();
    await queue(t, mallId, `mail-${dialect}-1`);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe(SUBJECT);
    expect(mail?.text?.trim()).toBe(TEXT);
    expect(mail?.from?.value).toEqual([{ address: 'mpp@demo.go.id', name: 'MPP Kabupaten Demo' }]);
    expect(mail?.envelopeTo).toEqual(['warga.contoh@example.id']);
    expect((mail?.to as { text: string } | undefined)?.text).toBe('warga.contoh@example.id');
    expect(mail?.messageId).toMatch(/^<[0-9a-f]{32}@satu-atap>$/);
    await vi.waitFor(async () => expect((await row(t, `mail-${dialect}-1`))?.status).toBe('sent'));
    expect((await row(t, `mail-${dialect}-1`))?.provider_id).toBe(mail?.messageId);
  });

  it('fails at once when the server refuses the mailbox (550), keeping the address out of the error', async () => {
    const { t, mallId } = await setup();
    smtp.refuseWith = 550;
    const key = `mail-${dialect}-550`;
    await queue(t, mallId, key);
    await vi.waitFor(async () => expect((await row(t, key))?.status).toBe('failed'));
    const m = await row(t, key);
    expect(m?.attempts).toBe(1);
    expect(m?.last_error).toContain('550');
    expect(m?.last_error).not.toContain('warga.contoh@example.id');
    expect(smtp.mails).toHaveLength(0);
  });

  it('retries a temporary refusal (451) and then delivers once', async () => {
    const { t, mallId } = await setup();
    smtp.refuseWith = 451;
    const key = `mail-${dialect}-451`;
    await queue(t, mallId, key);
    await vi.waitFor(async () => expect((await row(t, key))?.attempts).toBe(1));
    expect((await row(t, key))?.status).toBe('pending');
    smtp.refuseWith = null;
    t.setNow(new Date(Date.now() + 3_600_000));
    const worker = outboxWorkerOf(t.ctx);
    await worker?.kick();
    await smtp.waitFor(1);
    await vi.waitFor(async () => expect((await row(t, key))?.status).toBe('sent'));
    t.setNow(new Date(Date.now() + 24 * 3_600_000));
    await worker?.kick();
    expect(smtp.mails).toHaveLength(1);
  });
});
