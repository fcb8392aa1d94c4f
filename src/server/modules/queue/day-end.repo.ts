import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Statuses of a ticket still open: it would carry into the next day unless closed. */
export const OPEN_STATUSES = ['waiting', 'called', 'serving'] as const;

/** Open tickets of the mall issued on an earlier local day than `today`. */
export function openTicketsBefore(db: Kysely<DB>, mallId: number, today: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'service_id', 'status', 'local_date'])
    .where('mall_id', '=', mallId)
    .where('status', 'in', [...OPEN_STATUSES])
    .where('local_date', '<', today)
    .orderBy('id')
    .execute();
}

/** Conditional: a ticket another node already closed is left alone (0 rows). */
export async function expireTicket(db: Kysely<DB>, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('tickets')
    .set({ status: 'expired', finished_at: at, target_counter_id: null, return_counter_id: null })
    .where('id', '=', id)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function mallsForDayEnd(db: Kysely<DB>) {
  return db.selectFrom('malls').selectAll().execute();
}
