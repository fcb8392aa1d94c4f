import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, OutboxMessagesTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Inserts a message unless one with its idempotency key exists; returns the message's id either way. */
export async function insertMessage(db: Db, row: Insertable<OutboxMessagesTable>): Promise<number> {
  const inserted = await db
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('idempotency_key', '=', row.idempotency_key)
    .executeTakeFirstOrThrow();
  return existing.id;
}

export interface ClaimOptions {
  now: string;
  /** Lease end: the claimed messages are this node's until then. */
  until: string;
  nodeId: string;
  channels: string[];
  limit: number;
}

/**
 * Claims due messages in one statement (its own short transaction): pending, due, and not leased
 * or leased by a node whose lease ran out. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several nodes
 * claim at once without ever taking the same row; SQLite has a single writer.
 */
export async function claimDue(db: Kysely<DB>, dialect: 'sqlite' | 'postgres', o: ClaimOptions) {
  if (o.channels.length === 0) return [];
  let due = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', o.now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', o.now)]))
    .where('channel', 'in', o.channels)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(o.limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('outbox_messages')
    .set({ locked_until: o.until, locked_by: o.nodeId, updated_at: o.now })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

/** The channels among `channels` that have pending messages (to say once that they wait). */
export async function pendingChannels(db: Kysely<DB>, channels: string[]): Promise<string[]> {
  if (channels.length === 0) return [];
  const rows = await db
    .selectFrom('outbox_messages')
    .select('channel')
    .distinct()
    .where('status', '=', 'pending')
    .where('channel', 'in', channels)
    .execute();
  return rows.map((r) => r.channel);
}

export interface Outcome {
  messageId: number;
  nodeId: string;
  attempt: number;
  at: string;
  durationMs: number;
  statusCode: number | null;
  result:
    | { kind: 'sent'; providerId: string | null }
    | { kind: 'retry'; error: string; nextAttemptAt: string }
    | { kind: 'failed'; error: string };
}

/**
 * The delivery-log row and the message's new state, in the caller's transaction. The update holds
 * only while this node still has the message (a node that outlived its lease does not undo what the
 * node that took over recorded); the delivery log keeps the try either way.
 */
export async function recordOutcome(db: Transaction<DB>, o: Outcome): Promise<boolean> {
  const r = o.result;
  await db
    .insertInto('outbox_attempts')
    .values({
      message_id: o.messageId,
      attempt: o.attempt,
      at: o.at,
      ok: r.kind === 'sent' ? 1 : 0,
      status_code: o.statusCode,
      error: r.kind === 'sent' ? null : r.error,
      duration_ms: o.durationMs,
    })
    .execute();
  const base = { attempts: o.attempt, locked_until: null, locked_by: null, updated_at: o.at };
  const set =
    r.kind === 'sent'
      ? { ...base, status: 'sent', sent_at: o.at, provider_id: r.providerId, last_error: null }
      : r.kind === 'retry'
        ? { ...base, next_attempt_at: r.nextAttemptAt, last_error: r.error }
        : { ...base, status: 'failed', last_error: r.error };
  const updated = await db
    .updateTable('outbox_messages')
    .set(set)
    .where('id', '=', o.messageId)
    .where('status', '=', 'pending')
    .where('locked_by', '=', o.nodeId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Columns the admin's list shows: never `address` (the masked form only) nor the body. */
const LISTED = [
  'id',
  'channel',
  'event',
  'address_masked',
  'address_erased_at',
  'subject_type',
  'subject_id',
  'locale',
  'status',
  'attempts',
  'max_attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'sent_at',
] as const;

export function listMessages(
  db: Kysely<DB>,
  mallId: number,
  o: { status?: string; limit: number; before?: number },
) {
  let q = db
    .selectFrom('outbox_messages')
    .select(LISTED)
    .where('mall_id', '=', mallId)
    .orderBy('id', 'desc')
    .limit(o.limit);
  if (o.status) q = q.where('status', '=', o.status);
  if (o.before) q = q.where('id', '<', o.before);
  return q.execute();
}

export function findListedMessage(db: Db, mallId: number, id: number) {
  return db
    .selectFrom('outbox_messages')
    .select([...LISTED, 'address'])
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countByStatus(db: Kysely<DB>, mallId: number) {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mall_id', '=', mallId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export function attemptsOf(db: Db, messageIds: number[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outbox_attempts')
    .selectAll()
    .where('message_id', 'in', messageIds)
    .orderBy('message_id')
    .orderBy('id')
    .execute();
}

/** Failed → pending with a fresh count of tries; conditional, so two admins retrying queue it once. */
export async function requeueFailed(
  db: Transaction<DB>,
  mallId: number,
  id: number,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('outbox_messages')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      locked_by: null,
      updated_at: now,
    })
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .where('address', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Erases the addresses of messages finished before `before` (retention); the masked form stays. */
export async function eraseFinishedAddresses(db: Kysely<DB>, before: string, now: string): Promise<number> {
  const r = await db
    .updateTable('outbox_messages')
    .set({ address: null, address_erased_at: now })
    .where('status', 'in', ['sent', 'failed', 'cancelled'])
    .where('address', 'is not', null)
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A message in one of these is done with: nothing will send it again unless an admin retries it. */
export const FINISHED_STATUSES = ['sent', 'failed', 'cancelled'] as const;

/** Every mall's id (the deletion of old messages goes mall by mall, on the mall's own index). */
export async function allMallIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('malls').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Deletes up to `limit` of a mall's messages in `status` (finished) queued before `before`, with
 * their delivery log, in the caller's transaction; returns how many (index mall_id, status, created_at).
 */
export async function deleteFinishedMessages(
  db: Db,
  mallId: number,
  status: (typeof FINISHED_STATUSES)[number],
  before: string,
  limit: number,
): Promise<number> {
  const ids = (
    await db
      .selectFrom('outbox_messages')
      .select('id')
      .where('mall_id', '=', mallId)
      .where('status', '=', status)
      .where('created_at', '<', before)
      .orderBy('created_at')
      .limit(limit)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return 0;
  await db.deleteFrom('outbox_attempts').where('message_id', 'in', ids).execute();
  // Still finished: an admin's retry in the meantime keeps the message (only its old log goes).
  const r = await db
    .deleteFrom('outbox_messages')
    .where('id', 'in', ids)
    .where('status', 'in', FINISHED_STATUSES)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Pending messages per channel, for the metrics gauge. */
export async function pendingByChannel(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'pending')
    .groupBy('channel')
    .execute();
  return rows.map((r) => ({ channel: r.channel, n: Number(r.n) }));
}
