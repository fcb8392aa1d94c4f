import { Webhook } from 'standardwebhooks';
import { WEBHOOK_PING } from '../../../shared/contracts/integrations.js';
import type { AppContext } from '../../context.js';
import {
  type OutboxChannel,
  type OutboxMessageRow,
  PermanentSendError,
  SendError,
  type SendResult,
} from '../outbox/outbox.types.js';
import * as repo from './webhooks.repo.js';
import { disableForGone, messageDelivered, messageFailed } from './webhooks.service.js';

/** A receiver has this long to answer; slower counts as a failed try (retried with back-off). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Delivers a webhook message: reads the subscription's URL and secret now (a changed URL or a
 * switched-off subscription takes effect for messages already queued), signs per Standard Webhooks
 * (`webhook-id` = the message's idempotency key, `webhook-timestamp`, `webhook-signature`
 * v1,HMAC-SHA256(id.timestamp.body)) with the `standardwebhooks` package, and POSTs the body exactly
 * as queued. 2xx delivered; 410 switches the subscription off; anything else is retried.
 */
export const webhookChannel: OutboxChannel = {
  name: 'webhook',
  configured: () => true,
  async send(ctx: AppContext, row: OutboxMessageRow, opts?: { signal?: AbortSignal }): Promise<SendResult> {
    const id = Number(row.subject_id ?? row.address);
    const sub = await repo.subscriptionForSend(ctx.database.db, id);
    if (!sub || sub.mall_id !== row.mall_id) throw new PermanentSendError('webhook subscription deleted');
    if (!sub.active && row.event !== WEBHOOK_PING) throw new PermanentSendError('webhook subscription off');
    // The signature's time is the wall clock of this try, what receivers compare with theirs.
    const sentAt = new Date();
    const signature = new Webhook(sub.secret).sign(row.idempotency_key, sentAt, row.body);
    const timeout = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
    let status: number;
    try {
      const res = await fetch(sub.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SatuAtap-Webhooks/1',
          'webhook-id': row.idempotency_key,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: row.body,
        redirect: 'manual',
        signal: opts?.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      });
      status = res.status;
      await res.body?.cancel().catch(() => {});
    } catch (err) {
      const e = err as Error;
      const why = timeout.aborted ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : e.message;
      await messageFailed(ctx, sub.id, row);
      throw new SendError(`webhook ${why}`);
    }
    if (status >= 200 && status < 300) {
      if (sub.consecutive_failures > 0) await messageDelivered(ctx, sub.id);
      return { statusCode: status };
    }
    if (status === 410) {
      await disableForGone(ctx, sub.id, row.id);
      throw new PermanentSendError('webhook receiver answered 410 Gone', status);
    }
    await messageFailed(ctx, sub.id, row);
    throw new SendError(`webhook receiver answered HTTP ${status}`, status);
  },
};
