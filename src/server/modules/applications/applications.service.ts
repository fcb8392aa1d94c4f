import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationInput,
  type ApplicationStatus,
  type AssignInput,
  type StatusInput,
} from '../../../shared/contracts/applications.js';
import type { StandardBody } from '../../../shared/contracts/catalog.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { maskNik, maskPhone } from '../../../shared/domain/mask-personal.js';
import { parseNik } from '../../../shared/domain/nik.js';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import { type Actor, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import { tellCitizen } from './applications.notify.js';
import * as repo from './applications.repo.js';
import { type CompletionUnit, computeDue, extendDue, pausedAmount, pauseUnit } from './deadline.js';
import { lookupHash, seal } from './personal-data.js';

type Input = z.infer<typeof ApplicationInput>;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newApplicationCode = () => `P${[...randomBytes(9)].map((b) => CODE_ALPHABET[b % 32]).join('')}`;

/** The amount the standard charges per application: the fee plus its components (null: decided case by case). */
export function standardFee(fee: StandardBody['fee']): number | null {
  if (fee.amount === null) return null;
  return fee.amount + (fee.components ?? []).reduce((s, c) => s + c.amount, 0);
}

const NIK_WORDS: Record<string, string> = {
  length: 'NIK harus 16 angka (a NIK has 16 digits)',
  digits: 'NIK hanya berisi angka (digits only)',
  province: 'Kode provinsi NIK tidak dikenal (unknown province code)',
  regency: 'Kode kabupaten/kota NIK tidak valid (invalid regency code)',
  district: 'Kode kecamatan NIK tidak valid (invalid district code)',
  birth_date: 'Tanggal lahir pada NIK tidak valid (invalid birth date)',
  serial: 'Nomor urut NIK tidak valid (invalid serial)',
};

/** The counter the file is taken at: asked, the ticket's, or the officer's own counter of the agency. */
async function intakeCounter(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  agencyId: number,
  asked: number | undefined,
  ticketCounter: number | null,
): Promise<number | null> {
  const wanted = asked ?? ticketCounter ?? undefined;
  if (wanted !== undefined) {
    const [c] = await repo.countersOf(ctx.database.db, mallId, [wanted]);
    if (!c) throw notFound('COUNTER_NOT_FOUND', 'Loket');
    return c.id;
  }
  const own = await repo.countersOf(ctx.database.db, mallId, actor.counterIds);
  return own.find((c) => c.agency_id === agencyId)?.id ?? own[0]?.id ?? null;
}

/**
 * Files an application at the counter: the checklist is the standard in force, every requirement
 * present or 422 REQUIREMENTS_MISSING (the refusal is audited with what was missing); the NIK and
 * phone are checked; the standard's version, fee and completion time are pinned; the deadline is
 * counted over the mall's calendar. One transaction with its history row, audit row and message.
 */
export async function intake(ctx: AppContext, actor: Actor, mall: MallRecord, input: Input) {
  const svc = await repo.serviceForIntake(ctx.database.db, mall.id, input.serviceId);
  if (!svc) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  if (svc.retired_at)
    throw new AppError('SERVICE_RETIRED', 'Layanan ini sudah tidak dilayani (service retired).');
  const ticket = input.ticketId
    ? await repo.ticketInMall(ctx.database.db, mall.id, input.ticketId)
    : undefined;
  if (input.ticketId && !ticket) throw notFound('TICKET_NOT_FOUND', 'Tiket');
  const counterId = await intakeCounter(
    ctx,
    actor,
    mall.id,
    svc.agency_id,
    input.counterId,
    ticket?.counter_id ?? null,
  );
  authorize(actor, 'application.intake', {
    mallId: mall.id,
    agencyId: svc.agency_id,
    ...(counterId !== null ? { counterId } : {}),
  });
  const standard = JSON.parse(svc.standard_body) as StandardBody;
  const now = ctx.now();
  const at = now.toISOString();

  const nik = parseNik(input.applicant.nik, now);
  if (!nik.ok) throw new AppError('INVALID_NIK', `${NIK_WORDS[nik.problem]}.`, { problem: nik.problem });
  const phone = normalizeIndonesianPhone(input.applicant.phone);
  if (!phone)
    throw new AppError(
      'INVALID_PHONE',
      'Nomor HP tidak valid; tulis nomor HP Indonesia, mis. 0812-3456-7890 (not an Indonesian mobile number).',
    );

  const present = new Set(input.checklist.filter((c) => c.present).map((c) => c.requirement.trim()));
  const missing = standard.requirements.filter((r) => !present.has(r));
  if (missing.length) {
    await inTransaction(ctx.database.db, (tx) =>
      appendAudit(tx, {
        mallId: mall.id,
        actorId: actor.id,
        action: 'application.refused',
        entity: 'service',
        entityId: svc.id,
        after: { missing, ticketId: input.ticketId ?? null, standardVersion: svc.standard_version },
        at,
      }),
    );
    throw new AppError(
      'REQUIREMENTS_MISSING',
      `Persyaratan belum lengkap (requirements missing): ${missing.join('; ')}`,
      { missing, ticketOutcome: 'incomplete_documents' },
    );
  }

  const cal = await workingCalendar(ctx, mall);
  const completion = standard.completionTime as { value: number; unit: CompletionUnit };
  const due = computeDue(now, completion, cal, mall.timezone);
  const checklist = standard.requirements.map((requirement) => ({ requirement, present: true }));
  const feeAmount = standardFee(standard.fee);
  const nikMasked = maskNik(nik.parts.nik);
  const phoneMasked = maskPhone(phone);
  const nikCipher = await seal(ctx, nik.parts.nik);
  const nikHash = await lookupHash(ctx, nik.parts.nik);
  const trackingCode = newApplicationCode();
  const locale = input.locale ?? 'id';

  return inTransaction(ctx.database.db, async (tx) => {
    const id = await repo.insertApplication(tx.db, {
      mall_id: mall.id,
      agency_id: svc.agency_id,
      service_id: svc.id,
      standard_id: svc.standard_id,
      standard_version: svc.standard_version,
      ticket_id: ticket?.id ?? null,
      counter_id: counterId,
      tracking_code: trackingCode,
      status: 'received',
      applicant_name: input.applicant.name,
      nik_cipher: nikCipher,
      nik_hash: nikHash,
      nik_masked: nikMasked,
      phone,
      phone_masked: phoneMasked,
      locale,
      checklist: JSON.stringify(checklist),
      fee_amount: feeAmount,
      fee_legal_basis: standard.fee.legalBasis,
      completion_value: completion.value,
      completion_unit: completion.unit,
      received_at: at,
      received_date: localMoment(now, mall.timezone).date,
      due_date: due.dueDate,
      due_at: due.dueAt,
      paused_at: null,
      assigned_to: null,
      intake_by: actor.id || null,
      reject_reason: null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertEvent(tx.db, {
      mall_id: mall.id,
      application_id: id,
      status: 'received',
      from_status: null,
      at,
      actor_id: actor.id || null,
      note: null,
      reason: null,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'application.intake',
      entity: 'application',
      entityId: id,
      after: {
        trackingCode,
        serviceId: svc.id,
        standardVersion: svc.standard_version,
        feeAmount,
        dueDate: due.dueDate,
        counterId,
        ticketId: ticket?.id ?? null,
      },
      at,
    });
    await tellCitizen(
      ctx,
      tx,
      {
        id,
        mallId: mall.id,
        mallSlug: mall.slug,
        trackingCode,
        service: svc.name,
        phone,
        phoneMasked,
        locale,
        dueDate: due.dueDate,
      },
      'received',
      null,
      '0',
    );
    return {
      id,
      trackingCode,
      dueDate: due.dueDate,
      dueAt: due.dueAt,
      status: 'received' as const,
      feeAmount,
    };
  });
}

/** The application in this mall, readable by the actor (else 404, so another agency learns nothing). */
export async function loadFor(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  action: 'application.read' | 'application.process' | 'payment.take' | 'payment.correct',
  db: Tx['db'] | AppContext['database']['db'] = ctx.database.db,
) {
  const a = await repo.findApplication(db, mall.id, id);
  const res = {
    mallId: mall.id,
    agencyId: a?.agency_id ?? -1,
    ...(a?.counter_id ? { counterId: a.counter_id } : {}),
  };
  if (!a || !can(actor, 'application.read', res)) throw notFound('APPLICATION_NOT_FOUND', 'Permohonan');
  authorize(actor, action, res);
  return a;
}

/**
 * One move along received → in_process → (needs_correction ↔ in_process) → approved | rejected →
 * ready → collected | delivered; anything else is 409 ILLEGAL_TRANSITION. Entering needs_correction
 * stops the clock (a pause row); leaving it moves the deadline by exactly the time it stood.
 */
export async function changeStatus(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  input: z.infer<typeof StatusInput>,
) {
  const cal = await workingCalendar(ctx, mall);
  return inTransaction(ctx.database.db, async (tx) => {
    const a = await loadFor(ctx, actor, mall, id, 'application.process', tx.db);
    const from = a.status as ApplicationStatus;
    const to = input.status;
    if (!APPLICATION_TRANSITIONS[from].includes(to))
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `Status ${from} tidak bisa menjadi ${to} (illegal transition).`,
        {
          from,
          to,
          allowed: APPLICATION_TRANSITIONS[from],
        },
      );
    if (to === 'rejected' && !input.reason)
      throw new AppError('REASON_REQUIRED', 'Penolakan wajib disertai alasan (a rejection needs a reason).');
    if (to === 'needs_correction' && !input.note && !input.reason)
      throw new AppError(
        'REASON_REQUIRED',
        'Sebutkan apa yang perlu diperbaiki (say what must be corrected).',
      );
    const now = ctx.now();
    const at = now.toISOString();
    const unit = a.completion_unit as CompletionUnit;
    let due = { dueDate: a.due_date, dueAt: a.due_at };
    let pausedFor: number | null = null;
    if (to === 'needs_correction') {
      await repo.insertPause(tx.db, {
        mall_id: mall.id,
        application_id: a.id,
        started_at: at,
        ended_at: null,
        unit: pauseUnit(unit),
        paused: null,
        due_before: a.due_date,
        due_after: null,
      });
    }
    if (from === 'needs_correction') {
      const pause = await repo.openPause(tx.db, a.id);
      const started = new Date(pause?.started_at ?? a.paused_at ?? at);
      pausedFor = pausedAmount(unit, started, now, cal, mall.timezone);
      due = extendDue(due, unit, pausedFor, cal, mall.timezone);
      if (pause)
        await repo.endPause(tx.db, pause.id, { ended_at: at, paused: pausedFor, due_after: due.dueDate });
    }
    const moved = await repo.moveStatus(tx.db, a.id, from, {
      status: to,
      updated_at: at,
      paused_at: to === 'needs_correction' ? at : null,
      due_date: due.dueDate,
      due_at: due.dueAt,
      ...(to === 'rejected' ? { reject_reason: input.reason ?? null } : {}),
    });
    if (!moved)
      throw new AppError(
        'CONFLICT',
        'Permohonan baru saja diubah orang lain; muat ulang (changed meanwhile).',
      );
    await repo.insertEvent(tx.db, {
      mall_id: mall.id,
      application_id: a.id,
      status: to,
      from_status: from,
      at,
      actor_id: actor.id || null,
      note: input.note ?? null,
      reason: input.reason ?? null,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'application.status',
      entity: 'application',
      entityId: a.id,
      before: { status: from, dueDate: a.due_date },
      after: {
        status: to,
        dueDate: due.dueDate,
        note: input.note ?? null,
        reason: input.reason ?? null,
        ...(pausedFor !== null ? { paused: pausedFor, pauseUnit: pauseUnit(unit) } : {}),
      },
      at,
    });
    await tellCitizen(
      ctx,
      tx,
      {
        id: a.id,
        mallId: mall.id,
        mallSlug: mall.slug,
        trackingCode: a.tracking_code,
        service: a.service_name,
        phone: a.phone,
        phoneMasked: a.phone_masked,
        locale: a.locale,
        dueDate: due.dueDate,
      },
      to,
      input.reason ?? input.note ?? null,
      at,
    );
    return a.id;
  });
}

/** Hands the file to a back-office member of the same agency (or takes it back: null). Audited. */
export async function assign(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  input: z.infer<typeof AssignInput>,
) {
  return inTransaction(ctx.database.db, async (tx) => {
    const a = await loadFor(ctx, actor, mall, id, 'application.process', tx.db);
    if (input.userId !== null) {
      const u = await repo.userInAgency(tx.db, mall.id, input.userId);
      const fits =
        u && (u.role === 'back_office' || u.role === 'agency_admin') && u.agency_id === a.agency_id;
      if (!fits)
        throw new AppError(
          'VALIDATION_FAILED',
          'Hanya petugas back office instansi ini yang bisa ditugaskan (only this agency’s back office).',
          { issues: [{ path: ['userId'], message: 'not a back-office member of the agency' }] },
        );
    }
    const at = ctx.now().toISOString();
    await repo.updateApplication(tx.db, a.id, { assigned_to: input.userId, updated_at: at });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'application.assign',
      entity: 'application',
      entityId: a.id,
      before: { assignedTo: a.assigned_to },
      after: { assignedTo: input.userId },
      at,
    });
    return a.id;
  });
}
