import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { BookingInput, ClosureInput, RescheduleInput } from '../../../shared/contracts/bookings.js';
import type { RevealInput } from '../../../shared/contracts/privacy.js';
import { addCalendarDays, localMoment } from '../../../shared/domain/local-time.js';
import { maskNik, maskPhone } from '../../../shared/domain/mask-personal.js';
import { parseNik } from '../../../shared/domain/nik.js';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import { type Actor, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { personalDataErased, readReason } from '../privacy/privacy.reason.js';
import * as services from '../services/services.repo.js';
import { toPublicBooking, toStaffBooking } from './bookings.mapper.js';
import { queueBookingMessage } from './bookings.messages.js';
import * as repo from './bookings.repo.js';
import { decryptNik, encryptNik, nikHash } from './personal-data.js';
import { offeredSessions } from './sessions.service.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 8 characters without look-alikes (0/O, 1/I): easy to type at a kiosk, 40 bits. */
export const newBookingCode = () => [...randomBytes(8)].map((b) => CODE_ALPHABET[b % 32]).join('');

const activeKey = (serviceId: number, date: string, hash: string) => `${serviceId}:${date}:${hash}`;

/** A NIK as the rules of shared/domain check it, else 400 INVALID_NIK (the problem named). */
export function checkedNik(ctx: AppContext, input: string): string {
  const r = parseNik(input, ctx.now());
  if (!r.ok)
    throw new AppError('INVALID_NIK', `NIK tidak valid (${r.problem}) (invalid NIK: ${r.problem}).`, {
      problem: r.problem,
    });
  return r.parts.nik;
}

export function checkedPhone(input: string): string {
  const phone = normalizeIndonesianPhone(input);
  if (!phone)
    throw new AppError(
      'INVALID_PHONE',
      'Nomor HP tidak valid; gunakan nomor seluler Indonesia (not an Indonesian mobile number).',
    );
  return phone;
}

/** Repeated no-shows (mall setting: N in the last D days) block online booking for a while. */
async function checkNoShowBlock(ctx: AppContext, mall: MallRecord, hash: string) {
  const today = localMoment(ctx.now(), mall.timezone).date;
  const recent = await repo.noShowsSince(
    ctx.database.db,
    hash,
    addCalendarDays(today, -mall.booking_noshow_window_days),
  );
  if (recent.length < mall.booking_noshow_limit || mall.booking_noshow_limit === 0) return;
  const until = addCalendarDays(recent[0]!.date, mall.booking_noshow_block_days);
  if (today <= until)
    throw new AppError(
      'BOOKING_BLOCKED',
      `Pemesanan daring diblokir sampai ${until} karena ${recent.length} kali tidak hadir (online booking blocked after repeated no-shows).`,
      { until },
    );
}

/** Takes a place in a session on a date (conditional update), or 409 SESSION_FULL. */
async function takePlace(tx: Tx, sessionId: number, date: string) {
  if (!(await repo.takePlace(tx.db, sessionId, date)))
    throw new AppError('SESSION_FULL', 'Sesi ini sudah penuh; pilih sesi atau hari lain (session full).');
}

async function requireOffered(
  ctx: AppContext,
  tx: Tx,
  mall: MallRecord,
  serviceId: number,
  date: string,
  sessionId: number,
) {
  const service = await services.findService(tx.db, mall.id, serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  const { closed, sessions } = await offeredSessions(ctx, tx.db, mall, service, date);
  if (!sessions.some((s) => s.id === sessionId))
    throw new AppError(
      'SESSION_NOT_AVAILABLE',
      `Sesi ini tidak dapat dipesan pada ${date}${closed ? ` (${closed.reason})` : ''} (session not offered on that date).`,
      { reason: closed?.reason ?? 'session' },
    );
  return service;
}

export async function createBooking(ctx: AppContext, mall: MallRecord, input: z.infer<typeof BookingInput>) {
  const nik = checkedNik(ctx, input.nik);
  const phone = checkedPhone(input.phone);
  const hash = await nikHash(ctx, nik);
  const cipher = await encryptNik(ctx, nik);
  await checkNoShowBlock(ctx, mall, hash);
  const at = ctx.now().toISOString();
  try {
    const id = await inTransaction(ctx.database.db, async (tx) => {
      await requireOffered(ctx, tx, mall, input.serviceId, input.date, input.sessionId);
      if (await repo.findActive(tx.db, activeKey(input.serviceId, input.date, hash))) throw alreadyBooked();
      if ((await repo.activeOfNikOn(tx.db, hash, input.date)) >= mall.booking_max_per_nik_per_day)
        throw new AppError(
          'BOOKING_LIMIT',
          `Satu NIK paling banyak ${mall.booking_max_per_nik_per_day} pemesanan per hari (daily limit per NIK).`,
        );
      await takePlace(tx, input.sessionId, input.date);
      const id = await repo.insertBooking(tx.db, {
        mall_id: mall.id,
        service_id: input.serviceId,
        session_id: input.sessionId,
        date: input.date,
        code: newBookingCode(),
        status: 'booked',
        nik_hash: hash,
        nik_cipher: cipher,
        nik_masked: maskNik(nik),
        name: input.name,
        phone,
        phone_masked: maskPhone(phone),
        email: input.email ?? null,
        locale: input.locale ?? 'id',
        active_key: activeKey(input.serviceId, input.date, hash),
        created_at: at,
        updated_at: at,
      });
      const b = (await repo.findById(tx.db, id))!;
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'booking.create',
        entity: 'booking',
        entityId: id,
        after: {
          code: b.code,
          serviceId: b.service_id,
          date: b.date,
          sessionId: b.session_id,
        },
        at,
      });
      await queueBookingMessage(ctx, tx, mall, b, 'booking.confirmed', 'confirmed');
      return id;
    });
    return toPublicBooking(mall, (await repo.findById(ctx.database.db, id))!);
  } catch (err) {
    // Two requests of one NIK at once: the unique active key lets only one commit.
    if (repo.isUniqueViolation(err)) throw alreadyBooked();
    throw err;
  }
}

const alreadyBooked = () =>
  new AppError(
    'ALREADY_BOOKED',
    'NIK ini sudah memesan layanan yang sama pada hari itu (one booking per NIK, service and day).',
  );

async function findOrThrow(db: Tx['db'] | AppContext['database']['db'], mall: MallRecord, code: string) {
  const b = await repo.findByCode(db, mall.id, code);
  if (!b) throw notFound('BOOKING_NOT_FOUND', 'Pemesanan');
  return b;
}

export async function getBooking(ctx: AppContext, mall: MallRecord, code: string) {
  return toPublicBooking(mall, await findOrThrow(ctx.database.db, mall, code));
}

/** The citizen proves the booking is theirs with the last four digits of the phone they gave. */
function checkProof(b: repo.BookingView, last4: string) {
  if (!b.phone.endsWith(last4))
    throw new AppError(
      'PHONE_MISMATCH',
      'Empat angka terakhir nomor HP tidak cocok (phone digits do not match).',
    );
  if (b.status !== 'booked')
    throw new AppError(
      'BOOKING_NOT_ACTIVE',
      `Pemesanan ini sudah ${b.status} (booking no longer changeable).`,
      {
        status: b.status,
      },
    );
}

export async function rescheduleBooking(
  ctx: AppContext,
  mall: MallRecord,
  code: string,
  input: z.infer<typeof RescheduleInput>,
) {
  const at = ctx.now().toISOString();
  try {
    await inTransaction(ctx.database.db, async (tx) => {
      const b = await findOrThrow(tx.db, mall, code);
      checkProof(b, input.phoneLast4);
      if (b.date === input.date && b.session_id === input.sessionId) return;
      await requireOffered(ctx, tx, mall, b.service_id, input.date, input.sessionId);
      await takePlace(tx, input.sessionId, input.date);
      await repo.releasePlace(tx.db, b.session_id, b.date);
      const moved = await repo.transition(tx.db, b.id, ['booked'], {
        date: input.date,
        session_id: input.sessionId,
        active_key: activeKey(b.service_id, input.date, b.nik_hash),
        flag: null,
        reminded_day_before_at: null,
        reminded_two_hours_at: null,
        updated_at: at,
      });
      if (!moved)
        throw new AppError('BOOKING_NOT_ACTIVE', 'Pemesanan ini sudah berubah (booking changed meanwhile).');
      const after = (await repo.findById(tx.db, b.id))!;
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'booking.reschedule',
        entity: 'booking',
        entityId: b.id,
        before: { date: b.date, sessionId: b.session_id },
        after: { date: input.date, sessionId: input.sessionId },
        at,
      });
      await queueBookingMessage(ctx, tx, mall, after, 'booking.confirmed', `moved:${at}`);
    });
  } catch (err) {
    if (repo.isUniqueViolation(err)) throw alreadyBooked();
    throw err;
  }
  return getBooking(ctx, mall, code);
}

export async function cancelBooking(ctx: AppContext, mall: MallRecord, code: string, last4: string) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const b = await findOrThrow(tx.db, mall, code);
    checkProof(b, last4);
    if (
      !(await repo.transition(tx.db, b.id, ['booked'], {
        status: 'cancelled',
        active_key: null,
        cancelled_at: at,
        updated_at: at,
      }))
    )
      throw new AppError('BOOKING_NOT_ACTIVE', 'Pemesanan ini sudah berubah (booking changed meanwhile).');
    await repo.releasePlace(tx.db, b.session_id, b.date);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: null,
      action: 'booking.cancel',
      entity: 'booking',
      entityId: b.id,
      before: { status: b.status },
      after: { status: 'cancelled' },
      at,
    });
    await queueBookingMessage(ctx, tx, mall, b, 'booking.cancelled', 'cancelled');
  });
  return getBooking(ctx, mall, code);
}

/** Staff: a day's bookings (masked), optionally of one service; counts per status. */
export async function listBookings(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  date: string,
  serviceId?: number,
) {
  const rows = await repo.bookingsOfDay(ctx.database.db, mall.id, date, serviceId);
  const agencyOf = new Map<number, number>();
  const visible: typeof rows = [];
  for (const r of rows) {
    if (!agencyOf.has(r.service_id))
      agencyOf.set(
        r.service_id,
        (await services.findService(ctx.database.db, mall.id, r.service_id))?.agency_id ?? -1,
      );
    if (can(actor, 'booking.read', { mallId: mall.id, agencyId: agencyOf.get(r.service_id) }))
      visible.push(r);
  }
  const items = visible.map(toStaffBooking);
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.status] = (counts[i.status] ?? 0) + 1;
  return { date, items, counts };
}

/** CSV of a day's bookings (masked NIK and phone, as everywhere outside audited reads). */
export function bookingsCsv(list: Awaited<ReturnType<typeof listBookings>>): string {
  const head = [
    'code',
    'status',
    'date',
    'session',
    'service',
    'name',
    'nik',
    'phone',
    'checked_in_at',
    'ticket',
    'flag',
  ];
  const cell = (v: string | null) => {
    const s = v ?? '';
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = list.items.map((b) =>
    [
      b.code,
      b.status,
      b.date,
      `${b.session.start}-${b.session.end}`,
      b.serviceName,
      b.name,
      b.nikMasked,
      b.phoneMasked,
      b.checkedInAt,
      b.ticketNumber,
      b.flag,
    ]
      .map(cell)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}

/** Staff: the full NIK of one booking; allowed by the policy, always audited. */
export async function readNik(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  code: string,
  why: z.infer<typeof RevealInput>,
) {
  const b = await findOrThrow(ctx.database.db, mall, code);
  const service = await services.findService(ctx.database.db, mall.id, b.service_id);
  authorize(actor, 'booking.readNik', { mallId: mall.id, agencyId: service?.agency_id ?? null });
  if (b.anonymised_at !== null) throw personalDataErased();
  const nik = await decryptNik(ctx, b.nik_cipher);
  // Who, which record and why; never the NIK itself, not even masked (the audit log is kept for ever).
  await inTransaction(ctx.database.db, (tx) =>
    appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'booking.readNik',
      entity: 'booking',
      entityId: b.id,
      after: { code: b.code, ...readReason(why) },
      at: ctx.now().toISOString(),
    }),
  );
  return { code: b.code, nik };
}

/**
 * The mall closes a service's day, or one session of it: later bookings are refused, and every
 * citizen already booked is told through the outbox (same transaction) and their place released.
 */
export async function closeBookings(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof ClosureInput>,
) {
  const service = await services.findService(ctx.database.db, mall.id, input.serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  authorize(actor, 'booking.manage', { mallId: mall.id, agencyId: service.agency_id });
  if (input.sessionId !== undefined) {
    const s = await repo.findSession(ctx.database.db, mall.id, input.sessionId);
    if (!s || s.service_id !== service.id) throw notFound('NOT_FOUND', 'Sesi');
  }
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    await repo.insertClosure(tx.db, {
      mallId: mall.id,
      serviceId: service.id,
      date: input.date,
      sessionId: input.sessionId ?? null,
      reason: input.reason,
      by: actor.id,
      at,
    });
    let closed = 0;
    let notified = 0;
    for (const b of await repo.activeBookingsFor(tx.db, service.id, input.date, input.sessionId)) {
      if (
        !(await repo.transition(tx.db, b.id, ['booked'], {
          status: 'closed',
          active_key: null,
          cancel_reason: input.reason,
          cancelled_at: at,
          updated_at: at,
        }))
      )
        continue;
      await repo.releasePlace(tx.db, b.session_id, b.date);
      closed++;
      notified += await queueBookingMessage(ctx, tx, mall, b, 'booking.closed', 'closed', {
        reason: input.reason,
      });
    }
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'booking.close',
      entity: 'service',
      entityId: service.id,
      after: { ...input, bookingsClosed: closed },
      at,
    });
    return { closed, notified };
  });
}
