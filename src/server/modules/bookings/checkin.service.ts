import { localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import { deviceCan } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { positionAndEta } from '../queue/positions.js';
import { toTicketDto } from '../queue/queue.mapper.js';
import * as queue from '../queue/queue.repo.js';
import { type Caller, issueInTx } from '../queue/tickets.service.js';
import * as services from '../services/services.repo.js';
import { checkInWindow, toPublicBooking } from './bookings.mapper.js';
import * as repo from './bookings.repo.js';

const hhmm = (d: Date, tz: string) => localMoment(d, tz).time;

/** A paired kiosk of the mall, or a member of staff the policy lets check bookings in. */
async function checkCaller(ctx: AppContext, mall: MallRecord, caller: Caller, serviceId: number) {
  if (caller.device) {
    if (!deviceCan(caller.device, 'booking.checkIn', { mallId: mall.id }))
      throw new AppError(
        'FORBIDDEN',
        'Perangkat ini tidak dapat melapor kedatangan (this device cannot check in).',
      );
    return;
  }
  if (!caller.actor)
    throw new AppError(
      'DEVICE_REQUIRED',
      'Lapor kedatangan di kios MPP atau di loket (check in at a paired kiosk or a counter).',
    );
  const service = await services.findService(ctx.database.db, mall.id, serviceId);
  authorize(caller.actor, 'booking.checkIn', { mallId: mall.id, agencyId: service?.agency_id ?? null });
}

async function ticketAnswer(ctx: AppContext, mall: MallRecord, ticketId: number) {
  const t = await queue.findTicket(ctx.database.db, mall.id, ticketId);
  if (!t) throw notFound('TICKET_NOT_FOUND', 'Tiket');
  const { position, eta } = await positionAndEta(ctx, t, ctx.now(), mall.timezone);
  return toTicketDto(t, position, eta);
}

/**
 * Check-in at a kiosk or a counter: inside the booking's window it joins today's live queue with a
 * ticket whose place in line is the session's start (queued_at), so it goes ahead of walk-ins who
 * arrived after its session began and behind those who came before (docs/bookings.md). Twice gives
 * the same ticket.
 */
export async function checkIn(ctx: AppContext, mall: MallRecord, caller: Caller, code: string) {
  const first = await repo.findByCode(ctx.database.db, mall.id, code);
  if (!first) throw notFound('BOOKING_NOT_FOUND', 'Pemesanan');
  await checkCaller(ctx, mall, caller, first.service_id);
  const already = async () => {
    const b = (await repo.findByCode(ctx.database.db, mall.id, code))!;
    return {
      booking: await toPublicBooking(mall, b),
      ticket: await ticketAnswer(ctx, mall, b.ticket_id!),
      alreadyCheckedIn: true,
    };
  };
  if (first.status === 'checked_in' && first.ticket_id) return already();
  if (first.status !== 'booked')
    throw new AppError(
      'BOOKING_NOT_ACTIVE',
      `Pemesanan ini berstatus ${first.status} (booking not active).`,
      {
        status: first.status,
      },
    );
  const now = ctx.now();
  const w = checkInWindow(mall, first);
  if (now < w.from || now > w.until) {
    const early = now < w.from;
    const when = early
      ? `mulai ${first.date === localMoment(now, mall.timezone).date ? '' : `${first.date} `}pukul ${hhmm(w.from, mall.timezone)}`
      : `sudah ditutup pukul ${hhmm(w.until, mall.timezone)} (${first.date})`;
    throw new AppError(
      'CHECK_IN_WINDOW',
      `Lapor kedatangan ${when} (check-in ${early ? 'opens' : 'closed'} at ${early ? w.from.toISOString() : w.until.toISOString()}).`,
      { from: w.from.toISOString(), until: w.until.toISOString(), tooEarly: early },
    );
  }
  const at = now.toISOString();
  try {
    await ctx.database.group.run(mall.id, async (tx) => {
      const view = await issueInTx(
        ctx,
        tx,
        mall,
        caller.actor,
        { serviceId: first.service_id, source: 'booking', priority: null },
        { booking: { id: first.id, code: first.code }, queuedAt: w.sessionStart.toISOString() },
      );
      const moved = await repo.transition(tx.db, first.id, ['booked'], {
        status: 'checked_in',
        ticket_id: view.id,
        checked_in_at: at,
        updated_at: at,
      });
      if (!moved) throw new AppError('CONFLICT', 'already checked in');
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: caller.actor?.id ?? null,
        action: 'booking.checkIn',
        entity: 'booking',
        entityId: first.id,
        after: { code: first.code, ticket: view.number, device: caller.device?.deviceId ?? null },
        at,
      });
      return view;
    });
  } catch (err) {
    // A second check-in of the same booking at the same moment (another kiosk, another node).
    if (err instanceof AppError && err.code === 'CONFLICT') return already();
    throw err;
  }
  return { ...(await already()), alreadyCheckedIn: false };
}

/**
 * Bookings nobody claimed become no-shows once their window has closed. Nothing is released
 * retroactively (the session is over). Conditional updates: any number of nodes may run it.
 */
export async function markNoShows(ctx: AppContext, mall: MallRecord): Promise<number> {
  const now = ctx.now();
  const today = localMoment(now, mall.timezone).date;
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const due = (
    await repo.openBookingsBefore(ctx.database.db, mall.id, localMoment(tomorrow, mall.timezone).date)
  ).filter((b) => b.date <= today && checkInWindow(mall, b).until < now);
  if (!due.length) return 0;
  const at = now.toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    let n = 0;
    for (const b of due)
      if (
        await repo.transition(tx.db, b.id, ['booked'], {
          status: 'no_show',
          active_key: null,
          no_show_at: at,
          updated_at: at,
        })
      )
        n++;
    if (n)
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'booking.noShow',
        entity: 'booking',
        entityId: due
          .map((b) => b.id)
          .join(',')
          .slice(0, 64),
        after: { count: n, codes: due.map((b) => b.code) },
        at,
      });
    return n;
  });
}
