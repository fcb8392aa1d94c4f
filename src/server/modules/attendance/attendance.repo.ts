import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

const sessionColumns = [
  'counter_sessions.id',
  'counter_sessions.counter_id',
  'counters.number as counter_number',
  'counters.agency_id',
  'counter_sessions.user_id',
  'users.display_name',
  'users.agency_id as user_agency_id',
  'counter_sessions.local_date',
  'counter_sessions.started_at',
  'counter_sessions.ended_at',
  'counter_sessions.end_reason',
] as const;

function sessions(db: Db) {
  return db
    .selectFrom('counter_sessions')
    .innerJoin('counters', 'counters.id', 'counter_sessions.counter_id')
    .innerJoin('users', 'users.id', 'counter_sessions.user_id')
    .select(sessionColumns);
}
export type SessionRow = Awaited<ReturnType<typeof findSession>> & object;

export const findSession = (db: Db, id: number) =>
  sessions(db).where('counter_sessions.id', '=', id).executeTakeFirst();

/** The open session at a counter, if an officer is signed in there. */
export const openSessionAtCounter = (db: Db, counterId: number) =>
  sessions(db)
    .where('counter_sessions.counter_id', '=', counterId)
    .where('counter_sessions.ended_at', 'is', null)
    .executeTakeFirst();

/** An officer's open sessions in a mall (at most one, but a crash may have left more). */
export const openSessionsOfUser = (db: Db, mallId: number, userId: number) =>
  sessions(db)
    .where('counter_sessions.mall_id', '=', mallId)
    .where('counter_sessions.user_id', '=', userId)
    .where('counter_sessions.ended_at', 'is', null)
    .execute();

export async function insertSession(
  db: Db,
  row: { mall_id: number; counter_id: number; user_id: number; local_date: string; started_at: string },
): Promise<number> {
  const r = await db
    .insertInto('counter_sessions')
    .values({ ...row, ended_at: null, end_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function endSession(db: Db, id: number, at: string, reason: string): Promise<void> {
  await db
    .updateTable('counter_sessions')
    .set({ ended_at: at, end_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

/** Sessions of local dates in a range, agency-filtered by the counter's agency. */
export function sessionsBetween(db: Db, mallId: number, from: string, to: string, agencyId?: number) {
  let q = sessions(db)
    .where('counter_sessions.mall_id', '=', mallId)
    .where('counter_sessions.local_date', '>=', from)
    .where('counter_sessions.local_date', '<=', to);
  if (agencyId !== undefined) q = q.where('counters.agency_id', '=', agencyId);
  return q.orderBy('counter_sessions.started_at').orderBy('counter_sessions.id').execute();
}

/** Every ticket event of a local day of the mall, in log order (as the statistics replay them). */
export function dayWorkEvents(db: Db, mallId: number, localDate: string) {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select([
      'ticket_events.ticket_id as ticketId',
      'ticket_events.service_id as serviceId',
      'ticket_events.type as type',
      'ticket_events.at as at',
      'ticket_events.counter_id as counterId',
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.local_date', '=', localDate)
    .where('ticket_events.mall_id', '=', mallId)
    .orderBy('ticket_events.id')
    .execute();
}

export function counterServicesOfMall(db: Db, mallId: number) {
  return db
    .selectFrom('counter_services')
    .select(['counter_id', 'service_id'])
    .where('mall_id', '=', mallId)
    .execute();
}

// ── Break and closure requests ────────────────────────────────────────────────────────────────

function requests(db: Db) {
  return db
    .selectFrom('counter_requests')
    .innerJoin('counters', 'counters.id', 'counter_requests.counter_id')
    .innerJoin('users', 'users.id', 'counter_requests.user_id')
    .select([
      'counter_requests.id',
      'counter_requests.counter_id',
      'counters.number as counter_number',
      'counters.agency_id',
      'counter_requests.user_id',
      'users.display_name',
      'counter_requests.kind',
      'counter_requests.reason',
      'counter_requests.minutes',
      'counter_requests.status',
      'counter_requests.decided_at',
      'counter_requests.decision_note',
      'counter_requests.created_at',
    ]);
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export const findRequest = (db: Db, mallId: number, id: number) =>
  requests(db)
    .where('counter_requests.mall_id', '=', mallId)
    .where('counter_requests.id', '=', id)
    .executeTakeFirst();

export function listRequests(db: Db, mallId: number, status?: string, agencyId?: number) {
  let q = requests(db).where('counter_requests.mall_id', '=', mallId);
  if (status) q = q.where('counter_requests.status', '=', status);
  if (agencyId !== undefined) q = q.where('counters.agency_id', '=', agencyId);
  return q.orderBy('counter_requests.id', 'desc').limit(500).execute();
}

export const pendingRequestAt = (db: Db, counterId: number) =>
  db
    .selectFrom('counter_requests')
    .select('id')
    .where('counter_id', '=', counterId)
    .where('status', '=', 'pending')
    .executeTakeFirst();

export async function insertRequest(
  db: Db,
  row: {
    mall_id: number;
    counter_id: number;
    user_id: number;
    kind: string;
    reason: string;
    minutes: number | null;
    created_at: string;
  },
): Promise<number> {
  const r = await db
    .insertInto('counter_requests')
    .values({ ...row, status: 'pending', decided_by: null, decided_at: null, decision_note: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Decides a pending request; false when it was decided meanwhile (another admin, another node). */
export async function decideRequest(
  db: Db,
  id: number,
  status: 'approved' | 'rejected' | 'cancelled',
  by: number,
  at: string,
  note: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('counter_requests')
    .set({ status, decided_by: by, decided_at: at, decision_note: note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
