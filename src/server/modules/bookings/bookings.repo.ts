import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { BookingSessionsTable, BookingsTable, DB } from '../../db/schema.js';

type Db = Kysely<DB>;
const ACTIVE = ['booked', 'checked_in'];

// ── sessions ─────────────────────────────────────────────────────────────────────────────────────

export function activeSessions(db: Db, serviceId: number) {
  return db
    .selectFrom('booking_sessions')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('retired_at', 'is', null)
    .orderBy('start_time')
    .execute();
}

export function findSession(db: Db, mallId: number, id: number) {
  return db
    .selectFrom('booking_sessions')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSession(db: Db, values: Insertable<BookingSessionsTable>) {
  await db.insertInto('booking_sessions').values(values).execute();
}

export async function updateSession(db: Db, id: number, set: Updateable<BookingSessionsTable>) {
  await db.updateTable('booking_sessions').set(set).where('id', '=', id).execute();
}

export async function setDaysAhead(db: Db, serviceId: number, days: number | null) {
  await db.updateTable('services').set({ booking_days_ahead: days }).where('id', '=', serviceId).execute();
}

/** Places taken per session on one date. */
export async function bookedCounts(db: Db, sessionIds: number[], date: string) {
  if (!sessionIds.length) return new Map<number, number>();
  const rows = await db
    .selectFrom('booking_counts')
    .select(['session_id', 'booked'])
    .where('session_id', 'in', sessionIds)
    .where('date', '=', date)
    .execute();
  return new Map(rows.map((r) => [r.session_id, r.booked]));
}

/**
 * Takes one place of a session on a date, or answers false when it is full. One conditional UPDATE:
 * on PostgreSQL the row lock makes a concurrent taker wait and re-check `booked < capacity` against
 * the committed value; SQLite has one writer. So a session is never over-booked, on any number of nodes.
 */
export async function takePlace(db: Db, sessionId: number, date: string): Promise<boolean> {
  await db
    .insertInto('booking_counts')
    .values({ session_id: sessionId, date, booked: 0 })
    .onConflict((oc) => oc.columns(['session_id', 'date']).doNothing())
    .execute();
  const r = await db
    .updateTable('booking_counts')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('session_id', '=', sessionId)
    .where('date', '=', date)
    .where(({ eb, selectFrom }) =>
      eb(
        'booked',
        '<',
        selectFrom('booking_sessions').select('capacity').where('booking_sessions.id', '=', sessionId),
      ),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a place back (a cancellation, a reschedule, a closure). */
export async function releasePlace(db: Db, sessionId: number, date: string) {
  await db
    .updateTable('booking_counts')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('session_id', '=', sessionId)
    .where('date', '=', date)
    .where('booked', '>', 0)
    .execute();
}

// ── closures ─────────────────────────────────────────────────────────────────────────────────────

export function closuresOn(db: Db, serviceId: number, date: string) {
  return db
    .selectFrom('booking_closures')
    .select(['session_id', 'reason'])
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .execute();
}

export async function insertClosure(
  db: Db,
  v: {
    mallId: number;
    serviceId: number;
    date: string;
    sessionId: number | null;
    reason: string;
    by: number;
    at: string;
  },
) {
  await db
    .insertInto('booking_closures')
    .values({
      mall_id: v.mallId,
      service_id: v.serviceId,
      date: v.date,
      session_id: v.sessionId,
      reason: v.reason,
      created_by: v.by,
      created_at: v.at,
    })
    .execute();
}

// ── bookings ─────────────────────────────────────────────────────────────────────────────────────

/** A booking with its service and session, as every answer needs it. */
function bookingView(db: Db) {
  return db
    .selectFrom('bookings')
    .innerJoin('services', 'services.id', 'bookings.service_id')
    .innerJoin('booking_sessions', 'booking_sessions.id', 'bookings.session_id')
    .leftJoin('tickets', 'tickets.id', 'bookings.ticket_id')
    .selectAll('bookings')
    .select([
      'services.name as service_name',
      'booking_sessions.start_time',
      'booking_sessions.end_time',
      'tickets.number as ticket_number',
      'tickets.tracking_code as ticket_tracking_code',
    ]);
}
export type BookingView = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

export function findByCode(db: Db, mallId: number, code: string) {
  return bookingView(db)
    .where('bookings.mall_id', '=', mallId)
    .where('bookings.code', '=', code)
    .executeTakeFirst();
}

export function findById(db: Db, id: number) {
  return bookingView(db).where('bookings.id', '=', id).executeTakeFirst();
}

export function bookingsOfDay(db: Db, mallId: number, date: string, serviceId?: number) {
  let q = bookingView(db).where('bookings.mall_id', '=', mallId).where('bookings.date', '=', date);
  if (serviceId !== undefined) q = q.where('bookings.service_id', '=', serviceId);
  return q.orderBy('booking_sessions.start_time').orderBy('bookings.id').execute();
}

export function findActive(db: Db, key: string) {
  return db.selectFrom('bookings').select('id').where('active_key', '=', key).executeTakeFirst();
}

/** Active bookings of a NIK on one date (all services), for the per-NIK daily cap. */
export async function activeOfNikOn(db: Db, nikHash: string, date: string): Promise<number> {
  const r = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nik_hash', '=', nikHash)
    .where('date', '=', date)
    .where('status', 'in', ACTIVE)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** No-shows of a NIK since a date, newest first (the repeated no-show block). */
export function noShowsSince(db: Db, nikHash: string, since: string) {
  return db
    .selectFrom('bookings')
    .select(['date', 'no_show_at'])
    .where('nik_hash', '=', nikHash)
    .where('status', '=', 'no_show')
    .where('date', '>=', since)
    .orderBy('date', 'desc')
    .execute();
}

export async function insertBooking(db: Db, values: Insertable<BookingsTable>): Promise<number> {
  return (await db.insertInto('bookings').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Conditional change: only while the booking is still in one of `from` (the loser of a race sees false). */
export async function transition(
  db: Db,
  id: number,
  from: string[],
  set: Updateable<BookingsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('bookings')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets a reminder's timestamp once; false when another node (or an earlier tick) already did. */
export async function markReminded(
  db: Db,
  id: number,
  column: 'reminded_day_before_at' | 'reminded_two_hours_at',
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('bookings')
    .set({ [column]: at })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Booked (not yet checked in) bookings of a mall on the given dates: reminders and no-shows. */
export function openBookingsOn(db: Db, mallId: number, dates: string[]) {
  return bookingView(db)
    .where('bookings.mall_id', '=', mallId)
    .where('bookings.status', '=', 'booked')
    .where('bookings.date', 'in', dates)
    .execute();
}

/** Booked bookings of a mall before a date (no-shows of earlier days). */
export function openBookingsBefore(db: Db, mallId: number, date: string) {
  return bookingView(db)
    .where('bookings.mall_id', '=', mallId)
    .where('bookings.status', '=', 'booked')
    .where('bookings.date', '<', date)
    .execute();
}

/** Active bookings hit by a closure: a service's day, or one session of it. */
export function activeBookingsFor(db: Db, serviceId: number, date: string, sessionId?: number) {
  let q = bookingView(db)
    .where('bookings.service_id', '=', serviceId)
    .where('bookings.date', '=', date)
    .where('bookings.status', '=', 'booked');
  if (sessionId !== undefined) q = q.where('bookings.session_id', '=', sessionId);
  return q.execute();
}

/** Booked bookings of a mall (or of every mall: null) on dates that just became holidays. */
export function bookedOnDates(db: Db, mallId: number | null, dates: string[]) {
  if (!dates.length) return Promise.resolve([]);
  let q = bookingView(db).where('bookings.status', '=', 'booked').where('bookings.date', 'in', dates);
  if (mallId !== null) q = q.where('bookings.mall_id', '=', mallId);
  return q.execute();
}

// ── same-day online tickets ──────────────────────────────────────────────────────────────────────

/** Open online tickets of a NIK today (waiting, called or being served). */
export async function openOnlineTickets(db: Db, mallId: number, nikHash: string, localDate: string) {
  const r = await db
    .selectFrom('online_tickets')
    .innerJoin('tickets', 'tickets.id', 'online_tickets.ticket_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('online_tickets.mall_id', '=', mallId)
    .where('online_tickets.nik_hash', '=', nikHash)
    .where('online_tickets.local_date', '=', localDate)
    .where('tickets.status', 'in', ['waiting', 'called', 'serving'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertOnlineTicket(
  db: Db,
  v: { ticketId: number; mallId: number; nikHash: string; localDate: string },
) {
  await db
    .insertInto('online_tickets')
    .values({ ticket_id: v.ticketId, mall_id: v.mallId, nik_hash: v.nikHash, local_date: v.localDate })
    .execute();
}

/** Malls with booking rules, for the scheduled jobs. */
export function mallsWithBookings(db: Db) {
  return db
    .selectFrom('malls')
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb.selectFrom('bookings').select(sql`1`.as('x')).whereRef('bookings.mall_id', '=', 'malls.id'),
      ),
    )
    .execute();
}

/** Whether an error is a unique-constraint violation (PostgreSQL 23505, SQLite's UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint/.test(e?.message ?? '')
  );
}
