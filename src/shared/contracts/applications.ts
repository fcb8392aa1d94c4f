import { z } from 'zod';
import { maskPersonalNumbers } from '../domain/mask-personal.js';
import { Id, LocalDate, TimeUnit } from './catalog.js';

/** Zod contracts of the back office (issue 12): applications, payments, receipts, documents. */

export const ApplicationStatus = z.enum([
  'received',
  'in_process',
  'needs_correction',
  'approved',
  'rejected',
  'ready',
  'collected',
  'delivered',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** The only moves the desk may make; anything else answers 409 ILLEGAL_TRANSITION. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['in_process', 'rejected'],
  in_process: ['needs_correction', 'approved', 'rejected'],
  needs_correction: ['in_process', 'rejected'],
  approved: ['ready'],
  rejected: [],
  ready: ['collected', 'delivered'],
  collected: [],
  delivered: [],
};
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['received', 'in_process', 'needs_correction'];

export const ChecklistItem = z.strictObject({
  requirement: z.string().trim().min(1).max(500),
  present: z.boolean(),
});

export const ApplicationInput = z.strictObject({
  serviceId: Id,
  ticketId: Id.optional(),
  /** The counter the file is taken at (default: the ticket's counter, or the officer's counter of the agency). */
  counterId: Id.optional(),
  applicant: z.strictObject({
    name: z.string().trim().min(2).max(200),
    nik: z.string().trim().min(1).max(32),
    phone: z.string().trim().min(1).max(32),
  }),
  checklist: z.array(ChecklistItem).max(100),
  /** The language the citizen is told in (status messages). */
  locale: z.enum(['id', 'en']).optional(),
});

export const ApplicationCreated = z.object({
  id: z.number(),
  trackingCode: z.string(),
  dueDate: LocalDate,
  dueAt: z.string(),
  status: ApplicationStatus,
  feeAmount: z.number().nullable(),
});

export const ApplicationEvent = z.object({
  status: ApplicationStatus,
  from: ApplicationStatus.nullable(),
  at: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.string().nullable(),
});

export const ApplicationPause = z.object({
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  unit: z.string(),
  /** Working days, calendar days or minutes the clock stood still (by `unit`); null while it stands. */
  paused: z.number().nullable(),
  dueBefore: z.string(),
  dueAfter: z.string().nullable(),
});

export const Due = z.enum(['ok', 'near', 'overdue', 'paused', 'done']);

/** An application as the desk sees it: NIK and phone masked (the full NIK only through the audited read). */
export const Application = z.object({
  id: z.number(),
  trackingCode: z.string(),
  status: ApplicationStatus,
  serviceId: z.number(),
  serviceName: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
  standardVersion: z.number(),
  applicant: z.object({ name: z.string(), nikMasked: z.string(), phoneMasked: z.string() }),
  checklist: z.array(ChecklistItem),
  feeAmount: z.number().nullable(),
  feeLegalBasis: z.string(),
  completionTime: z.object({ value: z.number(), unit: TimeUnit }),
  receivedAt: z.string(),
  dueDate: LocalDate,
  dueAt: z.string(),
  due: Due,
  pausedAt: z.string().nullable(),
  assignedTo: z.object({ id: z.number(), username: z.string() }).nullable(),
  counterId: z.number().nullable(),
  ticketId: z.number().nullable(),
  rejectReason: z.string().nullable(),
  paid: z.boolean(),
  documentVerifyCode: z.string().nullable(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationList = z.object({
  items: z.array(Application),
  counts: z.object({ open: z.number(), near: z.number(), overdue: z.number() }),
});

export const ApplicationListQuery = z.object({
  status: ApplicationStatus.optional(),
  due: z.enum(['near', 'overdue']).optional(),
  agencyId: Id.optional(),
  serviceId: Id.optional(),
  assignedTo: z.union([Id, z.literal('me')]).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const StatusInput = z.strictObject({
  status: ApplicationStatus,
  /** Staff free text goes to the history and the audit trail: NIK- and phone-like numbers are masked as parsed. */
  note: z.string().trim().max(1000).overwrite(maskPersonalNumbers).optional(),
  reason: z.string().trim().max(1000).overwrite(maskPersonalNumbers).optional(),
});

export const AssignInput = z.strictObject({ userId: Id.nullable() });

/** The full NIK, for an audited staff read. */
export const ApplicantIdentity = z.object({ nik: z.string(), phone: z.string().nullable() });

/** What anyone holding the tracking code sees: no name, no NIK, no phone, no staff. */
export const PublicTracking = z.object({
  trackingCode: z.string(),
  status: ApplicationStatus,
  history: z.array(z.object({ status: ApplicationStatus, at: z.string() })),
  dueDate: LocalDate,
  paused: z.boolean(),
  service: z.string(),
  agency: z.string(),
  mall: z.string(),
  whatToBring: z.array(z.string()),
  feeAmount: z.number().nullable(),
  paid: z.boolean(),
  document: z.object({ verifyCode: z.string(), url: z.string() }).nullable(),
});

// ── Payments ────────────────────────────────────────────────────────────────────────────────────

export const PaymentMethod = z.enum(['cash', 'qris', 'transfer']);
export const PaymentKind = z.enum(['payment', 'refund', 'void']);

/** The client never names an amount: a body with `amount` (or anything unknown) is refused with 400. */
export const PaymentInput = z.strictObject({
  method: PaymentMethod,
  reference: z.string().trim().min(1).max(100).optional(),
  counterId: Id.optional(),
});

export const PaymentCorrectionInput = z.strictObject({
  kind: z.enum(['refund', 'void']),
  reason: z.string().trim().min(3).max(1000).overwrite(maskPersonalNumbers),
});

export const Payment = z.object({
  id: z.number(),
  kind: PaymentKind,
  receiptNumber: z.string(),
  amount: z.number(),
  method: PaymentMethod,
  reference: z.string().nullable(),
  paidAt: z.string(),
  correctsReceipt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Payment = z.infer<typeof Payment>;

export const ApplicationDetail = Application.extend({
  history: z.array(ApplicationEvent),
  pauses: z.array(ApplicationPause),
  payments: z.array(Payment),
});

/** A receipt as printed: the fee's legal basis, the mall and agency; the applicant's name, NIK masked. */
export const Receipt = Payment.extend({
  mall: z.object({ name: z.string(), address: z.string() }),
  agency: z.string(),
  service: z.string(),
  standardVersion: z.number(),
  legalBasis: z.string(),
  applicantName: z.string(),
  nikMasked: z.string(),
  trackingCode: z.string(),
  counter: z.string().nullable(),
  cashier: z.string().nullable(),
});

export const PaymentReportQuery = z.object({ date: LocalDate });

export const PaymentReportRow = z.object({
  agencyId: z.number(),
  agency: z.string(),
  counterId: z.number().nullable(),
  counter: z.string().nullable(),
  payments: z.number(),
  refunds: z.number(),
  voids: z.number(),
  collected: z.number(),
  returned: z.number(),
  net: z.number(),
  byMethod: z.record(z.string(), z.number()),
});

export const PaymentReport = z.object({
  date: LocalDate,
  rows: z.array(PaymentReportRow),
  total: z.object({ collected: z.number(), returned: z.number(), net: z.number(), entries: z.number() }),
  entries: z.array(
    Payment.extend({ agency: z.string(), counter: z.string().nullable(), trackingCode: z.string() }),
  ),
});

// ── Documents ───────────────────────────────────────────────────────────────────────────────────

export const DocumentIssued = z.object({ verifyCode: z.string(), url: z.string(), number: z.string() });

export const DocumentCheck = z.object({
  verifyCode: z.string(),
  valid: z.boolean(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  sha256: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  mall: z.string(),
  agency: z.string(),
  service: z.string(),
  demo: z.boolean(),
});
export type DocumentCheck = z.infer<typeof DocumentCheck>;

export const DocumentVerifyResult = z.object({
  valid: z.boolean(),
  /** The issued document this file is exactly (same SHA-256), when there is one. */
  document: DocumentCheck.nullable(),
  sha256: z.string(),
});

export const RevokeInput = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
