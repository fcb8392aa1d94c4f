import type { z } from 'zod';
import type { ComplaintInput } from '../../../shared/contracts/complaints.js';
import { complaintDueAt } from '../../../shared/domain/complaint-deadlines.js';
import { maskEmail, maskPhone } from '../../../shared/domain/mask-personal.js';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import { newTrackingCode } from '../queue/tickets.service.js';
import * as repo from './complaints.repo.js';
import {
  type Caller,
  dueDate,
  emitWebhook,
  recordStep,
  stepActorOf,
  tellReporter,
} from './complaints.steps.js';

type Input = z.infer<typeof ComplaintInput>;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The reporter's contacts: a +62 mobile number and an e-mail address, each with its masked form. */
function contacts(input: Input) {
  const r = input.reporter ?? {};
  let phone: string | null = null;
  if (r.phone) {
    phone = normalizeIndonesianPhone(r.phone);
    if (!phone)
      throw new AppError(
        'INVALID_PHONE',
        'Nomor HP tidak valid; tulis nomor HP Indonesia, mis. 0812-3456-7890 (not an Indonesian mobile number).',
      );
  }
  const email = r.email ? r.email.toLowerCase() : null;
  if (email && !EMAIL.test(email))
    throw new AppError('VALIDATION_FAILED', 'Alamat e-mail tidak valid (not a valid e-mail address).', {
      issues: [{ path: ['reporter', 'email'], message: 'e-mail address expected' }],
    });
  return {
    reporter_name: r.name ?? null,
    reporter_phone: phone,
    reporter_phone_masked: phone ? maskPhone(phone) : null,
    reporter_email: email,
    reporter_email_masked: email ? maskEmail(email) : null,
  };
}

/** Where it came in: a kiosk, staff intake (counter, hotline), an integrator (Open311) or the portal. */
function channelOf(caller: Caller, input: Input, forced?: 'open311'): string {
  if (forced) return forced;
  const staff = caller.actor && caller.actor.role !== 'integrator' ? caller.actor : null;
  if (input.channel) {
    if (!staff)
      throw new AppError(
        'FORBIDDEN',
        'Hanya petugas yang mencatat laporan dari loket atau hotline (staff intake only).',
      );
    return input.channel;
  }
  if (caller.device?.kind === 'kiosk') return 'kiosk';
  if (staff) return staff.agencyId !== null && staff.role !== 'officer' ? 'hotline' : 'counter';
  return 'portal';
}

/**
 * Files a complaint, an aspiration or an information request. A ticket's tracking code links the
 * visit (service, counter, officer); a service names its agency unless one is given. The dispatch
 * deadline (3 working days on the mall's calendar) starts now. The reporter is told the tracking code
 * through the outbox when they left a number or an address.
 */
export async function submitComplaint(
  ctx: AppContext,
  caller: Caller,
  mall: MallRecord,
  input: Input,
  opts: { channel?: 'open311'; mediaUrl?: string | null } = {},
) {
  const now = ctx.now();
  const at = now.toISOString();
  const channel = channelOf(caller, input, opts.channel);
  const who = stepActorOf(caller);
  const contact = contacts(input);
  const dueAt = complaintDueAt('dispatch', now, await workingCalendar(ctx, mall), mall.timezone);
  const db = ctx.database.db;
  const ticket = input.ticketTrackingCode
    ? await repo.ticketByCode(db, mall.id, input.ticketTrackingCode.toUpperCase())
    : null;
  if (input.ticketTrackingCode && !ticket) throw notFound('TICKET_NOT_FOUND', 'Tiket');
  const serviceId = input.serviceId ?? ticket?.service_id ?? null;
  const service = serviceId ? await repo.serviceOf(db, mall.id, serviceId) : null;
  if (serviceId && !service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  const agencyId = input.agencyId ?? service?.agency_id ?? null;
  if (agencyId && !(await repo.agencyOf(db, mall.id, agencyId)))
    throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  const row = {
    mall_id: mall.id,
    tracking_code: newTrackingCode(),
    type: input.type,
    channel,
    title: input.title,
    body: input.body,
    status: 'submitted',
    agency_id: agencyId,
    service_id: serviceId,
    ticket_id: ticket?.id ?? null,
    counter_id: ticket?.counter_id ?? null,
    officer_id: ticket?.officer_id ?? null,
    anonymous: input.anonymous ? 1 : 0,
    confidential: input.confidential ? 1 : 0,
    ...contact,
    locale: input.locale ?? 'id',
    media_url: opts.mediaUrl ?? null,
    due_at: dueAt,
    due_kind: 'dispatch',
    escalated_at: null,
    submitted_at: at,
    verified_at: null,
    dispatched_at: null,
    answered_at: null,
    closed_at: null,
    updated_at: at,
  };
  return inTransaction(db, async (tx) => {
    const id = await repo.insertComplaint(tx.db, row);
    const c = { ...row, id, anonymised_at: null };
    await recordStep(
      tx,
      { id, mall_id: mall.id, status: 'new' },
      who,
      {
        kind: 'submitted',
        status: 'submitted',
        visibility: 'reporter',
        audit: {
          type: input.type,
          channel,
          anonymous: row.anonymous === 1,
          confidential: row.confidential === 1,
          serviceId,
          agencyId,
          ticketId: row.ticket_id,
          phone: row.reporter_phone !== null,
          email: row.reporter_email !== null,
        },
      },
      at,
    );
    await tellReporter(ctx, tx, mall, c, 'complaint.received', { dueDate: dueDate(mall, dueAt) }, 'new');
    await emitWebhook(ctx, tx, c, 'complaint.submitted', {}, 'submitted');
    return { id, trackingCode: row.tracking_code, status: 'submitted' as const, dueAt };
  });
}
