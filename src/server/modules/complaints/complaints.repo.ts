import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  ComplaintAttachmentsTable,
  ComplaintEventsTable,
  ComplaintsTable,
  DB,
} from '../../db/schema.js';

type Db = Kysely<DB>;
export type ComplaintRow = Selectable<ComplaintsTable>;

export async function insertComplaint(db: Db, row: Insertable<ComplaintsTable>): Promise<number> {
  const r = await db.insertInto('complaints').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The complaint with the names its readers see (agency, service, counter, officer, ticket number). */
function withNames(db: Db) {
  return db
    .selectFrom('complaints as c')
    .leftJoin('agencies as a', 'a.id', 'c.agency_id')
    .leftJoin('services as s', 's.id', 'c.service_id')
    .leftJoin('counters as k', 'k.id', 'c.counter_id')
    .leftJoin('users as u', 'u.id', 'c.officer_id')
    .leftJoin('tickets as t', 't.id', 'c.ticket_id')
    .selectAll('c')
    .select([
      'a.name as agency_name',
      's.name as service_name',
      'k.name as counter_name',
      'u.display_name as officer_name',
      't.number as ticket_number',
    ]);
}
export type ComplaintView = Awaited<ReturnType<typeof findComplaint>> & {};

export function findComplaint(db: Db, mallId: number, id: number) {
  return withNames(db).where('c.mall_id', '=', mallId).where('c.id', '=', id).executeTakeFirst();
}

export function findComplaintByCode(db: Db, mallId: number, code: string) {
  return withNames(db).where('c.mall_id', '=', mallId).where('c.tracking_code', '=', code).executeTakeFirst();
}

/**
 * Changes a complaint only while it is still in `expected` state (the check and the write are one
 * statement, so two desks or two scheduler nodes cannot both move it); answers whether it did.
 */
export async function updateComplaint(
  db: Db,
  id: number,
  patch: Updateable<ComplaintsTable>,
  expected: { status?: readonly string[]; dueAt?: string | null; escalatedAt?: null },
): Promise<boolean> {
  let q = db.updateTable('complaints').set(patch).where('id', '=', id);
  if (expected.status) q = q.where('status', 'in', [...expected.status]);
  if (expected.dueAt !== undefined)
    q = expected.dueAt === null ? q.where('due_at', 'is', null) : q.where('due_at', '=', expected.dueAt);
  if (expected.escalatedAt === null) q = q.where('escalated_at', 'is', null);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvent(db: Db, row: Insertable<ComplaintEventsTable>): Promise<void> {
  await db.insertInto('complaint_events').values(row).execute();
}

export function listEvents(db: Db, complaintId: number) {
  return db
    .selectFrom('complaint_events as e')
    .leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .selectAll('e')
    .select('a.name as agency_name')
    .where('e.complaint_id', '=', complaintId)
    .orderBy('e.id')
    .execute();
}
export type EventView = Awaited<ReturnType<typeof listEvents>>[number];

/** The agencies' answers to many complaints at once (the public list). */
export function answersOf(db: Db, complaintIds: number[]) {
  if (!complaintIds.length) return Promise.resolve([]);
  return db
    .selectFrom('complaint_events as e')
    .leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .select(['e.complaint_id', 'e.at', 'e.message', 'a.name as agency_name'])
    .where('e.complaint_id', 'in', complaintIds)
    .where('e.kind', '=', 'answered')
    .orderBy('e.id')
    .execute();
}

export async function insertAttachment(db: Db, row: Insertable<ComplaintAttachmentsTable>): Promise<number> {
  const r = await db
    .insertInto('complaint_attachments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function listAttachments(db: Db, complaintId: number) {
  return db
    .selectFrom('complaint_attachments')
    .select(['id', 'name', 'content_type', 'size_bytes', 'uploaded_at'])
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Db, complaintId: number, id: number) {
  return db
    .selectFrom('complaint_attachments')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface DeskFilter {
  mallId: number;
  status?: string;
  agencyId?: number;
  /** Agency desks: only what was ever dispatched to them and is still theirs. */
  dispatchedOnly?: boolean;
  overdueAt?: string;
}

function deskQuery(db: Db, f: DeskFilter) {
  let q = withNames(db).where('c.mall_id', '=', f.mallId);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.agencyId !== undefined) q = q.where('c.agency_id', '=', f.agencyId);
  if (f.dispatchedOnly) q = q.where('c.dispatched_at', 'is not', null);
  if (f.overdueAt)
    q = q.where('c.due_kind', 'in', ['dispatch', 'follow_up']).where('c.due_at', '<=', f.overdueAt);
  return q;
}

export function listDesk(db: Db, f: DeskFilter, limit: number, offset: number) {
  return deskQuery(db, f)
    .orderBy('c.submitted_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countDesk(db: Db, f: DeskFilter): Promise<number> {
  let q = db
    .selectFrom('complaints as c')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.mall_id', '=', f.mallId);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.agencyId !== undefined) q = q.where('c.agency_id', '=', f.agencyId);
  if (f.dispatchedOnly) q = q.where('c.dispatched_at', 'is not', null);
  if (f.overdueAt)
    q = q.where('c.due_kind', 'in', ['dispatch', 'follow_up']).where('c.due_at', '<=', f.overdueAt);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export interface PublicFilter {
  mallId: number;
  status?: string;
  statuses?: readonly string[];
  agencyId?: number;
  ids?: number[];
  types?: string[];
  from?: string;
  to?: string;
}

function publicQuery(db: Db, f: PublicFilter) {
  let q = withNames(db).where('c.mall_id', '=', f.mallId).where('c.confidential', '=', 0);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.statuses) q = q.where('c.status', 'in', [...f.statuses]);
  if (f.agencyId !== undefined) q = q.where('c.agency_id', '=', f.agencyId);
  if (f.ids) q = q.where('c.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.types) q = q.where('c.type', 'in', f.types.length ? f.types : ['-']);
  if (f.from) q = q.where('c.submitted_at', '>=', f.from);
  if (f.to) q = q.where('c.submitted_at', '<=', f.to);
  return q;
}

/** Non-confidential complaints only, newest first. */
export function listPublic(db: Db, f: PublicFilter, limit: number, offset = 0) {
  return publicQuery(db, f)
    .orderBy('c.submitted_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countPublic(db: Db, f: PublicFilter): Promise<number> {
  const rows = await publicQuery(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .execute();
  return Number(rows[0]?.n ?? 0);
}

/** Deadlines that have passed (any mall), oldest first, for the scheduler. */
export function duePast(
  db: Db,
  kinds: readonly string[],
  at: string,
  limit: number,
  unescalatedOnly: boolean,
) {
  let q = db
    .selectFrom('complaints')
    .select(['id', 'mall_id', 'due_at', 'due_kind', 'status'])
    .where('due_kind', 'in', [...kinds])
    .where('due_at', '<=', at);
  if (unescalatedOnly) q = q.where('escalated_at', 'is', null);
  return q.orderBy('due_at').limit(limit).execute();
}

export function ticketByCode(db: Db, mallId: number, code: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'service_id', 'counter_id', 'officer_id'])
    .where('mall_id', '=', mallId)
    .where('tracking_code', '=', code)
    .executeTakeFirst();
}

export function agencyOf(db: Db, mallId: number, id: number) {
  return db
    .selectFrom('agencies')
    .select(['id', 'name', 'retired_at'])
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function serviceOf(db: Db, mallId: number, id: number) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'agency_id'])
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSettings(db: Db, mallId: number) {
  return db.selectFrom('complaint_settings').selectAll().where('mall_id', '=', mallId).executeTakeFirst();
}

export async function saveSettings(
  db: Db,
  mallId: number,
  v: { escalation_email: string | null; escalation_phone: string | null; updated_at: string },
): Promise<void> {
  await db
    .insertInto('complaint_settings')
    .values({ mall_id: mallId, ...v })
    .onConflict((oc) => oc.column('mall_id').doUpdateSet(v))
    .execute();
}

/** Complaints submitted in [from, to) with what the period report groups by. */
export function inPeriod(db: Db, mallId: number, from: string, to: string) {
  return db
    .selectFrom('complaints as c')
    .leftJoin('agencies as a', 'a.id', 'c.agency_id')
    .leftJoin('services as s', 's.id', 'c.service_id')
    .leftJoin('counters as k', 'k.id', 'c.counter_id')
    .select([
      'c.status',
      'c.type',
      'c.due_kind',
      'c.due_at',
      'c.agency_id',
      'a.name as agency_name',
      'c.service_id',
      's.name as service_name',
      'c.counter_id',
      'k.name as counter_name',
    ])
    .where('c.mall_id', '=', mallId)
    .where('c.submitted_at', '>=', from)
    .where('c.submitted_at', '<', to)
    .execute();
}
