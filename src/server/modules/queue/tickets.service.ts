import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { IssueTicketInput, StartVisitInput, TicketSource } from '../../../shared/contracts/queue.js';
import { addCalendarDays, localDayStart, localMoment, toMinutes } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import { type Actor, type DeviceActor, deviceCan } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import { openState } from '../calendar/calendar.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import { assertLive } from '../opening/agreements.service.js';
import * as services from '../services/services.repo.js';
import { endEarlierDaysInTx } from './day-end.service.js';
import { positionAndEta } from './positions.js';
import { publishQueueChanged } from './queue.events.js';
import { toTicketDto } from './queue.mapper.js';
import * as repo from './queue.repo.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 10 characters from a 32-letter alphabet without look-alikes (0/O, 1/I): 50 bits, unguessable. */
export function newTrackingCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b % 32]).join('');
}

/** The UTC instants [start, end) of a local day. */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: localDayStart(date, timeZone).toISOString(),
    to: localDayStart(addCalendarDays(date, 1), timeZone).toISOString(),
  };
}

interface IssueOptions {
  visitId?: number | null;
  queuedAt?: string;
  /** Journey steps after the first are queued by the system even after the issuing cut-off. */
  skipCutoff?: boolean;
  /**
   * A journey's next step keeps the citizen's own priority exactly as it was verified at the first
   * step (self-declared stays self-declared; verified stays under the officer who verified it).
   */
  carriedPriority?: { grantedBy: number | null };
  /**
   * A booked citizen checking in (issue 11): the booking's own window replaces opening hours, the
   * cut-off and the walk-in daily quota (online capacity is separate); `data` goes into the issued
   * event so statistics know the ticket came from a booking.
   */
  booking?: { id: number; code: string };
}

/** What issueInTx takes: the public input, or a booked check-in's source. */
type IssueInput = Omit<z.infer<typeof IssueTicketInput>, 'source' | 'nik' | 'phone'> & {
  source: z.infer<typeof TicketSource>;
};

/**
 * Issues a ticket in the caller's transaction: checks the service, opening hours, cut-off and quota,
 * takes the next daily number of the queue group, and writes the ticket with its 'issued' event.
 */
export async function issueInTx(
  ctx: AppContext,
  tx: Tx,
  mall: MallRecord,
  actor: Actor | null,
  input: IssueInput,
  opts: IssueOptions = {},
) {
  const now = ctx.now();
  const at = now.toISOString();
  const service = await services.findService(tx.db, mall.id, input.serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  if (service.retired_at)
    throw new AppError('SERVICE_RETIRED', 'Layanan ini sudah tidak tersedia (service retired).');
  if (mall.status === 'preparing')
    throw new AppError('MALL_NOT_OPEN', 'Mal ini belum dibuka (this mall is still in preparation).');
  assertLive({
    agreement_status: service.agency_agreement_status,
    agreement_override: service.agreement_override,
  });
  if (!service.served_at_mall) {
    throw new AppError(
      'SERVICE_NOT_SERVED',
      service.not_served_note ?? 'Layanan ini tidak dilayani di MPP (not served at this mall).',
    );
  }
  if (!opts.booking) {
    const open = await openState(tx.db, mall, now);
    if (!open.open) throw new AppError(open.code, open.message);
  }
  const local = localMoment(now, mall.timezone);
  if (
    !opts.skipCutoff &&
    !opts.booking &&
    service.issue_cutoff &&
    local.minuteOfDay >= toMinutes(service.issue_cutoff)
  ) {
    throw new AppError(
      'AFTER_CUTOFF',
      `Pengambilan nomor antrean ditutup pukul ${service.issue_cutoff} (issuing closed).`,
    );
  }
  // Reads above run unlocked; the mall's queue lock comes before any row lock (one lock order), and
  // the sequence upsert then locks the queue group's row, so the quota count below is serialised too.
  await lockMallQueue(tx, mall.id);
  await endEarlierDaysInTx(ctx, tx, mall, local.date);
  const seq = await repo.nextSequence(tx.db, mall.id, service.queue_prefix, local.date);
  if (
    !opts.booking &&
    service.daily_quota !== null &&
    (await repo.countIssued(tx.db, mall.id, service.id, dayBounds(local.date, mall.timezone))) >=
      service.daily_quota
  ) {
    throw new AppError(
      'QUOTA_EXHAUSTED',
      `Kuota harian layanan ini (${service.daily_quota}) sudah habis (daily quota exhausted).`,
    );
  }
  const number = `${service.queue_prefix}-${String(seq).padStart(3, '0')}`;
  const priority = input.priority ?? null;
  const grantedBy = !priority
    ? null
    : opts.carriedPriority
      ? opts.carriedPriority.grantedBy
      : actor
        ? actor.id
        : null;
  const row = {
    mall_id: mall.id,
    service_id: service.id,
    visit_id: opts.visitId ?? null,
    number,
    local_date: local.date,
    status: 'waiting',
    priority,
    priority_granted_by: grantedBy,
    source: input.source,
    tracking_code: newTrackingCode(),
    counter_id: null,
    officer_id: null,
    target_counter_id: null,
    return_counter_id: null,
    issued_at: at,
    queued_at: opts.queuedAt ?? at,
    called_at: null,
    started_at: null,
    finished_at: null,
    outcome: null,
  };
  const id = await repo.insertTicket(tx.db, row);
  await repo.insertTicketEvent(tx.db, {
    mallId: mall.id,
    ticketId: id,
    serviceId: service.id,
    type: 'issued',
    at,
    officerId: actor?.id ?? null,
    data: {
      source: input.source,
      priority,
      grantedBy,
      verification: priority ? (grantedBy ? 'staff' : 'self_declared') : null,
      ...(opts.carriedPriority && priority ? { carriedFromVisit: true } : {}),
      ...(opts.booking ? { bookingId: opts.booking.id, bookingCode: opts.booking.code } : {}),
    },
  });
  if (priority && !opts.carriedPriority) {
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor?.id ?? null,
      action: 'ticket.priority',
      entity: 'ticket',
      entityId: id,
      after: { number, priority, verification: grantedBy ? 'staff' : 'self_declared', source: input.source },
      at,
    });
  }
  // The view a re-read would give: the new ticket is at no counter yet.
  const view: repo.TicketView = {
    ...row,
    id,
    service_name: service.name,
    queue_prefix: service.queue_prefix,
    counter_number: null,
    counter_name: null,
    counter_zone_id: null,
  };
  await publishQueueChanged(ctx, tx, view, at);
  return view;
}

/** Who asks for a ticket: a signed-in staff member, a paired device, or nobody (a citizen's phone). */
export interface Caller {
  actor: Actor | null;
  device: DeviceActor | null;
}

/**
 * Each source has its own gate (decided by the policy): kiosk tickets come only from a paired kiosk
 * of this mall, counter tickets only from its staff, and online queueing waits for identity-checked
 * booking, so an anonymous script can no longer fill the line.
 */
function checkSource(caller: Caller, mall: MallRecord, source: string) {
  const r = { mallId: mall.id };
  if (source === 'kiosk' && !deviceCan(caller.device, 'ticket.issueKiosk', r)) {
    throw new AppError(
      'DEVICE_REQUIRED',
      'Tiket kios hanya dari kios yang terdaftar (kiosk tickets need a paired kiosk of this mall).',
    );
  }
  if (source === 'counter') {
    if (!caller.actor)
      throw new AppError(
        'UNAUTHENTICATED',
        'Tiket dari loket hanya oleh petugas (counter tickets need a staff login).',
      );
    authorize(caller.actor, 'ticket.issue', { ...r, source });
  }
  if (source === 'online') {
    throw new AppError(
      'ONLINE_QUEUE_UNAVAILABLE',
      'Antrean daring belum tersedia; ambil nomor di kios (online queueing is not available yet).',
    );
  }
}

export async function issueTicket(
  ctx: AppContext,
  mall: MallRecord,
  caller: Caller,
  input: z.infer<typeof IssueTicketInput>,
) {
  checkSource(caller, mall, input.source);
  const actor = caller.actor;
  const view = await ctx.database.group.run(mall.id, (tx) => issueInTx(ctx, tx, mall, actor, input));
  const { position, eta } = await positionAndEta(ctx, view, ctx.now(), mall.timezone);
  return toTicketDto(view, position, eta);
}

/** A journey: one visit needing several services in order; the first ticket is issued now. */
export async function startVisit(
  ctx: AppContext,
  mall: MallRecord,
  caller: Caller,
  input: z.infer<typeof StartVisitInput>,
) {
  checkSource(caller, mall, input.source);
  const actor = caller.actor;
  const at = ctx.now().toISOString();
  const view = await ctx.database.group.run(mall.id, async (tx) => {
    for (const serviceId of input.serviceIds) {
      const s = await services.findService(tx.db, mall.id, serviceId);
      if (!s) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
      if (!s.served_at_mall || s.retired_at)
        throw new AppError(
          'SERVICE_NOT_SERVED',
          `Layanan "${s.name}" tidak dilayani di MPP (not served here).`,
        );
    }
    const visitId = await repo.insertVisit(tx.db, mall.id, input.serviceIds, at);
    return issueInTx(
      ctx,
      tx,
      mall,
      actor,
      { serviceId: input.serviceIds[0]!, source: input.source, priority: input.priority },
      { visitId },
    );
  });
  const { position, eta } = await positionAndEta(ctx, view, ctx.now(), mall.timezone);
  return { visitId: view.visit_id!, steps: input.serviceIds, ticket: toTicketDto(view, position, eta) };
}
