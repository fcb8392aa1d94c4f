import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { insertMessage } from './outbox.repo.js';
import type { OutboxMessageInput } from './outbox.types.js';

/** Default number of tries before a message is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 8;

type Wake = () => void;
const wakers = new WeakMap<AppContext, Wake>();

/** The worker of this node registers how to wake it; queuing a message wakes it after commit. */
export function onOutboxWork(ctx: AppContext, wake: Wake): void {
  wakers.set(ctx, wake);
}

/** Wakes this node's worker (after a retry was queued, for instance). */
export function wakeOutbox(ctx: AppContext): void {
  wakers.get(ctx)?.();
}

/**
 * Queues a message in the caller's transaction: it is sent only if the change commits, and it is
 * sent even if this node dies right after the commit (any node drains the outbox).
 */
export async function enqueueMessage(ctx: AppContext, tx: Tx, m: OutboxMessageInput): Promise<number> {
  const now = ctx.now().toISOString();
  const id = await insertMessage(tx.db, {
    mall_id: m.mallId,
    channel: m.channel,
    event: m.event,
    address: m.address,
    address_masked: m.addressMasked,
    subject_type: m.subject?.type ?? null,
    subject_id: m.subject?.id ?? null,
    locale: m.locale ?? 'id',
    body: JSON.stringify(m.body),
    idempotency_key: m.idempotencyKey,
    status: 'pending',
    max_attempts: m.maxAttempts ?? ctx.config.OUTBOX_MAX_ATTEMPTS ?? DEFAULT_MAX_ATTEMPTS,
    next_attempt_at: now,
    created_at: now,
    updated_at: now,
  });
  tx.afterCommit(() => wakers.get(ctx)?.());
  return id;
}
