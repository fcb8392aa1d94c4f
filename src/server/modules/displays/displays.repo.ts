import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** A zone of the mall by slug, or undefined. */
export function findZone(db: Db, mallId: number, slug: string) {
  return db
    .selectFrom('zones')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Live counters of the mall (of one zone when `zoneId` is given), by number. */
export function liveCounters(db: Db, mallId: number, zoneId: number | null) {
  let q = db
    .selectFrom('counters')
    .select(['id', 'number', 'name', 'status', 'status_reason', 'zone_id'])
    .where('mall_id', '=', mallId)
    .where('retired_at', 'is', null);
  if (zoneId !== null) q = q.where('zone_id', '=', zoneId);
  return q.orderBy('number').execute();
}

/** Tickets now called to or served at a counter, latest call first. */
export function ticketsAtCounters(db: Db, mallId: number) {
  return db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .select(['tickets.counter_id', 'tickets.number', 'services.name as service_name', 'tickets.called_at'])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.status', 'in', ['called', 'serving'])
    .orderBy('tickets.called_at', 'desc')
    .execute();
}

/** The latest `ticket.called` live events of the mall, newest first (zone filtering is the caller's). */
export function latestCallEvents(db: Db, mallId: number, limit: number) {
  return db
    .selectFrom('live_events')
    .select(['payload', 'zone_id'])
    .where('mall_id', '=', mallId)
    .where('type', '=', 'ticket.called')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

/** Per service: how many tickets wait and since when the longest-waiting one was queued. */
export async function waitingByService(db: Db, mallId: number) {
  const rows = await db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .select((eb) => [
      'services.id',
      'services.name',
      'services.queue_prefix',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('tickets.queued_at').as('oldest_queued_at'),
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.status', '=', 'waiting')
    .groupBy(['services.id', 'services.name', 'services.queue_prefix'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * The 'issued' and 'called' ticket events of the tickets issued since `sinceDate` (a local date), in
 * log order, each with the service it was logged for. Choosing tickets by their local date keeps
 * this on the (mall, local_date) index instead of scanning the whole event log.
 */
export function issueAndCallEvents(db: Db, mallId: number, sinceDate: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('ticket_events', 'ticket_events.ticket_id', 'tickets.id')
    .innerJoin('services', 'services.id', 'ticket_events.service_id')
    .select([
      'ticket_events.ticket_id as ticketId',
      'ticket_events.service_id as serviceId',
      'services.name as serviceName',
      'services.queue_prefix as queuePrefix',
      'ticket_events.type as type',
      'ticket_events.at as at',
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.local_date', '>=', sinceDate)
    .where('ticket_events.type', 'in', ['issued', 'called'])
    .orderBy('ticket_events.id')
    .execute();
}
