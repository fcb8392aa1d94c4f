import type { z } from 'zod';
import {
  type Application,
  type ApplicationListQuery,
  type ApplicationStatus,
  OPEN_STATUSES,
  type Payment,
} from '../../../shared/contracts/applications.js';
import type { TimeUnit } from '../../../shared/contracts/catalog.js';
import type { RevealInput } from '../../../shared/contracts/privacy.js';
import { maskPersonalNumbers } from '../../../shared/domain/mask-personal.js';
import { parseNik } from '../../../shared/domain/nik.js';
import type { WorkingCalendar } from '../../../shared/domain/working-days.js';
import { appendAudit } from '../../audit/audit.js';
import { type Actor, scopeIn } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { resolvePublicUrl } from '../../public-url.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as payRepo from '../payments/payments.repo.js';
import { paymentDto } from '../payments/payments.service.js';
import { personalDataErased, readReason } from '../privacy/privacy.reason.js';
import * as repo from './applications.repo.js';
import { loadFor } from './applications.service.js';
import { type CompletionUnit, dueState } from './deadline.js';
import { lookupHash, open } from './personal-data.js';

export function toDto(a: repo.ApplicationRow, now: Date, cal: WorkingCalendar, tz: string): Application {
  const status = a.status as ApplicationStatus;
  return {
    id: a.id,
    trackingCode: a.tracking_code,
    status,
    serviceId: a.service_id,
    serviceName: a.service_name,
    agencyId: a.agency_id,
    agencyName: a.agency_name,
    standardVersion: a.standard_version,
    applicant: { name: a.applicant_name, nikMasked: a.nik_masked, phoneMasked: a.phone_masked },
    checklist: JSON.parse(a.checklist),
    feeAmount: a.fee_amount,
    feeLegalBasis: a.fee_legal_basis,
    completionTime: { value: a.completion_value, unit: a.completion_unit as z.infer<typeof TimeUnit> },
    receivedAt: a.received_at,
    dueDate: a.due_date,
    dueAt: a.due_at,
    due: dueState(
      {
        open: OPEN_STATUSES.includes(status),
        paused: status === 'needs_correction',
        dueDate: a.due_date,
        dueAt: a.due_at,
        receivedAt: a.received_at,
        unit: a.completion_unit as CompletionUnit,
      },
      now,
      cal,
      tz,
    ),
    pausedAt: a.paused_at,
    assignedTo: a.assigned_to ? { id: a.assigned_to, username: a.assigned_username ?? '' } : null,
    counterId: a.counter_id,
    ticketId: a.ticket_id,
    rejectReason: a.reject_reason,
    paid: Number(a.live_payments ?? 0) > 0,
    documentVerifyCode: a.verify_code ?? null,
    updatedAt: a.updated_at,
  };
}

/**
 * The desk: the agency's applications (its own agency for back office and agency admins, every agency
 * for the mall's admins and auditors, the applications taken at their counters for officers), soonest
 * deadline first, with counts of open, nearly-due and overdue files.
 */
export async function listApplications(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  q: z.infer<typeof ApplicationListQuery>,
) {
  const scope = scopeIn(actor, 'application.read', mall.id);
  const filter: repo.ListFilter = { mallId: mall.id, limit: 2000 };
  if (scope === 'agency') filter.agencyId = actor.agencyId ?? -1;
  else if (scope === 'counters') filter.counterIds = actor.counterIds;
  else if (q.agencyId) filter.agencyId = q.agencyId;
  if (q.status) filter.status = q.status;
  if (q.serviceId) filter.serviceId = q.serviceId;
  if (q.assignedTo !== undefined) filter.assignedTo = q.assignedTo === 'me' ? actor.id : q.assignedTo;
  if (q.q) {
    filter.trackingOrName = q.q;
    const digits = q.q.replace(/[\s.-]/g, '');
    if (parseNik(digits).ok) filter.nikHash = await lookupHash(ctx, digits);
  }
  const rows = await repo.listApplications(ctx.database.db, filter);
  const cal = await workingCalendar(ctx, mall);
  const now = ctx.now();
  const all = rows.map((r) => toDto(r, now, cal, mall.timezone));
  const counts = {
    open: all.filter((a) => a.due !== 'done').length,
    near: all.filter((a) => a.due === 'near').length,
    overdue: all.filter((a) => a.due === 'overdue').length,
  };
  const items = (q.due ? all.filter((a) => a.due === q.due) : all).slice(0, q.limit);
  return { items, counts };
}

export async function applicationDetail(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const a = await loadFor(ctx, actor, mall, id, 'application.read');
  const cal = await workingCalendar(ctx, mall);
  const [history, pauses, payments] = await Promise.all([
    repo.history(ctx.database.db, a.id),
    repo.pauses(ctx.database.db, a.id),
    payRepo.paymentsOf(ctx.database.db, a.id),
  ]);
  return {
    ...toDto(a, ctx.now(), cal, mall.timezone),
    history: history.map((h) => ({
      status: h.status as ApplicationStatus,
      from: (h.from_status as ApplicationStatus | null) ?? null,
      at: h.at,
      note: h.note,
      reason: h.reason,
      actor: h.username ?? null,
    })),
    pauses: pauses.map((p) => ({
      startedAt: p.started_at,
      endedAt: p.ended_at,
      unit: p.unit,
      paused: p.paused,
      dueBefore: p.due_before,
      dueAfter: p.due_after,
    })),
    payments: payments.map(paymentDto) as Payment[],
  };
}

/** The full NIK and phone, for staff who need them (e.g. to look the citizen up at Dukcapil); audited. */
export async function readIdentity(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  why: z.infer<typeof RevealInput>,
) {
  const a = await loadFor(ctx, actor, mall, id, 'application.process');
  if (a.anonymised_at !== null) throw personalDataErased();
  const nik = await open(ctx, a.nik_cipher);
  await inTransaction(ctx.database.db, (tx) =>
    appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'application.identity.read',
      entity: 'application',
      entityId: a.id,
      // Who, which record and why; never the NIK or phone, not even masked (the audit log is kept for ever).
      after: { trackingCode: a.tracking_code, ...readReason(why) },
      at: ctx.now().toISOString(),
    }),
  );
  return { nik, phone: a.phone };
}

/** Public tracking by the code on the citizen's receipt: no name, NIK, phone or staff. */
export async function track(ctx: AppContext, code: string) {
  const a = await repo.findByTracking(ctx.database.db, code.trim().toUpperCase());
  if (!a) throw notFound('APPLICATION_NOT_FOUND', 'Permohonan');
  const mall = await repo.mallOf(ctx.database.db, a.mall_id);
  const history = await repo.history(ctx.database.db, a.id);
  const status = a.status as ApplicationStatus;
  const checklist = JSON.parse(a.checklist) as { requirement: string }[];
  const correction = [...history].reverse().find((h) => h.status === 'needs_correction');
  const whatToBring =
    status === 'ready'
      ? ['Bukti permohonan / kode lacak', 'KTP-el asli']
      : status === 'needs_correction'
        ? correction?.note
          ? [maskPersonalNumbers(correction.note)]
          : checklist.map((c) => c.requirement)
        : [];
  return {
    trackingCode: a.tracking_code,
    status,
    history: history.map((h) => ({ status: h.status as ApplicationStatus, at: h.at })),
    dueDate: a.due_date,
    paused: status === 'needs_correction',
    service: a.service_name,
    agency: a.agency_name,
    mall: mall.name,
    whatToBring,
    feeAmount: a.fee_amount,
    paid: Number(a.live_payments ?? 0) > 0,
    document: a.verify_code
      ? { verifyCode: a.verify_code, url: `${resolvePublicUrl(ctx.config)}/verify/${a.verify_code}` }
      : null,
  };
}
