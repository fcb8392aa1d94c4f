import type { Kysely } from 'kysely';
import { localDayStart } from '../../../shared/domain/local-time.js';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** What the queue index keeps of a ticket (and needs to place it). */
export interface IndexedTicketRow {
  id: number;
  status: string;
  priority: string | null;
  queued_at: string;
  issued_at: string;
  local_date: string;
  service_id: number;
  queue_prefix: string;
}

function ticketRows(db: Db) {
  return db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .select([
      'tickets.id',
      'tickets.status',
      'tickets.priority',
      'tickets.queued_at',
      'tickets.issued_at',
      'tickets.local_date',
      'tickets.service_id',
      'services.queue_prefix',
    ]);
}

/** Every waiting ticket of a mall: the index is built from these once per mall. */
export function waitingOfMall(db: Db, mallId: number): Promise<IndexedTicketRow[]> {
  return ticketRows(db)
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.status', '=', 'waiting')
    .execute();
}

/** Point reads of the tickets named by live events another node wrote (by primary key). */
export function ticketsByIds(db: Db, mallId: number, ids: readonly number[]): Promise<IndexedTicketRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return ticketRows(db)
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.id', 'in', [...ids])
    .execute();
}

/** Service id → queue group prefix of a mall (retired services included: their tickets may still wait). */
export async function servicePrefixes(db: Db, mallId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'queue_prefix'])
    .where('mall_id', '=', mallId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.queue_prefix]));
}

/** Issue times (ms) of a queue group's tickets of one local day issued since `since`, oldest first. */
export async function issuedTimesSince(
  db: Db,
  mallId: number,
  serviceIds: readonly number[],
  localDate: string,
  since: string,
): Promise<number[]> {
  if (!serviceIds.length) return [];
  const rows = await db
    .selectFrom('tickets')
    .select('issued_at')
    .where('mall_id', '=', mallId)
    .where('local_date', '=', localDate)
    .where('service_id', 'in', [...serviceIds])
    .where('issued_at', '>=', since)
    .execute();
  return rows.map((r) => Date.parse(r.issued_at)).sort((a, b) => a - b);
}

/** The local day of the latest call among these services (the streak counts that day's calls). */
export async function lastCallDate(db: Db, mallId: number, serviceIds: number[]): Promise<string | null> {
  if (!serviceIds.length) return null;
  const r = await db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select('tickets.local_date')
    .where('ticket_events.mall_id', '=', mallId)
    .where('ticket_events.type', '=', 'called')
    .where('ticket_events.service_id', 'in', serviceIds)
    .orderBy('ticket_events.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.local_date ?? null;
}

/** The UTC instant a local day of the mall starts. */
export async function dayStartOf(db: Db, mallId: number, date: string): Promise<string> {
  const m = await db
    .selectFrom('malls')
    .select('timezone')
    .where('id', '=', mallId)
    .executeTakeFirstOrThrow();
  return localDayStart(date, m.timezone).toISOString();
}
