import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What a blanked name or masked form reads after anonymisation. */
export const ANON = '(dianonimkan)';
/** Channels whose address is a person's (a webhook's is a subscription id). */
export const PERSONAL_CHANNELS = ['whatsapp', 'sms', 'email', 'webpush'];
/** Outbox subjects anonymised together with their record (the rest by age alone). */
export const RECORD_SUBJECTS = ['booking', 'application', 'complaint'] as const;
export type RecordSubject = (typeof RECORD_SUBJECTS)[number];
/** Applications that can no longer move (APPLICATION_TRANSITIONS has nothing after them). */
export const FINISHED_APPLICATION = ['rejected', 'collected', 'delivered'];
export const FINISHED_COMPLAINT = ['closed', 'archived'];

// ── retention ─────────────────────────────────────────────────────────────────────────────────────

export const mallsForRetention = (db: Db) =>
  db.selectFrom('malls').select(['id', 'slug', 'timezone', 'retention_days']).orderBy('id').execute();

/** Bookings whose day is before `beforeDate` (local), not yet anonymised; a future booking never is. */
export const dueBookings = (db: Db, mallId: number, beforeDate: string, limit: number) =>
  db
    .selectFrom('bookings')
    .select(['id', 'name', 'phone', 'email', 'cancel_reason'])
    .where('mall_id', '=', mallId)
    .where('anonymised_at', 'is', null)
    .where('date', '<', beforeDate)
    .orderBy('id')
    .limit(limit)
    .execute();

/** Finished applications (rejected, collected, delivered) last changed before `before`. */
export const dueApplications = (db: Db, mallId: number, before: string, limit: number) =>
  db
    .selectFrom('applications')
    .select(['id', 'applicant_name', 'phone', 'reject_reason'])
    .where('mall_id', '=', mallId)
    .where('anonymised_at', 'is', null)
    .where('updated_at', '<', before)
    .where('status', 'in', FINISHED_APPLICATION)
    .orderBy('id')
    .limit(limit)
    .execute();

/** Closed or archived complaints closed before `before` (a reopened one has no closed_at). */
export const dueComplaints = (db: Db, mallId: number, before: string, limit: number) =>
  db
    .selectFrom('complaints')
    .select(['id', 'reporter_name', 'reporter_phone', 'reporter_email', 'title', 'body'])
    .where('mall_id', '=', mallId)
    .where('anonymised_at', 'is', null)
    .where('closed_at', '<', before)
    .where('status', 'in', FINISHED_COMPLAINT)
    .orderBy('id')
    .limit(limit)
    .execute();

export const dueNotifications = (db: Db, mallId: number, before: string, limit: number) =>
  db
    .selectFrom('ticket_notifications')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('anonymised_at', 'is', null)
    .where('created_at', '<', before)
    .orderBy('id')
    .limit(limit)
    .execute();

export const dueOnlineTickets = (db: Db, mallId: number, beforeDate: string, limit: number) =>
  db
    .selectFrom('online_tickets')
    .select('ticket_id as id')
    .where('mall_id', '=', mallId)
    .where('anonymised_at', 'is', null)
    .where('local_date', '<', beforeDate)
    .orderBy('ticket_id')
    .limit(limit)
    .execute();

/**
 * Messages to a person not tied to a booking, application or complaint (tickets, staff), created
 * before the cut-off: finished, or pending all that time on a channel no node sends (then cancelled).
 */
export const dueMessages = (db: Db, mallId: number, before: string, limit: number) =>
  db
    .selectFrom('outbox_messages')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('anonymised_at', 'is', null)
    .where('created_at', '<', before)
    .where('channel', 'in', PERSONAL_CHANNELS)
    .where((eb) =>
      eb.or([eb('subject_type', 'is', null), eb('subject_type', 'not in', [...RECORD_SUBJECTS])]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/**
 * Claims rows for this run: one conditional UPDATE (`anonymised_at IS NULL`). On PostgreSQL a second
 * node's UPDATE of the same rows waits for the first to commit, re-checks the condition and claims
 * none of them; SQLite has one writer. Only the claimed rows are blanked, by this transaction.
 */
export async function claimBookings(db: Db, list: number[], at: string) {
  if (!list.length) return [];
  return ids(
    await db
      .updateTable('bookings')
      .set({ anonymised_at: at })
      .where('id', 'in', list)
      .where('anonymised_at', 'is', null)
      .returning('id')
      .execute(),
  );
}
export async function claimApplications(db: Db, list: number[], at: string) {
  if (!list.length) return [];
  return ids(
    await db
      .updateTable('applications')
      .set({ anonymised_at: at })
      .where('id', 'in', list)
      .where('anonymised_at', 'is', null)
      .returning('id')
      .execute(),
  );
}
export async function claimComplaints(db: Db, list: number[], at: string) {
  if (!list.length) return [];
  return ids(
    await db
      .updateTable('complaints')
      .set({ anonymised_at: at })
      .where('id', 'in', list)
      .where('anonymised_at', 'is', null)
      .returning('id')
      .execute(),
  );
}

/** Blanks the booking: NIK (hash, ciphertext, masked), name, phone, e-mail; free text as scrubbed. */
export async function blankBookings(db: Db, list: number[]) {
  if (!list.length) return;
  await db
    .updateTable('bookings')
    .set({
      nik_hash: '',
      nik_cipher: '',
      nik_masked: ANON,
      name: ANON,
      phone: '',
      phone_masked: ANON,
      email: null,
      active_key: null,
    })
    .where('id', 'in', list)
    .execute();
}

export async function setBookingCancelReason(db: Db, id: number, text: string | null) {
  await db.updateTable('bookings').set({ cancel_reason: text }).where('id', '=', id).execute();
}

export async function blankApplications(db: Db, list: number[]) {
  if (!list.length) return;
  await db
    .updateTable('applications')
    .set({
      applicant_name: ANON,
      nik_cipher: '',
      nik_hash: '',
      nik_masked: ANON,
      phone: null,
      phone_masked: ANON,
    })
    .where('id', 'in', list)
    .execute();
}

export async function setRejectReason(db: Db, id: number, text: string | null) {
  await db.updateTable('applications').set({ reject_reason: text }).where('id', '=', id).execute();
}

export const applicationEventTexts = (db: Db, applicationIds: number[]) =>
  applicationIds.length
    ? db
        .selectFrom('application_events')
        .select(['id', 'application_id', 'note', 'reason'])
        .where('application_id', 'in', applicationIds)
        .execute()
    : Promise.resolve([]);

export async function setApplicationEventTexts(
  db: Db,
  id: number,
  note: string | null,
  reason: string | null,
) {
  await db.updateTable('application_events').set({ note, reason }).where('id', '=', id).execute();
}

export const paymentReasons = (db: Db, applicationIds: number[]) =>
  applicationIds.length
    ? db
        .selectFrom('payments')
        .select(['id', 'application_id', 'reason'])
        .where('application_id', 'in', applicationIds)
        .where('reason', 'is not', null)
        .execute()
    : Promise.resolve([]);

export async function setPaymentReason(db: Db, id: number, reason: string | null) {
  await db.updateTable('payments').set({ reason }).where('id', '=', id).execute();
}

/**
 * Drops the PDF of the applications' documents (it carries the name); the row, its number and its
 * SHA-256 stay, so a copy the citizen holds is still verified by upload.
 */
export async function dropDocumentFiles(db: Db, applicationIds: number[]) {
  if (!applicationIds.length) return 0;
  const r = await db
    .updateTable('documents')
    .set({ pdf: Buffer.alloc(0) })
    .where('application_id', 'in', applicationIds)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function blankComplaints(db: Db, list: number[]) {
  if (!list.length) return;
  await db
    .updateTable('complaints')
    .set({
      reporter_name: null,
      reporter_phone: null,
      reporter_phone_masked: null,
      reporter_email: null,
      reporter_email_masked: null,
      media_url: null,
    })
    .where('id', 'in', list)
    .execute();
}

export async function setComplaintTexts(db: Db, id: number, title: string, body: string) {
  await db.updateTable('complaints').set({ title, body }).where('id', '=', id).execute();
}

export const complaintEventTexts = (db: Db, complaintIds: number[]) =>
  complaintIds.length
    ? db
        .selectFrom('complaint_events')
        .select(['id', 'complaint_id', 'message'])
        .where('complaint_id', 'in', complaintIds)
        .where('message', 'is not', null)
        .execute()
    : Promise.resolve([]);

export async function setComplaintEventMessage(db: Db, id: number, message: string | null) {
  await db.updateTable('complaint_events').set({ message }).where('id', '=', id).execute();
}

/** Attachments are photos and scans (often of a KTP): deleted with the reporter's data. */
export async function deleteAttachments(db: Db, complaintIds: number[]) {
  if (!complaintIds.length) return 0;
  const r = await db
    .deleteFrom('complaint_attachments')
    .where('complaint_id', 'in', complaintIds)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Notify requests: the address (phone, e-mail, push subscription) and its masked form. */
export async function blankNotifications(db: Db, list: number[], at: string) {
  if (!list.length) return 0;
  const rows = await db
    .updateTable('ticket_notifications')
    .set((eb) => ({
      address: null,
      address_masked: ANON,
      erased_at: eb.fn.coalesce('erased_at', eb.val(at)),
      closed_at: eb.fn.coalesce('closed_at', eb.val(at)),
      anonymised_at: at,
    }))
    .where('id', 'in', list)
    .where('anonymised_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

export async function blankOnlineTickets(db: Db, ticketIds: number[], at: string) {
  if (!ticketIds.length) return 0;
  const rows = await db
    .updateTable('online_tickets')
    .set({ nik_hash: '', anonymised_at: at })
    .where('ticket_id', 'in', ticketIds)
    .where('anonymised_at', 'is', null)
    .returning('ticket_id')
    .execute();
  return rows.length;
}

/**
 * Blanks messages: address, masked address, the rendered text and errors (a bounce may quote the
 * address), in the message and its delivery log. A message still pending (never sendable for a
 * year) is cancelled. Answers how many messages changed.
 */
async function blankMessages(
  db: Db,
  where: { ids: number[] } | { mallId: number; subject: RecordSubject; subjectIds: number[] },
  at: string,
) {
  let q = db
    .updateTable('outbox_messages')
    .set((eb) => ({
      address: null,
      address_masked: ANON,
      body: '{}',
      last_error: null,
      locked_until: null,
      locked_by: null,
      status: eb.case().when('status', '=', 'pending').then('cancelled').else(eb.ref('status')).end(),
      address_erased_at: eb.fn.coalesce('address_erased_at', eb.val(at)),
      anonymised_at: at,
    }))
    .where('anonymised_at', 'is', null);
  if ('ids' in where) {
    if (!where.ids.length) return 0;
    q = q.where('id', 'in', where.ids);
  } else {
    if (!where.subjectIds.length) return 0;
    q = q
      .where('mall_id', '=', where.mallId)
      .where('subject_type', '=', where.subject)
      .where('subject_id', 'in', where.subjectIds);
  }
  const changed = ids(await q.returning('id').execute());
  if (changed.length)
    await db.updateTable('outbox_attempts').set({ error: null }).where('message_id', 'in', changed).execute();
  return changed.length;
}

export const blankMessagesById = (db: Db, list: number[], at: string) => blankMessages(db, { ids: list }, at);
export const blankMessagesOf = (
  db: Db,
  mallId: number,
  subject: RecordSubject,
  subjectIds: number[],
  at: string,
) => blankMessages(db, { mallId, subject, subjectIds }, at);

// ── reads log ─────────────────────────────────────────────────────────────────────────────────────

export interface ReadsFilter {
  actions: string[];
  from?: string;
  to?: string;
  actor?: string;
  beforeSeq?: number;
  limit: number;
}

/** A mall's audit rows of the given actions, newest first, with the actor's username. */
export function listReads(db: Db, mallId: number, f: ReadsFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'audit_log.action',
      'audit_log.actor_id',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.after',
      'users.username',
    ])
    .where('audit_log.chain', '=', mallId)
    .where('audit_log.action', 'in', f.actions);
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', f.to);
  if (f.actor) q = q.where('users.username', '=', f.actor);
  if (f.beforeSeq) q = q.where('audit_log.seq', '<', f.beforeSeq);
  return q.orderBy('audit_log.seq', 'desc').limit(f.limit).execute();
}

// ── subject export ────────────────────────────────────────────────────────────────────────────────

export const bookingsByNik = (db: Db, mallId: number, nikHash: string) =>
  db
    .selectFrom('bookings as b')
    .innerJoin('services as s', 's.id', 'b.service_id')
    .innerJoin('booking_sessions as bs', 'bs.id', 'b.session_id')
    .select([
      'b.id',
      'b.code',
      's.name as service',
      'b.date',
      'bs.start_time',
      'bs.end_time',
      'b.status',
      'b.name',
      'b.phone',
      'b.email',
      'b.created_at',
      'b.checked_in_at',
      'b.cancelled_at',
      'b.no_show_at',
      'b.ticket_id',
      'b.nik_masked',
    ])
    .where('b.mall_id', '=', mallId)
    .where('b.nik_hash', '=', nikHash)
    .orderBy('b.id')
    .execute();

export const applicationsByNik = (db: Db, mallId: number, nikHash: string) =>
  db
    .selectFrom('applications as ap')
    .innerJoin('services as s', 's.id', 'ap.service_id')
    .innerJoin('agencies as ag', 'ag.id', 'ap.agency_id')
    .select([
      'ap.id',
      'ap.tracking_code',
      's.name as service',
      'ag.name as agency',
      'ap.status',
      'ap.applicant_name',
      'ap.phone',
      'ap.received_at',
      'ap.due_date',
      'ap.fee_amount',
      'ap.reject_reason',
      'ap.ticket_id',
      'ap.nik_masked',
    ])
    .where('ap.mall_id', '=', mallId)
    .where('ap.nik_hash', '=', nikHash)
    .orderBy('ap.id')
    .execute();

export const applicationHistory = (db: Db, applicationIds: number[]) =>
  applicationIds.length
    ? db
        .selectFrom('application_events')
        .select(['application_id', 'status', 'at', 'note', 'reason'])
        .where('application_id', 'in', applicationIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export const applicationPayments = (db: Db, applicationIds: number[]) =>
  applicationIds.length
    ? db
        .selectFrom('payments')
        .select(['application_id', 'kind', 'amount', 'method', 'receipt_number', 'at'])
        .where('application_id', 'in', applicationIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export const applicationDocuments = (db: Db, applicationIds: number[]) =>
  applicationIds.length
    ? db
        .selectFrom('documents')
        .select(['application_id', 'number', 'verify_code', 'issued_at', 'revoked_at'])
        .where('application_id', 'in', applicationIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export const onlineTicketsByNik = async (db: Db, mallId: number, nikHash: string) =>
  (
    await db
      .selectFrom('online_tickets')
      .select('ticket_id')
      .where('mall_id', '=', mallId)
      .where('nik_hash', '=', nikHash)
      .execute()
  ).map((r) => r.ticket_id);

export const ticketsByIds = (db: Db, mallId: number, ticketIds: number[]) =>
  ticketIds.length
    ? db
        .selectFrom('tickets as t')
        .innerJoin('services as s', 's.id', 't.service_id')
        .select([
          't.id',
          't.number',
          't.local_date',
          's.name as service',
          't.source',
          't.status',
          't.issued_at',
          't.finished_at',
        ])
        .where('t.mall_id', '=', mallId)
        .where('t.id', 'in', ticketIds)
        .orderBy('t.id')
        .execute()
    : Promise.resolve([]);

export const notificationsOfTickets = (db: Db, ticketIds: number[]) =>
  ticketIds.length
    ? db
        .selectFrom('ticket_notifications')
        .select(['ticket_id', 'channel', 'address', 'address_masked', 'created_at'])
        .where('ticket_id', 'in', ticketIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

/** Complaints about the tickets, or filed with one of the phones or e-mail addresses. */
export function complaintsLinked(
  db: Db,
  mallId: number,
  link: { ticketIds: number[]; phones: string[]; emails: string[] },
) {
  if (!link.ticketIds.length && !link.phones.length && !link.emails.length) return Promise.resolve([]);
  return db
    .selectFrom('complaints')
    .select([
      'id',
      'tracking_code',
      'type',
      'status',
      'title',
      'body',
      'ticket_id',
      'reporter_name',
      'reporter_phone',
      'reporter_email',
      'submitted_at',
      'closed_at',
    ])
    .where('mall_id', '=', mallId)
    .where((eb) =>
      eb.or([
        ...(link.ticketIds.length ? [eb('ticket_id', 'in', link.ticketIds)] : []),
        ...(link.phones.length ? [eb('reporter_phone', 'in', link.phones)] : []),
        ...(link.emails.length ? [eb(eb.fn('lower', ['reporter_email']), 'in', link.emails)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** The steps the reporter sees (staff-only notes are the desk's working notes). */
export const complaintSteps = (db: Db, complaintIds: number[]) =>
  complaintIds.length
    ? db
        .selectFrom('complaint_events')
        .select(['complaint_id', 'kind', 'at', 'message'])
        .where('complaint_id', 'in', complaintIds)
        .where('visibility', '=', 'reporter')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export const complaintAttachments = (db: Db, complaintIds: number[]) =>
  complaintIds.length
    ? db
        .selectFrom('complaint_attachments')
        .select(['complaint_id', 'name', 'content_type', 'size_bytes'])
        .where('complaint_id', 'in', complaintIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

/** Messages to the citizen about these records (not the desk's escalations to staff). */
export function messagesOf(db: Db, mallId: number, subjects: { type: string; ids: number[] }[]) {
  const wanted = subjects.filter((s) => s.ids.length);
  if (!wanted.length) return Promise.resolve([]);
  return db
    .selectFrom('outbox_messages')
    .select(['channel', 'event', 'address_masked', 'status', 'created_at', 'sent_at'])
    .where('mall_id', '=', mallId)
    .where('channel', 'in', PERSONAL_CHANNELS)
    .where('event', '!=', 'complaint.overdue')
    .where((eb) =>
      eb.or(wanted.map((s) => eb.and([eb('subject_type', '=', s.type), eb('subject_id', 'in', s.ids)]))),
    )
    .orderBy('id')
    .execute();
}
