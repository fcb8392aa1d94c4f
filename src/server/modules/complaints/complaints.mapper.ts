import type { z } from 'zod';
import type {
  ComplaintAttachment,
  ComplaintForReporter,
  ComplaintForStaff,
  ComplaintStep,
  ComplaintSummary,
  PublicComplaint,
} from '../../../shared/contracts/complaints.js';
import type { ComplaintView, EventView } from './complaints.repo.js';

type Status = z.infer<typeof ComplaintForStaff>['status'];
type Row = NonNullable<ComplaintView>;
type Attachment = { id: number; name: string; content_type: string; size_bytes: number; uploaded_at: string };

/** Who the readers of a complaint may see behind each step. */
export type Reader = 'public' | 'reporter' | 'agency' | 'mall';

const base = (c: Row) => ({
  id: c.id,
  type: c.type as z.infer<typeof ComplaintForStaff>['type'],
  title: c.title,
  body: c.body,
  status: c.status as Status,
  agencyId: c.agency_id,
  agencyName: c.agency_name,
  serviceId: c.service_id,
  serviceName: c.service_name,
  submittedAt: c.submitted_at,
  updatedAt: c.updated_at,
});

/**
 * A step as `reader` sees it: staff-only notes are left out for the reporter; the reporter of an
 * anonymous complaint is "reporter" to everyone; who exactly acted shows to staff only.
 */
export function toStep(e: EventView, reader: Reader): z.infer<typeof ComplaintStep> | null {
  if (e.visibility === 'staff' && (reader === 'reporter' || reader === 'public')) return null;
  return {
    kind: e.kind,
    at: e.at,
    actor: e.actor_type,
    ...(reader === 'mall' || reader === 'agency'
      ? { actorName: e.actor_type === 'reporter' ? null : e.actor_name }
      : {}),
    status: e.status as Status | null,
    agencyName: e.agency_name,
    message: e.message,
  };
}

const steps = (events: EventView[], reader: Reader) =>
  events.map((e) => toStep(e, reader)).filter((s) => s !== null);

export const toAttachment = (a: Attachment): z.infer<typeof ComplaintAttachment> => ({
  id: a.id,
  name: a.name,
  contentType: a.content_type,
  sizeBytes: a.size_bytes,
  uploadedAt: a.uploaded_at,
});

const due = (c: Row) => ({
  dueAt: c.due_at,
  dueKind: c.due_kind as z.infer<typeof ComplaintForStaff>['dueKind'],
});

export function toReporterDto(
  c: Row,
  events: EventView[],
  attachments: Attachment[],
): z.infer<typeof ComplaintForReporter> {
  return {
    ...base(c),
    trackingCode: c.tracking_code,
    channel: c.channel as z.infer<typeof ComplaintForReporter>['channel'],
    anonymous: c.anonymous === 1,
    confidential: c.confidential === 1,
    counterName: c.counter_name,
    ...due(c),
    canReply: c.status !== 'archived',
    canAccept: c.status === 'answered',
    steps: steps(events, 'reporter'),
    attachments: attachments.map(toAttachment),
  };
}

export function isOverdue(c: { due_kind: string | null; due_at: string | null }, now: Date): boolean {
  return (
    (c.due_kind === 'dispatch' || c.due_kind === 'follow_up') &&
    c.due_at !== null &&
    c.due_at <= now.toISOString()
  );
}

/** The desk's row: the agency never sees an anonymous reporter; contacts are always masked here. */
export function toSummary(c: Row, reader: 'mall' | 'agency', now: Date): z.infer<typeof ComplaintSummary> {
  const { body: _body, ...rest } = base(c);
  const hidden = reader === 'agency' && c.anonymous === 1;
  return {
    ...rest,
    // The tracking code lets its holder act as the reporter: the agency does not get it.
    trackingCode: reader === 'mall' ? c.tracking_code : null,
    channel: c.channel as z.infer<typeof ComplaintForStaff>['channel'],
    anonymous: c.anonymous === 1,
    confidential: c.confidential === 1,
    ticketNumber: c.ticket_number,
    counterId: c.counter_id,
    counterName: c.counter_name,
    officerId: c.officer_id,
    officerName: c.officer_name,
    ...due(c),
    overdue: isOverdue(c, now),
    escalatedAt: c.escalated_at,
    dispatchedAt: c.dispatched_at,
    answeredAt: c.answered_at,
    closedAt: c.closed_at,
    reporter: hidden
      ? null
      : {
          name: c.reporter_name,
          phoneMasked: c.reporter_phone_masked,
          emailMasked: c.reporter_email_masked,
        },
  };
}

export function toStaffDto(
  c: Row,
  reader: 'mall' | 'agency',
  now: Date,
  events: EventView[],
  attachments: Attachment[],
): z.infer<typeof ComplaintForStaff> {
  return {
    ...toSummary(c, reader, now),
    body: c.body,
    steps: steps(events, reader),
    attachments: attachments.map(toAttachment),
  };
}

export function toPublicDto(
  c: Row,
  answers: { at: string; agency_name: string | null; message: string | null }[],
): z.infer<typeof PublicComplaint> {
  return {
    ...base(c),
    answers: answers.map((a) => ({ at: a.at, agencyName: a.agency_name, message: a.message ?? '' })),
  };
}
