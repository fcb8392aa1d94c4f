import type { Kysely } from 'kysely';
import type { LiveEvent, LiveEventMap, LiveEventType } from '../../shared/contracts/events.js';
import type { DB } from '../db/schema.js';
import type { Tx } from '../db/tx.js';

/**
 * Appends a live event in the caller's transaction. The per-mall head row is bumped first: that row
 * lock makes sequence numbers of one mall commit in order and without gaps, so a reader that has seen
 * seq N has seen everything before N (what Last-Event-ID resume relies on).
 */
export async function appendLiveEvent<K extends LiveEventType>(
  tx: Tx,
  mallId: number,
  type: K,
  zoneId: number | null,
  payload: LiveEventMap[K],
  at: string,
): Promise<number> {
  await tx.db
    .insertInto('event_heads')
    .values({ mall_id: mallId, seq: 0 })
    .onConflict((oc) => oc.column('mall_id').doNothing())
    .execute();
  const head = await tx.db
    .updateTable('event_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('mall_id', '=', mallId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('live_events')
    .values({ mall_id: mallId, seq: head.seq, type, zone_id: zoneId, payload: JSON.stringify(payload), at })
    .execute();
  return head.seq;
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
