import type { z } from 'zod';
import type {
  PersonalDataReadsQuery,
  ReadKind,
  SubjectExport,
  SubjectExportInput,
} from '../../../shared/contracts/privacy.js';
import { maskNik } from '../../../shared/domain/mask-personal.js';
import { parseNik } from '../../../shared/domain/nik.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import { lookupHash } from '../applications/personal-data.js';
import type { MallRecord } from '../malls/malls.service.js';
import { readReason } from './privacy.reason.js';
import * as repo from './privacy.repo.js';

/** The audit actions that are reads of personal data, by the kind the reads log names them. */
export const READ_ACTIONS: Record<z.infer<typeof ReadKind>, string> = {
  booking_nik: 'booking.readNik',
  application_identity: 'application.identity.read',
  complaint_reporter: 'complaint.reporter.read',
  subject_export: 'privacy.subject.export',
};
const KIND_OF = new Map(Object.entries(READ_ACTIONS).map(([k, a]) => [a, k as z.infer<typeof ReadKind>]));

const parse = (v: string | null): Record<string, unknown> => {
  try {
    const o = v ? JSON.parse(v) : null;
    return o && typeof o === 'object' ? (o as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Who read a full NIK (or a reporter's contacts, or a whole file), when, which record and why. */
export async function listReads(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  q: z.infer<typeof PersonalDataReadsQuery>,
) {
  authorize(actor, 'privacy.readLog', { mallId: mall.id });
  const rows = await repo.listReads(ctx.database.db, mall.id, {
    actions: q.kind ? [READ_ACTIONS[q.kind]] : Object.values(READ_ACTIONS),
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    actor: q.actor,
    beforeSeq: q.beforeSeq,
    limit: q.limit,
  });
  return {
    items: rows.map((r) => {
      const after = parse(r.after);
      const reason = str(after.reason);
      return {
        seq: r.seq,
        at: r.at,
        kind: KIND_OF.get(r.action) ?? 'booking_nik',
        actor: r.username ?? null,
        actorId: r.actor_id,
        entity: r.entity,
        entityId: r.entity_id,
        reason: (reason as z.infer<typeof SubjectExportInput>['reason'] | null) ?? null,
        note: str(after.note),
      };
    }),
  };
}

const NOTES = [
  'Survei kepuasan (SKM) bersifat anonim dan tidak dikaitkan dengan NIK; tidak disertakan (satisfaction surveys are anonymous and not linked to a NIK).',
  'Catatan internal petugas pada pengaduan tidak disertakan; langkah yang terlihat oleh pelapor disertakan (staff-only complaint notes are left out).',
  'Pengaduan yang cocok karena nomor HP atau e-mail (matchedBy) perlu diperiksa petugas sebelum diserahkan: nomor bisa dipakai bersama (complaints matched by phone or e-mail must be checked before handing over).',
  'Data yang sudah dianonimkan setelah masa simpan tidak lagi dapat ditemukan dengan NIK (data anonymised after the retention period can no longer be found).',
];

/**
 * Everything this mall holds about one NIK (UU PDP subject access): bookings and applications found
 * by the keyed hash, their payments, documents, history and messages, the queue tickets they led to
 * and notify requests on those, and complaints about those tickets or filed with the same phone or
 * e-mail. Mall admins only; one audit row with the reason and the counts (never the NIK).
 */
export async function exportSubject(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof SubjectExportInput>,
): Promise<z.infer<typeof SubjectExport>> {
  authorize(actor, 'privacy.export', { mallId: mall.id });
  const parsed = parseNik(input.nik, ctx.now());
  if (!parsed.ok)
    throw new AppError('INVALID_NIK', 'NIK tidak valid: 16 angka sesuai KTP-el (not a valid NIK).', {
      problem: parsed.problem,
    });
  const nik = parsed.parts.nik;
  const hash = await lookupHash(ctx, nik);
  const db = ctx.database.db;
  const [bookings, applications, online] = await Promise.all([
    repo.bookingsByNik(db, mall.id, hash),
    repo.applicationsByNik(db, mall.id, hash),
    repo.onlineTicketsByNik(db, mall.id, hash),
  ]);
  const applicationIds = applications.map((a) => a.id);
  const [history, payments, documents] = await Promise.all([
    repo.applicationHistory(db, applicationIds),
    repo.applicationPayments(db, applicationIds),
    repo.applicationDocuments(db, applicationIds),
  ]);
  const ticketIds = [
    ...new Set(
      [...bookings.map((b) => b.ticket_id), ...applications.map((a) => a.ticket_id), ...online].filter(
        (id): id is number => id !== null,
      ),
    ),
  ];
  const phones = [
    ...new Set([...bookings.map((b) => b.phone), ...applications.map((a) => a.phone)].filter((p) => !!p)),
  ] as string[];
  const emails = [...new Set(bookings.map((b) => b.email?.toLowerCase()).filter((e): e is string => !!e))];
  const [tickets, notifications, complaints] = await Promise.all([
    repo.ticketsByIds(db, mall.id, ticketIds),
    repo.notificationsOfTickets(db, ticketIds),
    repo.complaintsLinked(db, mall.id, { ticketIds, phones, emails }),
  ]);
  const complaintIds = complaints.map((c) => c.id);
  const [steps, attachments, messages] = await Promise.all([
    repo.complaintSteps(db, complaintIds),
    repo.complaintAttachments(db, complaintIds),
    repo.messagesOf(db, mall.id, [
      { type: 'booking', ids: bookings.map((b) => b.id) },
      { type: 'application', ids: applicationIds },
      { type: 'complaint', ids: complaintIds },
      { type: 'ticket', ids: ticketIds },
    ]),
  ]);
  const byId = <T extends Record<K, number>, K extends string>(rows: T[], key: K) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r[key], [...(m.get(r[key]) ?? []), r]);
    return (id: number) => m.get(id) ?? [];
  };
  const historyOf = byId(history, 'application_id');
  const paymentsOf = byId(payments, 'application_id');
  const documentsOf = byId(documents, 'application_id');
  const stepsOf = byId(steps, 'complaint_id');
  const attachmentsOf = byId(attachments, 'complaint_id');
  const out: z.infer<typeof SubjectExport> = {
    generatedAt: ctx.now().toISOString(),
    mall: { slug: mall.slug, name: mall.name },
    subject: { nikMasked: maskNik(nik) },
    bookings: bookings.map((b) => ({
      id: b.id,
      code: b.code,
      service: b.service,
      date: b.date,
      session: `${b.start_time}–${b.end_time}`,
      status: b.status,
      name: b.name,
      phone: b.phone,
      email: b.email,
      createdAt: b.created_at,
      checkedInAt: b.checked_in_at,
      cancelledAt: b.cancelled_at,
      noShowAt: b.no_show_at,
      ticketId: b.ticket_id,
    })),
    applications: applications.map((a) => ({
      id: a.id,
      trackingCode: a.tracking_code,
      service: a.service,
      agency: a.agency,
      status: a.status,
      name: a.applicant_name,
      phone: a.phone,
      receivedAt: a.received_at,
      dueDate: a.due_date,
      feeAmount: a.fee_amount,
      rejectReason: a.reject_reason,
      ticketId: a.ticket_id,
      history: historyOf(a.id).map((h) => ({ status: h.status, at: h.at, note: h.note, reason: h.reason })),
      payments: paymentsOf(a.id).map((p) => ({
        kind: p.kind,
        amount: p.amount,
        method: p.method,
        receiptNumber: p.receipt_number,
        at: p.at,
      })),
      documents: documentsOf(a.id).map((d) => ({
        number: d.number,
        verifyCode: d.verify_code,
        issuedAt: d.issued_at,
        revokedAt: d.revoked_at,
      })),
    })),
    tickets: tickets.map((t) => ({
      id: t.id,
      number: t.number,
      localDate: t.local_date,
      service: t.service,
      source: t.source,
      status: t.status,
      issuedAt: t.issued_at,
      finishedAt: t.finished_at,
    })),
    notifications: notifications.map((n) => ({
      ticketId: n.ticket_id,
      channel: n.channel,
      address: n.address,
      addressMasked: n.address_masked,
      createdAt: n.created_at,
    })),
    complaints: complaints.map((c) => ({
      id: c.id,
      trackingCode: c.tracking_code,
      matchedBy:
        c.ticket_id !== null && ticketIds.includes(c.ticket_id)
          ? ('ticket' as const)
          : c.reporter_phone && phones.includes(c.reporter_phone)
            ? ('phone' as const)
            : ('email' as const),
      type: c.type,
      status: c.status,
      title: c.title,
      body: c.body,
      reporterName: c.reporter_name,
      reporterPhone: c.reporter_phone,
      reporterEmail: c.reporter_email,
      submittedAt: c.submitted_at,
      closedAt: c.closed_at,
      steps: stepsOf(c.id).map((s) => ({ kind: s.kind, at: s.at, message: s.message })),
      attachments: attachmentsOf(c.id).map((f) => ({
        name: f.name,
        contentType: f.content_type,
        sizeBytes: f.size_bytes,
      })),
    })),
    messages: messages.map((m) => ({
      channel: m.channel,
      event: m.event,
      addressMasked: m.address_masked,
      status: m.status,
      createdAt: m.created_at,
      sentAt: m.sent_at,
    })),
    notes: NOTES,
  };
  await inTransaction(db, (tx) =>
    appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: READ_ACTIONS.subject_export,
      entity: 'subject',
      entityId: 'nik',
      after: {
        ...readReason(input),
        download: input.download ?? false,
        counts: {
          bookings: out.bookings.length,
          applications: out.applications.length,
          tickets: out.tickets.length,
          notifications: out.notifications.length,
          complaints: out.complaints.length,
          messages: out.messages.length,
        },
        records: {
          bookings: out.bookings.map((b) => b.id),
          applications: applicationIds,
          complaints: complaintIds,
        },
      },
      at: ctx.now().toISOString(),
    }),
  );
  return out;
}
