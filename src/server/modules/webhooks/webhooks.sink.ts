import type { LiveEvent } from '../../../shared/contracts/events.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { registerEventSink } from '../../events/sinks.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import type { TicketView } from '../queue/queue.repo.js';
import { deriveEvents, webhookBody } from './webhooks.events.js';
import * as repo from './webhooks.repo.js';

/**
 * The mall's active subscriptions, cached per node for a few seconds: the sink runs in every queue
 * change's transaction, and most malls have none. A change on this node drops the cache at once; on
 * other nodes it is seen within CACHE_MS (and a message for a subscription switched off meanwhile is
 * refused at send time).
 */
const CACHE_MS = 5_000;
type Subs = Awaited<ReturnType<typeof repo.activeSubscriptions>>;
const caches = new WeakMap<AppContext, Map<number, { at: number; subs: Subs }>>();

export function forgetSubscriptions(ctx: AppContext, mallId: number): void {
  caches.get(ctx)?.delete(mallId);
}

async function subscriptionsOf(ctx: AppContext, tx: Tx, mallId: number): Promise<Subs> {
  const cache = caches.get(ctx) ?? new Map<number, { at: number; subs: Subs }>();
  caches.set(ctx, cache);
  const hit = cache.get(mallId);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_MS) return hit.subs;
  // Read through the change's own transaction (SQLite has one connection).
  const subs = await repo.activeSubscriptions(tx.db, mallId);
  cache.set(mallId, { at: now, subs });
  return subs;
}

/** How lists show where a message goes: the receiver's origin, never its path or query. */
export function maskedUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'webhook';
  }
}

/**
 * One outbox message per derived event and matching active subscription, in the change's own
 * transaction; the key `webhook:<subscription>:<mall>:<seq>` is also the `webhook-id` the receiver
 * sees, so a receiver can drop a repeat.
 */
export async function webhookSink(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  events: LiveEvent[],
  tickets: TicketView[],
): Promise<void> {
  const derived = deriveEvents(events, tickets);
  if (!derived.length) return;
  const subs = await subscriptionsOf(ctx, tx, mallId);
  for (const sub of subs) {
    const wanted = JSON.parse(sub.events) as string[];
    const personal = (JSON.parse(sub.scopes) as string[]).includes('personal');
    for (const e of derived) {
      if (!wanted.includes(e.type)) continue;
      await enqueueMessage(ctx, tx, {
        mallId,
        channel: 'webhook',
        event: e.type,
        address: String(sub.id),
        addressMasked: maskedUrl(sub.url),
        subject: { type: repo.SUBJECT, id: sub.id },
        body: webhookBody(e, personal),
        idempotencyKey: `webhook:${sub.id}:${mallId}:${e.seq}`,
        maxAttempts: ctx.config.WEBHOOK_MAX_ATTEMPTS,
      });
    }
  }
}

registerEventSink('webhooks', webhookSink);

/**
 * Queues one event that is not a queue change (complaints…) to every active subscription that asked
 * for it, in the caller's transaction. `key` is unique per event (the receiver's `webhook-id` ends
 * with it). `data` must hold no personal data.
 */
export async function enqueueWebhookEvent(
  ctx: AppContext,
  tx: Tx,
  mallId: number,
  type: string,
  data: Record<string, unknown>,
  key: string,
): Promise<void> {
  const subs = await subscriptionsOf(ctx, tx, mallId);
  const timestamp = ctx.now().toISOString();
  for (const sub of subs) {
    if (!(JSON.parse(sub.events) as string[]).includes(type)) continue;
    await enqueueMessage(ctx, tx, {
      mallId,
      channel: 'webhook',
      event: type,
      address: String(sub.id),
      addressMasked: maskedUrl(sub.url),
      subject: { type: repo.SUBJECT, id: sub.id },
      body: { type, timestamp, data },
      idempotencyKey: `webhook:${sub.id}:${mallId}:${key}`,
      maxAttempts: ctx.config.WEBHOOK_MAX_ATTEMPTS,
    });
  }
}
