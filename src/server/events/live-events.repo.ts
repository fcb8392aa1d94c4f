import type { Kysely } from 'kysely';
import { type LiveEvent, RecordedEvent, type RecordedEventInput } from '../../shared/contracts/events.js';
import type { DB } from '../db/schema.js';
import type { Tx } from '../db/tx.js';

/** A recorded event to append: one of the typed union, with the zone it belongs to (null = mall-wide). */
export type NewLiveEvent = RecordedEventInput & { zoneId: number | null };

/**
 * Takes the mall's event-head row lock at the start of a queue write. Every queue transaction takes
 * this one lock first, so on PostgreSQL they serialise per mall in one order (no deadlocks, no
 * retry storms when ten counters race for the head of one line); SQLite has a single writer anyway.
 */
export async function lockMallQueue(tx: Tx, mallId: number): Promise<void> {
  if (tx.locks?.has(mallId)) return;
  await takeMallQueueLock(tx, mallId);
  tx.locks?.add(mallId);
}

async function takeMallQueueLock(tx: Tx, mallId: number): Promise<void> {
  const locked = await tx.db
    .updateTable('event_heads')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('mall_id', '=', mallId)
    .executeTakeFirst();
  if (Number(locked.numUpdatedRows) === 1) return;
  await tx.db
    .insertInto('event_heads')
    .values({ mall_id: mallId, seq: 0 })
    .onConflict((oc) => oc.column('mall_id').doNothing())
    .execute();
  await takeMallQueueLock(tx, mallId);
}

/**
 * Appends live events in the caller's transaction (which holds the mall's head lock, see
 * lockMallQueue): sequence numbers of one mall therefore commit in order and without gaps, so a
 * reader that has seen seq N has seen everything before N — what Last-Event-ID resume relies on.
 */
export async function appendLiveEvents(
  tx: Tx,
  mallId: number,
  events: NewLiveEvent[],
  at: string,
): Promise<number> {
  if (!events.length) return 0;
  const bump = () =>
    tx.db
      .updateTable('event_heads')
      .set((eb) => ({ seq: eb('seq', '+', events.length) }))
      .where('mall_id', '=', mallId)
      .returning('seq')
      .executeTakeFirst();
  // The bump itself takes the head row lock (callers normally hold it already via lockMallQueue).
  let head = await bump();
  if (!head) {
    await lockMallQueue(tx, mallId);
    head = await bump();
  }
  if (!head) throw new Error(`no event head for mall ${mallId}`);
  const first = head.seq - events.length + 1;
  await tx.db
    .insertInto('live_events')
    .values(
      events.map((e, i) => ({
        mall_id: mallId,
        seq: first + i,
        type: e.type,
        zone_id: e.zoneId,
        payload: JSON.stringify(e.payload),
        at,
      })),
    )
    .execute();
  return first;
}

/**
 * The mall's events after `afterSeq` (up to `toSeq`), oldest first. Rows that do not parse as the
 * current union (written by an older version) are skipped: a stream sends only what its contract says.
 */
export async function readLiveBatch(
  db: Kysely<DB>,
  mallId: number,
  afterSeq: number,
  limit = 1000,
  toSeq?: number,
): Promise<{ events: LiveEvent[]; lastSeq: number; more: boolean }> {
  let q = db.selectFrom('live_events').selectAll().where('mall_id', '=', mallId).where('seq', '>', afterSeq);
  if (toSeq !== undefined) q = q.where('seq', '<=', toSeq);
  const rows = await q.orderBy('seq').limit(limit).execute();
  const events: LiveEvent[] = [];
  for (const r of rows) {
    const parsed = RecordedEvent.safeParse({ type: r.type, payload: JSON.parse(r.payload) });
    if (parsed.success) events.push({ ...parsed.data, seq: r.seq, zoneId: r.zone_id, at: r.at });
  }
  return { events, lastSeq: rows.at(-1)?.seq ?? afterSeq, more: rows.length === limit };
}

/** The events of readLiveBatch alone (the queue index reads its own way through them). */
export async function readLiveEventsAfter(db: Kysely<DB>, mallId: number, afterSeq: number, limit = 1000) {
  return (await readLiveBatch(db, mallId, afterSeq, limit)).events;
}

/** The oldest sequence still kept for a mall (pruning removes older rows); null when none are kept. */
export async function oldestLiveSeq(db: Kysely<DB>, mallId: number): Promise<number | null> {
  const row = await db
    .selectFrom('live_events')
    .select((eb) => eb.fn.min<number>('seq').as('seq'))
    .where('mall_id', '=', mallId)
    .executeTakeFirst();
  return row?.seq ?? null;
}

/** Deletes live events recorded before `before` (ISO time), of one mall or every mall; returns how many. */
export async function pruneLiveEvents(db: Kysely<DB>, before: string, mallId?: number): Promise<number> {
  let q = db.deleteFrom('live_events').where('at', '<', before);
  if (mallId !== undefined) q = q.where('mall_id', '=', mallId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function currentLiveSeq(db: Kysely<DB>, mallId: number): Promise<number> {
  const row = await db
    .selectFrom('event_heads')
    .select('seq')
    .where('mall_id', '=', mallId)
    .executeTakeFirst();
  return row?.seq ?? 0;
}
