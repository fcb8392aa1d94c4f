import { z } from 'zod';
import { maskPersonalNumbers } from '../domain/mask-personal.js';
import { Id, LocalDate } from './catalog.js';

/**
 * Zod contracts for complaints (pengaduan, issue 13 §1–4), modelled on SP4N-LAPOR!: three report
 * types, four channels, anonymous/confidential options, a lifecycle with working-day deadlines.
 */

export const ComplaintType = z.enum(['complaint', 'aspiration', 'information_request']);
/** Where it came in: the public portal, a paired kiosk, a counter officer, an agency's hotline, Open311. */
export const ComplaintChannel = z.enum(['portal', 'kiosk', 'counter', 'hotline', 'open311']);
/**
 * submitted → (mall desk) dispatched → (agency) answered → closed (accepted, or 10 working days with
 * no reply). The desk may put it on hold or archive it with a reason; the agency may return it ("not
 * our authority") to the desk, which re-routes it; a reply or reopen by the reporter sends it back to
 * the agency.
 */
export const ComplaintStatus = z.enum([
  'submitted',
  'on_hold',
  'dispatched',
  'answered',
  'closed',
  'archived',
]);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
/** Which deadline runs now: dispatch (≤ 3 working days), agency follow-up (≤ 5), auto-close (10). */
export const ComplaintDueKind = z.enum(['dispatch', 'follow_up', 'auto_close']);

/** Citizen and staff free text: NIK- and phone-like numbers are masked as it is parsed (never stored). */
export const complaintText = (min: number, max: number) =>
  z.string().trim().min(min).max(max).overwrite(maskPersonalNumbers);

export const LIMITS = {
  title: 150,
  /** Open311's description is at most 4,000 characters; the body fits it. */
  body: 4000,
  message: 4000,
  reason: 500,
  attachments: 5,
  attachmentBytes: 2 * 1024 * 1024,
} as const;

export const ReporterInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  /** An Indonesian mobile number (08…, 628…, +628…); messages go by WhatsApp. */
  phone: z.string().trim().min(1).max(32).optional(),
  email: z.string().trim().max(254).optional(),
});

export const ComplaintInput = z.strictObject({
  type: ComplaintType,
  title: complaintText(3, LIMITS.title),
  body: complaintText(10, LIMITS.body),
  serviceId: Id.optional(),
  agencyId: Id.optional(),
  /** The ticket of the visit complained about: links service, counter and officer. */
  ticketTrackingCode: z.string().trim().min(4).max(64).optional(),
  /** Hidden from the agency and the public (the mall's complaint desk still sees it). */
  anonymous: z.boolean().optional(),
  /** The content is never public. */
  confidential: z.boolean().optional(),
  reporter: ReporterInput.optional(),
  /** Staff only: 'counter' or 'hotline' (intake on the citizen's behalf); else derived from the caller. */
  channel: z.enum(['counter', 'hotline']).optional(),
  locale: z.enum(['id', 'en']).optional(),
});

export const ComplaintCreated = z.object({
  id: z.number(),
  trackingCode: z.string(),
  status: ComplaintStatus,
  /** When the mall desk must have dispatched it. */
  dueAt: z.string().nullable(),
});

/** One step of a complaint's history, as the reader may see it. */
export const ComplaintStep = z.object({
  kind: z.string(),
  at: z.string(),
  /** 'reporter', 'mall', 'agency', 'system' — and, for staff readers, who exactly. */
  actor: z.string(),
  actorName: z.string().nullable().optional(),
  status: ComplaintStatus.nullable(),
  agencyName: z.string().nullable(),
  message: z.string().nullable(),
});

export const ComplaintAttachment = z.object({
  id: z.number(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});

const base = {
  id: z.number(),
  type: ComplaintType,
  title: z.string(),
  body: z.string(),
  status: ComplaintStatus,
  agencyId: z.number().nullable(),
  agencyName: z.string().nullable(),
  serviceId: z.number().nullable(),
  serviceName: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
};

/** What the reporter reads with the tracking code: no officer, no internal notes. */
export const ComplaintForReporter = z.object({
  ...base,
  trackingCode: z.string(),
  channel: ComplaintChannel,
  anonymous: z.boolean(),
  confidential: z.boolean(),
  counterName: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueKind: ComplaintDueKind.nullable(),
  /** The reporter may still reply (answered) or reopen (closed by acceptance or timeout). */
  canReply: z.boolean(),
  canAccept: z.boolean(),
  steps: z.array(ComplaintStep),
  attachments: z.array(ComplaintAttachment),
});

/** The public list: non-confidential items, no reporter, no officer, no personal numbers. */
export const PublicComplaint = z.object({
  ...base,
  answers: z.array(z.object({ at: z.string(), agencyName: z.string().nullable(), message: z.string() })),
});
export const PublicComplaintList = z.object({ items: z.array(PublicComplaint), total: z.number() });
export const PublicComplaintQuery = z.strictObject({
  status: ComplaintStatus.optional(),
  agencyId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** The reporter as staff see it: contacts masked; absent for agencies when anonymous. */
export const ComplaintReporter = z.object({
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
});

/** A complaint on the mall desk or the agency desk. */
export const ComplaintForStaff = z.object({
  ...base,
  trackingCode: z.string().nullable(),
  channel: ComplaintChannel,
  anonymous: z.boolean(),
  confidential: z.boolean(),
  ticketNumber: z.string().nullable(),
  counterId: z.number().nullable(),
  counterName: z.string().nullable(),
  officerId: z.number().nullable(),
  officerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueKind: ComplaintDueKind.nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** null for agencies when the report is anonymous. */
  reporter: ComplaintReporter.nullable(),
  steps: z.array(ComplaintStep),
  attachments: z.array(ComplaintAttachment),
});
export const ComplaintSummary = ComplaintForStaff.omit({ steps: true, attachments: true, body: true });
export const ComplaintDeskList = z.object({ items: z.array(ComplaintSummary), total: z.number() });
export const ComplaintDeskQuery = z.strictObject({
  status: ComplaintStatus.optional(),
  /** Only those past their dispatch or follow-up deadline. */
  overdue: z.enum(['true', 'false']).optional(),
  agencyId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Unmasked contacts, for the mall's complaint desk only; every read is audited. */
export const ComplaintReporterFull = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const DispatchInput = z.strictObject({
  agencyId: Id,
  /** For the agency (not shown to the reporter). */
  note: complaintText(0, LIMITS.reason).optional(),
});
export const ReasonInput = z.strictObject({ reason: complaintText(3, LIMITS.reason) });
export const RerouteInput = z.strictObject({ agencyId: Id, reason: complaintText(3, LIMITS.reason) });
export const AnswerInput = z.strictObject({ message: complaintText(3, LIMITS.message) });
export const ReplyInput = z.strictObject({ message: complaintText(1, LIMITS.message) });

/** Per-counter, per-service and per-agency counts for a period (patterns per counter). */
export const ComplaintStatsQuery = z.strictObject({
  from: LocalDate,
  to: LocalDate,
});
const Count = z.object({ id: z.number().nullable(), name: z.string().nullable(), count: z.number() });
export const ComplaintStats = z.object({
  total: z.number(),
  overdue: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byType: z.record(z.string(), z.number()),
  byAgency: z.array(Count),
  byService: z.array(Count),
  byCounter: z.array(Count),
});

/** Where the mall's overdue complaints are escalated besides the desk (mall admin's contacts). */
export const ComplaintSettings = z.object({
  escalationEmail: z.string().nullable(),
  escalationPhone: z.string().nullable(),
});
export const ComplaintSettingsInput = z.strictObject({
  escalationEmail: z.email().max(254).nullable().optional(),
  escalationPhone: z.string().trim().max(32).nullable().optional(),
});
