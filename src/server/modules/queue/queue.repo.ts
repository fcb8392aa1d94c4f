import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, TicketsTable } from '../../db/schema.js';

type Db = Kysely<DB>;

/**
 * The next number of a queue group for a local day. One atomic upsert: the row lock it takes on
 * PostgreSQL (and SQLite's single writer) means no two tickets ever get the same number.
 */
export async function nextSequence(
  db: Db,
  mallId: number,
  prefix: string,
  localDate: string,
): Promise<number> {
  const row = await db
    .insertInto('daily_sequences')
    .values({ mall_id: mallId, prefix, local_date: localDate, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['mall_id', 'prefix', 'local_date'])
        .doUpdateSet((eb) => ({ last_value: eb('daily_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/**
 * Tickets issued for a service in a local day, from the ticket events: a transfer moves a ticket
 * to another service but neither frees the quota it used nor takes the target's.
 */
export async function countIssued(
  db: Db,
  mallId: number,
  serviceId: number,
  day: { from: string; to: string },
): Promise<number> {
  const r = await db
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', mallId)
    .where('service_id', '=', serviceId)
    .where('at', '>=', day.from)
    .where('at', '<', day.to)
    .where('type', '=', 'issued')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertTicket(db: Db, values: Insertable<TicketsTable>): Promise<number> {
  return (await db.insertInto('tickets').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertTicketEvent(
  db: Db,
  e: {
    mallId: number;
    ticketId: number;
    serviceId: number;
    type: string;
    at: string;
    counterId?: number | null;
    officerId?: number | null;
    data?: unknown;
  },
) {
  await db
    .insertInto('ticket_events')
    .values({
      mall_id: e.mallId,
      ticket_id: e.ticketId,
      service_id: e.serviceId,
      type: e.type,
      at: e.at,
      counter_id: e.counterId ?? null,
      officer_id: e.officerId ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

/** A ticket with what its DTO needs: service name and prefix, the counter it is at. */
function ticketView(db: Db) {
  return db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .leftJoin('counters', 'counters.id', 'tickets.counter_id')
    .selectAll('tickets')
    .select([
      'services.name as service_name',
      'services.queue_prefix as queue_prefix',
      'counters.number as counter_number',
      'counters.name as counter_name',
      'counters.zone_id as counter_zone_id',
    ]);
}
export type TicketView = Awaited<ReturnType<typeof findTicket>> & object;

export function findTicket(db: Db, mallId: number, id: number) {
  return ticketView(db).where('tickets.mall_id', '=', mallId).where('tickets.id', '=', id).executeTakeFirst();
}

export function findTicketByTracking(db: Db, mallId: number, code: string) {
  return ticketView(db)
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.tracking_code', '=', code)
    .executeTakeFirst();
}

export function ticketsOfVisit(db: Db, visitId: number) {
  return ticketView(db).where('tickets.visit_id', '=', visitId).orderBy('tickets.id').execute();
}

/** Tickets currently called or being served at a counter. */
export function currentAtCounter(db: Db, mallId: number, counterId: number) {
  return ticketView(db)
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.counter_id', '=', counterId)
    .where('tickets.status', 'in', ['called', 'serving'])
    .orderBy('tickets.called_at', 'desc')
    .execute();
}

/** Waiting tickets a counter may call: its services, not directed to another counter. */
export function waitingForCounter(db: Db, mallId: number, serviceIds: number[], counterId: number) {
  if (!serviceIds.length) return Promise.resolve([]);
  return ticketView(db)
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.status', '=', 'waiting')
    .where('tickets.service_id', 'in', serviceIds)
    .where((eb) =>
      eb.or([eb('tickets.target_counter_id', 'is', null), eb('tickets.target_counter_id', '=', counterId)]),
    )
    .orderBy('tickets.queued_at')
    .orderBy('tickets.id')
    .execute();
}

/**
 * Just what the call rule needs (id, priority, queued_at) of the tickets a counter may call: call-next
 * reads the whole line on every call, so it skips the joins and the other columns.
 */
export function waitingLineForCounter(db: Db, mallId: number, serviceIds: number[], counterId: number) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db
    .selectFrom('tickets')
    .select(['id', 'priority', 'queued_at'])
    .where('mall_id', '=', mallId)
    .where('status', '=', 'waiting')
    .where('service_id', 'in', serviceIds)
    .where((eb) => eb.or([eb('target_counter_id', 'is', null), eb('target_counter_id', '=', counterId)]))
    .execute();
}

/** Waiting tickets of one queue group (services sharing a prefix), for positions. */
export function waitingInGroup(db: Db, mallId: number, prefix: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .select([
      'tickets.id',
      'tickets.priority',
      'tickets.queued_at',
      'tickets.service_id',
      'tickets.local_date',
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.status', '=', 'waiting')
    .where('services.queue_prefix', '=', prefix)
    .execute();
}

/**
 * Conditional state change: only succeeds when the ticket is still in one of `from`. Under
 * concurrency the loser sees 0 rows (PostgreSQL re-checks the WHERE after the winner commits).
 */
export async function transition(
  db: Db,
  id: number,
  from: string[],
  set: Updateable<TicketsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('tickets')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many of the latest calls for these services since `since` (today's) were priority calls, in a row. */
export async function priorityStreak(
  db: Db,
  mallId: number,
  serviceIds: number[],
  lookback: number,
  since: string,
): Promise<number> {
  if (!serviceIds.length) return 0;
  const rows = await db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select(['tickets.priority'])
    .where('ticket_events.mall_id', '=', mallId)
    .where('ticket_events.type', '=', 'called')
    .where('ticket_events.service_id', 'in', serviceIds)
    .where('ticket_events.at', '>=', since)
    .orderBy('ticket_events.id', 'desc')
    .limit(lookback)
    .execute();
  let n = 0;
  for (const r of rows) {
    if (!r.priority) break;
    n++;
  }
  return n;
}

export function findCounter(db: Db, mallId: number, counterId: number) {
  return db
    .selectFrom('counters')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', counterId)
    .executeTakeFirst();
}

/** The live counters of the mall that serve a service, with their agency (for the policy). */
export function countersServing(db: Db, mallId: number, serviceId: number) {
  return db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .select(['counters.id', 'counters.agency_id'])
    .where('counter_services.service_id', '=', serviceId)
    .where('counters.mall_id', '=', mallId)
    .where('counters.retired_at', 'is', null)
    .orderBy('counters.number')
    .execute();
}

export function counterServiceIds(db: Db, counterId: number) {
  return db.selectFrom('counter_services').select('service_id').where('counter_id', '=', counterId).execute();
}

export function servicePolicies(db: Db, serviceIds: number[]) {
  if (!serviceIds.length) return Promise.resolve([]);
  return db
    .selectFrom('services')
    .select(['id', 'priority_max_streak', 'priority_max_wait_minutes'])
    .where('id', 'in', serviceIds)
    .execute();
}

/** Open counters serving a service (for waiting-time estimates). */
export async function openCountersFor(db: Db, serviceId: number): Promise<number> {
  const r = await db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('counter_services.service_id', '=', serviceId)
    .where('counters.status', '=', 'open')
    .where('counters.retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Called-to-finished durations (minutes) of the latest finished tickets of a service. */
export async function recentServiceMinutes(
  db: Db,
  mallId: number,
  serviceId: number,
  limit = 30,
): Promise<number[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['called_at', 'finished_at'])
    .where('mall_id', '=', mallId)
    .where('service_id', '=', serviceId)
    .where('status', '=', 'done')
    .where('called_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute();
  return rows
    .filter((r) => r.called_at && r.finished_at)
    .map((r) => (Date.parse(r.finished_at!) - Date.parse(r.called_at!)) / 60_000);
}

export function lastTransferEvent(db: Db, ticketId: number) {
  return db
    .selectFrom('ticket_events')
    .select(['data', 'counter_id'])
    .where('ticket_id', '=', ticketId)
    .where('type', '=', 'transferred')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

// Counters and visits as the queue actions see them (moved here from the services: SQL lives in
// *.repo.ts, see test/layers.test.ts).

export async function liveCounterExists(db: Db, mallId: number, counterId: number): Promise<boolean> {
  const c = await db
    .selectFrom('counters')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('id', '=', counterId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return c !== undefined;
}

export async function setCounterStatus(
  db: Db,
  counterId: number,
  status: string,
  at: string,
  reason: string | null = null,
) {
  await db
    .updateTable('counters')
    .set({ status, status_reason: status === 'open' ? null : reason, updated_at: at })
    .where('id', '=', counterId)
    .execute();
}

/** Tickets of a service still waiting (the `queue.changed` event's count). */
export async function countWaiting(db: Db, mallId: number, serviceId: number): Promise<number> {
  const r = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', mallId)
    .where('service_id', '=', serviceId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A transferred ticket goes back to wait for the counter that sent it, in its former service. */
export async function returnToCounter(db: Db, ticketId: number, serviceId: number, counterId: number) {
  await db
    .updateTable('tickets')
    .set({
      status: 'waiting',
      service_id: serviceId,
      target_counter_id: counterId,
      return_counter_id: null,
      counter_id: null,
      called_at: null,
      started_at: null,
      finished_at: null,
      outcome: null,
    })
    .where('id', '=', ticketId)
    .execute();
}

export async function insertVisit(db: Db, mallId: number, serviceIds: number[], at: string): Promise<number> {
  const visit = await db
    .insertInto('visits')
    .values({ mall_id: mallId, steps: JSON.stringify(serviceIds), current_step: 0, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return visit.id;
}

export function findVisit(db: Db, visitId: number) {
  return db.selectFrom('visits').selectAll().where('id', '=', visitId).executeTakeFirst();
}

export async function setVisitStep(db: Db, visitId: number, step: number) {
  await db.updateTable('visits').set({ current_step: step }).where('id', '=', visitId).execute();
}
