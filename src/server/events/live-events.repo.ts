import type { Kysely } from 'kysely';
import type { LiveEvent, LiveEventMap, LiveEventType } from '../../shared/contracts/events.js';
import type { DB } from '../db/schema.js';
import type { Tx } from '../db/tx.js';

export interface NewLiveEvent<K extends LiveEventType = LiveEventType> {
  type: K;
  zoneId: number | null;
  payload: LiveEventMap[K];
}

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

export async function readLiveEventsAfter(db: Kysely<DB>, mallId: number, afterSeq: number, limit = 1000) {
  const rows = await db
    .selectFrom('live_events')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(
    (r): LiveEvent => ({
      seq: r.seq,
      type: r.type as LiveEventType,
      zoneId: r.zone_id,
      payload: JSON.parse(r.payload),
      at: r.at,
    }),
  );
}

export async function currentLiveSeq(db: Kysely<DB>, mallId: number): Promise<number> {
  const row = await db
    .selectFrom('event_heads')
    .select('seq')
    .where('mall_id', '=', mallId)
    .executeTakeFirst();
  return row?.seq ?? 0;
}
