import { z } from 'zod';
import { maskPersonalNumbers } from '../domain/mask-personal.js';

/**
 * Personal data under UU 27/2022 (PDP; docs/privacy.md): why staff read a full NIK, the reads log,
 * and the export of everything held about one citizen.
 */

/** Why a staff member needs the full NIK (or a citizen's whole file); 'other' needs a note. */
export const AccessReason = z.enum([
  /** Checking the identity at Dukcapil or against the KTP-el at the counter. */
  'identity_check',
  /** The citizen asked (e.g. for their own data, a correction). */
  'citizen_request',
  /** Correcting a typing mistake in the file. */
  'data_correction',
  /** A request by a court, the police or another body entitled by law (letter number in the note). */
  'legal_request',
  /** A complaint or an internal investigation about the file. */
  'investigation',
  'other',
]);
export type AccessReason = z.infer<typeof AccessReason>;

/** Free text of a reason: NIK- and phone-like numbers are masked as it is parsed. */
const ReasonNote = z.string().trim().min(10).max(500).overwrite(maskPersonalNumbers);

/** The body of every full-NIK read: a reason, and a note (at least 10 characters; required with 'other'). */
export const RevealInput = z.strictObject({
  reason: AccessReason,
  note: ReasonNote.optional(),
});

export const ReadKind = z.enum([
  'booking_nik',
  'application_identity',
  'complaint_reporter',
  'subject_export',
]);

export const PersonalDataRead = z.object({
  /** The audit row's position in the mall's chain. */
  seq: z.number(),
  at: z.string(),
  kind: ReadKind,
  /** Who read: the staff member's username (null: the user is gone). */
  actor: z.string().nullable(),
  actorId: z.number().nullable(),
  /** Which record: booking, application, complaint (by id), or 'subject' for an export. */
  entity: z.string(),
  entityId: z.string(),
  reason: AccessReason.nullable(),
  note: z.string().nullable(),
});

export const PersonalDataReadsQuery = z.object({
  kind: ReadKind.optional(),
  /** Only reads at or after / before this instant (ISO 8601). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Only reads by this username. */
  actor: z.string().trim().min(1).max(64).optional(),
  /** Paging: reads older than this audit sequence. */
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const PersonalDataReads = z.object({ items: z.array(PersonalDataRead) });

/** Subject access: the NIK travels in the body only (never in a URL, so never in an access log). */
export const SubjectExportInput = z.strictObject({
  nik: z.string().trim().min(16).max(24),
  reason: AccessReason,
  note: ReasonNote.optional(),
  /** Answer as a file download (content-disposition: attachment) instead of plain JSON. */
  download: z.boolean().optional(),
});

const Contact = { name: z.string(), phone: z.string().nullable(), email: z.string().nullable() };

export const SubjectExport = z.object({
  generatedAt: z.string(),
  mall: z.object({ slug: z.string(), name: z.string() }),
  subject: z.object({ nikMasked: z.string() }),
  bookings: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      service: z.string(),
      date: z.string(),
      session: z.string(),
      status: z.string(),
      ...Contact,
      createdAt: z.string(),
      checkedInAt: z.string().nullable(),
      cancelledAt: z.string().nullable(),
      noShowAt: z.string().nullable(),
      ticketId: z.number().nullable(),
    }),
  ),
  applications: z.array(
    z.object({
      id: z.number(),
      trackingCode: z.string(),
      service: z.string(),
      agency: z.string(),
      status: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      receivedAt: z.string(),
      dueDate: z.string(),
      feeAmount: z.number().nullable(),
      rejectReason: z.string().nullable(),
      ticketId: z.number().nullable(),
      history: z.array(
        z.object({
          status: z.string(),
          at: z.string(),
          note: z.string().nullable(),
          reason: z.string().nullable(),
        }),
      ),
      payments: z.array(
        z.object({
          kind: z.string(),
          amount: z.number(),
          method: z.string(),
          receiptNumber: z.string(),
          at: z.string(),
        }),
      ),
      documents: z.array(
        z.object({
          number: z.string(),
          verifyCode: z.string(),
          issuedAt: z.string(),
          revokedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** Queue tickets of those bookings and applications, and same-day online tickets taken with the NIK. */
  tickets: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      localDate: z.string(),
      service: z.string(),
      source: z.string(),
      status: z.string(),
      issuedAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
  /** "Tell me when my turn is near" requests on those tickets (addresses as still held). */
  notifications: z.array(
    z.object({
      ticketId: z.number(),
      channel: z.string(),
      address: z.string().nullable(),
      addressMasked: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Complaints about those tickets, or filed with the phone or e-mail of those files (`matchedBy`). */
  complaints: z.array(
    z.object({
      id: z.number(),
      trackingCode: z.string(),
      matchedBy: z.enum(['ticket', 'phone', 'email']),
      type: z.string(),
      status: z.string(),
      title: z.string(),
      body: z.string(),
      reporterName: z.string().nullable(),
      reporterPhone: z.string().nullable(),
      reporterEmail: z.string().nullable(),
      submittedAt: z.string(),
      closedAt: z.string().nullable(),
      steps: z.array(z.object({ kind: z.string(), at: z.string(), message: z.string().nullable() })),
      attachments: z.array(z.object({ name: z.string(), contentType: z.string(), sizeBytes: z.number() })),
    }),
  ),
  /** Messages sent to the citizen about those records. */
  messages: z.array(
    z.object({
      channel: z.string(),
      event: z.string(),
      addressMasked: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  /** What is deliberately not included, and why. */
  notes: z.array(z.string()),
});
