import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** Waiting tickets of the mall now: each with its service and when it joined the line. */
export function waitingTickets(db: Db, mallId: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'service_id', 'queued_at'])
    .where('mall_id', '=', mallId)
    .where('status', '=', 'waiting')
    .execute();
}

/** Tickets being called or served now, by counter. */
export function atCounters(db: Db, mallId: number) {
  return db
    .selectFrom('tickets')
    .select(['counter_id', 'number'])
    .where('mall_id', '=', mallId)
    .where('status', 'in', ['called', 'serving'])
    .where('counter_id', 'is not', null)
    .execute();
}

/** Instants of the calls since a moment (today's calls per hour). */
export function callsSince(db: Db, mallId: number, fromIso: string) {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select('ticket_events.at')
    .where('tickets.mall_id', '=', mallId)
    .where('ticket_events.mall_id', '=', mallId)
    .where('ticket_events.type', '=', 'called')
    .where('ticket_events.at', '>=', fromIso)
    .execute();
}

export function liveCounters(db: Db, mallId: number) {
  return db
    .selectFrom('counters')
    .select(['id', 'number', 'name', 'agency_id', 'status'])
    .where('mall_id', '=', mallId)
    .where('retired_at', 'is', null)
    .orderBy('number')
    .execute();
}
