import type { Kysely } from 'kysely';
import type { OutboxMessage } from '../../../shared/contracts/outbox.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './outbox.repo.js';
import { wakeOutbox } from './outbox.service.js';

type Listed = Awaited<ReturnType<typeof repo.listMessages>>[number];
type Attempt = Awaited<ReturnType<typeof repo.attemptsOf>>[number];

/** The admin's view of a message: the masked address only, with its delivery log. */
function toDto(m: Listed, log: Attempt[]): OutboxMessage {
  return {
    id: m.id,
    channel: m.channel,
    event: m.event,
    addressMasked: m.address_masked,
    addressErased: m.address_erased_at !== null,
    subject: m.subject_type && m.subject_id !== null ? { type: m.subject_type, id: m.subject_id } : null,
    locale: m.locale,
    status: m.status as OutboxMessage['status'],
    attempts: m.attempts,
    maxAttempts: m.max_attempts,
    nextAttemptAt: m.status === 'pending' ? m.next_attempt_at : null,
    lastError: m.last_error,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    log: deliveryLog(log),
  };
}

/** The delivery logs of these messages, read at once: `logOf(id)` gives one message's tries. */
export async function deliveryLogs(db: Kysely<DB>, messageIds: number[]) {
  const log = await repo.attemptsOf(db, messageIds);
  return (messageId: number) => deliveryLog(log.filter((a) => a.message_id === messageId));
}

/**
 * A message's tries as the admin screens show them (outbox and webhook deliveries alike), numbered
 * over the whole log: a retry by an admin starts a fresh count of tries, not a new log.
 */
function deliveryLog(log: Attempt[]): OutboxMessage['log'] {
  return log.map((a, i) => ({
    attempt: i + 1,
    at: a.at,
    ok: a.ok === 1,
    statusCode: a.status_code,
    error: a.error,
    durationMs: a.duration_ms,
  }));
}

export async function listOutboxMessages(
  ctx: AppContext,
  mall: MallRecord,
  q: { status?: string; limit: number; before?: number },
) {
  const db = ctx.database.db;
  const rows = await repo.listMessages(db, mall.id, q);
  const log = await repo.attemptsOf(
    db,
    rows.map((r) => r.id),
  );
  const counts = await repo.countByStatus(db, mall.id);
  return {
    items: rows.map((r) =>
      toDto(
        r,
        log.filter((a) => a.message_id === r.id),
      ),
    ),
    counts: {
      pending: counts.pending ?? 0,
      sent: counts.sent ?? 0,
      failed: counts.failed ?? 0,
      cancelled: counts.cancelled ?? 0,
    },
  };
}

/**
 * Sends a failed message again: back to pending with a fresh count of tries, audited, and this
 * node's worker woken after commit. Only failed messages whose address is still kept.
 */
export async function retryOutboxMessage(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
): Promise<OutboxMessage> {
  const at = ctx.now().toISOString();
  const dto = await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findListedMessage(tx.db, mall.id, id);
    if (!before) throw notFound('MESSAGE_NOT_FOUND', 'Pesan');
    if (before.status !== 'failed')
      throw new AppError(
        'MESSAGE_NOT_FAILED',
        `Hanya pesan yang gagal yang bisa dikirim ulang; pesan ini ${before.status} (only failed messages can be retried).`,
      );
    if (before.address === null)
      throw new AppError(
        'MESSAGE_NOT_FAILED',
        'Alamat penerima pesan ini sudah dihapus (masa simpan habis); pesan tidak bisa dikirim ulang (address erased).',
      );
    if (!(await repo.requeueFailed(tx.db, mall.id, id, at)))
      throw new AppError('CONFLICT', 'Pesan baru saja diubah; muat ulang (changed meanwhile).');
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'outbox.retry',
      entity: 'outbox_message',
      entityId: id,
      before: { status: 'failed', attempts: before.attempts, lastError: before.last_error },
      after: { status: 'pending', attempts: 0 },
      at,
    });
    tx.afterCommit(() => wakeOutbox(ctx));
    const after = await repo.findListedMessage(tx.db, mall.id, id);
    return toDto(after as Listed, await repo.attemptsOf(tx.db, [id]));
  });
  return dto;
}
