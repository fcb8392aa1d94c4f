import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { LoggedEvent } from './stats.replay.js';

type Db = Kysely<DB>;

/**
 * Every event of the tickets of one local day, in log order. Tickets are chosen by their local date
 * (fixed at issue); the times come from the events, never from the tickets' overwritten columns.
 */
export function dayEvents(db: Db, mallId: number, localDate: string): Promise<LoggedEvent[]> {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select([
      'ticket_events.ticket_id as ticketId',
      'ticket_events.service_id as serviceId',
      'ticket_events.type as type',
      'ticket_events.at as at',
      'ticket_events.counter_id as counterId',
      'ticket_events.data as data',
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.local_date', '=', localDate)
    .where('ticket_events.mall_id', '=', mallId)
    .orderBy('ticket_events.id')
    .execute();
}

/** All services of the mall, retired ones too: old days still name them. */
export function servicesOfMall(db: Db, mallId: number) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'agency_id', 'queue_prefix', 'priority_max_streak', 'priority_max_wait_minutes'])
    .where('mall_id', '=', mallId)
    .orderBy('id')
    .execute();
}

export function countersOfMall(db: Db, mallId: number) {
  return db
    .selectFrom('counters')
    .select(['id', 'number', 'name'])
    .where('mall_id', '=', mallId)
    .orderBy('number')
    .execute();
}

export async function agencyInMall(db: Db, mallId: number, agencyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The day simulator's model: which open, live counter serves which service, in a stable order. */
export function openCounterServices(db: Db, mallId: number) {
  return db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .select(['counters.id as counterId', 'counters.agency_id as agencyId', 'counter_services.service_id'])
    .where('counters.mall_id', '=', mallId)
    .where('counters.status', '=', 'open')
    .where('counters.retired_at', 'is', null)
    .orderBy('counters.id')
    .orderBy('counter_services.service_id')
    .execute();
}

/** The current (not superseded) standard of every service of the mall. */
export function currentStandards(db: Db, mallId: number) {
  return db
    .selectFrom('service_standards')
    .select(['service_id', 'body'])
    .where('mall_id', '=', mallId)
    .where('valid_to', 'is', null)
    .orderBy('service_id')
    .execute();
}
