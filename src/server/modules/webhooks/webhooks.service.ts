import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  WEBHOOK_PING,
  type Webhook,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookDisabledReason,
  type WebhookEventTypeName,
  type WebhookInput,
  type WebhookPatch,
} from '../../../shared/contracts/integrations.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { auditActorId, auditVia } from '../api-keys/api-keys.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import { deliveryLogs } from '../outbox/outbox.admin.service.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import type { OutboxMessageRow } from '../outbox/outbox.types.js';
import * as repo from './webhooks.repo.js';
import { forgetSubscriptions, maskedUrl } from './webhooks.sink.js';

type WebhookDto = z.infer<typeof Webhook>;
/** The delivery log shows this many of a subscription's latest messages. */
const DELIVERIES_SHOWN = 50;

/** "whsec_" + base64 of 32 random bytes, the Standard Webhooks secret format. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export function toWebhookDto(s: repo.SubscriptionRow): WebhookDto {
  return {
    id: s.id,
    url: s.url,
    events: JSON.parse(s.events) as WebhookEventTypeName[],
    scopes: JSON.parse(s.scopes) as 'personal'[],
    active: s.active === 1,
    disabledAt: s.disabled_at,
    disabledReason: s.disabled_reason as z.infer<typeof WebhookDisabledReason> | null,
    consecutiveFailures: s.consecutive_failures,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

async function load(db: Parameters<typeof repo.findSubscription>[0], mallId: number, id: number) {
  const s = await repo.findSubscription(db, mallId, id);
  if (!s) throw notFound('WEBHOOK_NOT_FOUND', 'Webhook');
  return s;
}

export async function listWebhooks(ctx: AppContext, mall: MallRecord) {
  return (await repo.listSubscriptions(ctx.database.db, mall.id)).map(toWebhookDto);
}

export async function getWebhook(ctx: AppContext, mall: MallRecord, id: number) {
  return toWebhookDto(await load(ctx.database.db, mall.id, id));
}

/** Subscribes a URL; the signing secret is answered here once and never listed again. */
export async function createWebhook(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof WebhookInput>,
): Promise<z.infer<typeof WebhookCreated>> {
  const at = ctx.now().toISOString();
  const secret = newSecret();
  const events = [...new Set(input.events)];
  const scopes = [...new Set(input.scopes ?? [])];
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const id = await repo.insertSubscription(tx.db, {
      mall_id: mall.id,
      url: input.url,
      events: JSON.stringify(events),
      scopes: JSON.stringify(scopes),
      secret,
      active: 1,
      disabled_at: null,
      disabled_reason: null,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: auditActorId(actor),
      action: 'webhook.create',
      entity: 'webhook',
      entityId: id,
      after: { url: input.url, events, scopes, ...auditVia(actor) },
      at,
    });
    tx.afterCommit(() => forgetSubscriptions(ctx, mall.id));
    return load(tx.db, mall.id, id);
  });
  return { ...toWebhookDto(row), secret };
}

/**
 * PATCH: changes only what it names. `active: true` also clears an automatic switch-off and its
 * failure count; `active: false` cancels the messages still waiting.
 */
export async function updateWebhook(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof WebhookPatch>,
) {
  const at = ctx.now().toISOString();
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const before = await load(tx.db, mall.id, id);
    const set: Parameters<typeof repo.updateSubscription>[2] = { updated_at: at };
    if (patch.url !== undefined) set.url = patch.url;
    if (patch.events !== undefined) set.events = JSON.stringify([...new Set(patch.events)]);
    if (patch.active === true) {
      Object.assign(set, { active: 1, disabled_at: null, disabled_reason: null, consecutive_failures: 0 });
    } else if (patch.active === false) {
      set.active = 0;
      await repo.cancelPending(tx.db, id, at);
    }
    await repo.updateSubscription(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: auditActorId(actor),
      action: 'webhook.update',
      entity: 'webhook',
      entityId: id,
      before: {
        url: before.url,
        events: JSON.parse(before.events),
        active: before.active === 1,
        disabledReason: before.disabled_reason,
      },
      after: { ...patch, ...auditVia(actor) },
      at,
    });
    tx.afterCommit(() => forgetSubscriptions(ctx, mall.id));
    return load(tx.db, mall.id, id);
  });
  return toWebhookDto(row);
}

/** Deletes the subscription; its waiting messages are cancelled, its delivery log stays in the outbox. */
export async function deleteWebhook(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await load(tx.db, mall.id, id);
    await repo.cancelPending(tx.db, id, at);
    await repo.deleteSubscription(tx.db, id);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: auditActorId(actor),
      action: 'webhook.delete',
      entity: 'webhook',
      entityId: id,
      before: { url: before.url, events: JSON.parse(before.events) },
      after: auditVia(actor),
      at,
    });
    tx.afterCommit(() => forgetSubscriptions(ctx, mall.id));
  });
}

/** Queues a `webhook.ping` to the subscription (sent even while it is switched off, to test a fix). */
export async function sendTestPing(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const at = ctx.now().toISOString();
  const webhookId = `webhook:${id}:ping:${randomUUID()}`;
  const deliveryId = await inTransaction(ctx.database.db, async (tx) => {
    const sub = await load(tx.db, mall.id, id);
    const deliveryId = await enqueueMessage(ctx, tx, {
      mallId: mall.id,
      channel: 'webhook',
      event: WEBHOOK_PING,
      address: String(id),
      addressMasked: maskedUrl(sub.url),
      subject: { type: repo.SUBJECT, id },
      body: { type: WEBHOOK_PING, timestamp: at, data: { webhookId: id, mall: mall.slug } },
      idempotencyKey: webhookId,
      maxAttempts: 1,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: auditActorId(actor),
      action: 'webhook.test',
      entity: 'webhook',
      entityId: id,
      after: { deliveryId, ...auditVia(actor) },
      at,
    });
    return deliveryId;
  });
  return { deliveryId, webhookId };
}

export async function listDeliveries(
  ctx: AppContext,
  mall: MallRecord,
  id: number,
): Promise<z.infer<typeof WebhookDelivery>[]> {
  await load(ctx.database.db, mall.id, id);
  const messages = await repo.deliveries(ctx.database.db, mall.id, id, DELIVERIES_SHOWN);
  const logOf = await deliveryLogs(
    ctx.database.db,
    messages.map((m) => m.id),
  );
  return messages.map((m) => ({
    id: m.id,
    webhookId: m.idempotency_key,
    event: m.event,
    status: m.status as 'pending' | 'sent' | 'failed' | 'cancelled',
    attempts: m.attempts,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    nextAttemptAt: m.status === 'pending' ? m.next_attempt_at : null,
    lastError: m.last_error,
    tries: logOf(m.id),
  }));
}

// ── Outcomes reported by the channel (webhook.channel.ts) ───────────────────────────────────────────

/** Switches the subscription off (audit row, waiting messages cancelled); admins see it in the list. */
async function disable(
  ctx: AppContext,
  id: number,
  reason: z.infer<typeof WebhookDisabledReason>,
  inFlight: number,
  failures?: number,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const sub = await repo.subscriptionForSend(tx.db, id);
    if (!sub || !(await repo.disableSubscription(tx.db, id, at, reason))) return;
    await repo.cancelPending(tx.db, id, at, inFlight);
    // Mall admins are told by the flag on the list (users carry no e-mail address to write to yet).
    await appendAudit(tx, {
      mallId: sub.mall_id,
      actorId: null,
      action: 'webhook.disable',
      entity: 'webhook',
      entityId: id,
      after: { reason, consecutiveFailures: failures ?? sub.consecutive_failures, url: maskedUrl(sub.url) },
      at,
    });
    tx.afterCommit(() => forgetSubscriptions(ctx, sub.mall_id));
  });
}

/** The receiver answered 410 Gone: it asks not to be called again. */
export function disableForGone(ctx: AppContext, id: number, messageId: number) {
  return disable(ctx, id, 'gone', messageId);
}

/**
 * A try failed. Only the last try of a message counts (the worker fails a message after
 * `max_attempts` tries): WEBHOOK_DISABLE_AFTER such messages in a row switch the subscription off.
 * Pings never count.
 */
export async function messageFailed(ctx: AppContext, id: number, row: OutboxMessageRow) {
  if (row.event === WEBHOOK_PING || row.attempts + 1 < row.max_attempts) return;
  const r = await repo.countFailedMessage(ctx.database.db, id, ctx.now().toISOString());
  if (r && r.active === 1 && r.consecutive_failures >= ctx.config.WEBHOOK_DISABLE_AFTER)
    await disable(ctx, id, 'failures', row.id, r.consecutive_failures);
}

export async function messageDelivered(ctx: AppContext, id: number) {
  await repo.resetFailures(ctx.database.db, id);
}
