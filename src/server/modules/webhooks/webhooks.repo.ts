import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB, WebhookSubscriptionsTable } from '../../db/schema.js';

type Db = Kysely<DB>;
export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;

/** Outbox rows of a subscription carry this subject, so its delivery log survives address erasure. */
export const SUBJECT = 'webhook';

export async function insertSubscription(
  db: Db,
  row: Insertable<WebhookSubscriptionsTable>,
): Promise<number> {
  const r = await db
    .insertInto('webhook_subscriptions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function listSubscriptions(db: Db, mallId: number): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('mall_id', '=', mallId)
    .orderBy('id')
    .execute();
}

/** What the event sink needs: the mall's active subscriptions and what they asked for. */
export function activeSubscriptions(db: Db, mallId: number) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'events', 'scopes'])
    .where('mall_id', '=', mallId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

export function findSubscription(db: Db, mallId: number, id: number): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateSubscription(
  db: Db,
  id: number,
  set: Updateable<WebhookSubscriptionsTable>,
): Promise<void> {
  await db.updateTable('webhook_subscriptions').set(set).where('id', '=', id).execute();
}

export async function deleteSubscription(db: Db, id: number): Promise<void> {
  await db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
}

/** One more message failed for good; answers the new count and whether the subscription is still on. */
export function countFailedMessage(db: Db, id: number, at: string) {
  return db
    .updateTable('webhook_subscriptions')
    .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returning(['consecutive_failures', 'active'])
    .executeTakeFirst();
}

/** A delivered message ends a run of failures (written only when there was one). */
export async function resetFailures(db: Db, id: number): Promise<void> {
  await db
    .updateTable('webhook_subscriptions')
    .set({ consecutive_failures: 0 })
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute();
}

/**
 * Switches a subscription off unless it already is; answers whether this call did it (so two nodes
 * failing at once write one audit row).
 */
export async function disableSubscription(db: Db, id: number, at: string, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('webhook_subscriptions')
    .set({ active: 0, disabled_at: at, disabled_reason: reason, updated_at: at })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Messages of a subscription still waiting are not sent once it is off or gone (`except`: in flight). */
export async function cancelPending(
  db: Db,
  subscriptionId: number,
  at: string,
  except?: number,
): Promise<void> {
  let q = db
    .updateTable('outbox_messages')
    .set({ status: 'cancelled', updated_at: at, last_error: 'webhook subscription off' })
    .where('channel', '=', 'webhook')
    .where('subject_type', '=', SUBJECT)
    .where('subject_id', '=', subscriptionId)
    .where('status', '=', 'pending');
  if (except !== undefined) q = q.where('id', '!=', except);
  await q.execute();
}

/** The subscription's latest messages, newest first. */
export async function deliveries(db: Db, mallId: number, subscriptionId: number, limit: number) {
  const messages = await db
    .selectFrom('outbox_messages')
    .select([
      'id',
      'event',
      'idempotency_key',
      'status',
      'attempts',
      'created_at',
      'sent_at',
      'next_attempt_at',
      'last_error',
    ])
    .where('mall_id', '=', mallId)
    .where('channel', '=', 'webhook')
    .where('subject_type', '=', SUBJECT)
    .where('subject_id', '=', subscriptionId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return messages;
}

/** The subscription a message goes to, read at send time (URL and secret as they are now). */
export function subscriptionForSend(db: Db, id: number) {
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'mall_id', 'url', 'secret', 'active', 'consecutive_failures'])
    .where('id', '=', id)
    .executeTakeFirst();
}
