import { dueDateLocal } from '../../../shared/domain/complaint-deadlines.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor, DeviceActor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { resolvePublicUrl } from '../../public-url.js';
import type { MallRecord } from '../malls/malls.service.js';
import { enqueueMessage } from '../outbox/outbox.service.js';
import { renderMessage } from '../outbox/templates.service.js';
import { enqueueWebhookEvent } from '../webhooks/webhooks.sink.js';
import * as repo from './complaints.repo.js';

/** Who took a step, as the history records it. */
export interface StepActor {
  /** 'reporter' | 'mall' | 'agency' | 'integrator' | 'kiosk' | 'system' */
  type: string;
  id: number | null;
  name: string | null;
  /** The audit row's actor (a user id; null for citizens, devices, keys and the scheduler). */
  auditId: number | null;
}

export const SYSTEM: StepActor = { type: 'system', id: null, name: 'scheduler', auditId: null };
export const REPORTER: StepActor = { type: 'reporter', id: null, name: null, auditId: null };

/** The caller of an intake or reporter action. */
export interface Caller {
  actor: Actor | null;
  device: DeviceActor | null;
}

/** The step actor of a caller: staff by their side (the mall desk or an agency), a key, a kiosk. */
export function stepActorOf(c: Caller, fallback: StepActor = REPORTER): StepActor {
  const a = c.actor;
  if (a?.role === 'integrator')
    return { type: 'integrator', id: a.apiKeyId ?? null, name: a.username, auditId: null };
  if (a) return { type: a.agencyId === null ? 'mall' : 'agency', id: a.id, name: a.username, auditId: a.id };
  if (c.device)
    return { type: 'kiosk', id: c.device.deviceId, name: `device:${c.device.deviceId}`, auditId: null };
  return fallback;
}

export interface Step {
  kind: string;
  status: string | null;
  agencyId?: number | null;
  message?: string | null;
  /** 'reporter': the reporter (and, for answers, the public) may see it; 'staff': desks only. */
  visibility: 'reporter' | 'staff';
  /** Extra audit detail (never personal data: contacts are masked before they get here). */
  audit?: Record<string, unknown>;
}

/** One step of the history and its audit row, in the caller's transaction. */
export async function recordStep(
  tx: Tx,
  c: { id: number; mall_id: number; status: string },
  who: StepActor,
  step: Step,
  at: string,
): Promise<void> {
  await repo.insertEvent(tx.db, {
    mall_id: c.mall_id,
    complaint_id: c.id,
    kind: step.kind,
    actor_type: who.type,
    actor_id: who.id,
    actor_name: who.name,
    status: step.status,
    agency_id: step.agencyId ?? null,
    message: step.message ?? null,
    visibility: step.visibility,
    at,
  });
  await appendAudit(tx, {
    mallId: c.mall_id,
    actorId: who.auditId,
    action: `complaint.${step.kind}`,
    entity: 'complaint',
    entityId: c.id,
    before: { status: c.status },
    after: {
      status: step.status,
      ...(step.agencyId != null ? { agencyId: step.agencyId } : {}),
      by: who.type,
      ...(who.auditId === null && who.name ? { actor: who.name } : {}),
      ...step.audit,
    },
    at,
  });
}

export const complaintUrl = (ctx: AppContext, mall: { slug: string }, code: string) =>
  `${resolvePublicUrl(ctx.config)}/${mall.slug}/complaints/${encodeURIComponent(code)}`;

/**
 * Tells the reporter by WhatsApp and/or e-mail, when they left a number or an address, in their
 * language; queued in the step's transaction, once per complaint, event and channel.
 */
export async function tellReporter(
  ctx: AppContext,
  tx: Tx,
  mall: MallRecord,
  c: repo.ComplaintRow,
  event: 'complaint.received' | 'complaint.answered',
  vars: Record<string, string>,
  seq: string,
): Promise<void> {
  const targets = [
    { channel: 'whatsapp' as const, address: c.reporter_phone, masked: c.reporter_phone_masked },
    { channel: 'email' as const, address: c.reporter_email, masked: c.reporter_email_masked },
  ];
  for (const to of targets) {
    if (!to.address) continue;
    const { subject, text } = await renderMessage(ctx, tx.db, mall.id, event, c.locale, {
      trackingCode: c.tracking_code,
      title: c.title,
      mall: mall.name,
      complaintUrl: complaintUrl(ctx, mall, c.tracking_code),
      ...vars,
    });
    await enqueueMessage(ctx, tx, {
      mallId: mall.id,
      channel: to.channel,
      event,
      address: to.address,
      addressMasked: to.masked ?? '***',
      subject: { type: 'complaint', id: c.id },
      locale: c.locale,
      body: to.channel === 'email' ? { subject, text } : { text },
      idempotencyKey: `complaint:${c.id}:${event}:${seq}:${to.channel}`,
    });
  }
}

/** The integrators' view of a complaint in a webhook: no text, no reporter, no tracking code. */
export async function emitWebhook(
  ctx: AppContext,
  tx: Tx,
  c: repo.ComplaintRow,
  type: string,
  patch: Partial<repo.ComplaintRow>,
  key: string,
): Promise<void> {
  const now = { ...c, ...patch };
  await enqueueWebhookEvent(
    ctx,
    tx,
    c.mall_id,
    type,
    {
      complaintId: c.id,
      type: now.type,
      channel: now.channel,
      status: now.status,
      agencyId: now.agency_id,
      serviceId: now.service_id,
      counterId: now.counter_id,
      dueAt: now.due_at,
      dueKind: now.due_kind,
    },
    `complaint:${c.id}:${key}`,
  );
}

/** The due date as people read it (local date of the last day allowed). */
export const dueDate = (mall: MallRecord, dueAt: string | null) =>
  dueAt ? dueDateLocal(dueAt, mall.timezone) : '';
