import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  BookingSettings,
  BookingSettingsPatch,
  ClosedReason,
  Slots,
} from '../../../shared/contracts/bookings.js';
import {
  addCalendarDays,
  isoWeekday,
  localDayStart,
  localMoment,
  toMinutes,
} from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { getOpeningHours, mallDays } from '../calendar/calendar.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import type { ServiceRow } from '../services/services.repo.js';
import * as services from '../services/services.repo.js';
import * as repo from './bookings.repo.js';

type Settings = z.infer<typeof BookingSettings>;
type Reason = z.infer<typeof ClosedReason>;
type SessionRow = Awaited<ReturnType<typeof repo.activeSessions>>[number];

/** The instant a local 'HH:MM' of a local date happens in the mall's zone ('24:00' = next midnight). */
export function localInstant(date: string, hhmm: string, timeZone: string): Date {
  return new Date(localDayStart(date, timeZone).getTime() + toMinutes(hhmm) * 60_000);
}

export async function bookingSettings(db: Kysely<DB>, service: ServiceRow): Promise<Settings> {
  const rows = await repo.activeSessions(db, service.id);
  return {
    sessions: rows.map((r) => ({ id: r.id, start: r.start_time, end: r.end_time, capacity: r.capacity })),
    daysAhead: service.booking_days_ahead,
  };
}

/**
 * Sessions must not overlap, and (unless the mall opens every day, like the demo) each must lie
 * inside the opening hours of at least one weekday; a date then offers only the sessions inside
 * that day's hours.
 */
async function checkSessions(tx: Tx, mall: MallRecord, sessions: { start: string; end: string }[]) {
  const sorted = [...sessions].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    if (toMinutes(sorted[i]!.start) < toMinutes(sorted[i - 1]!.end))
      throw new AppError(
        'VALIDATION_FAILED',
        `Sesi ${sorted[i - 1]!.start}–${sorted[i - 1]!.end} dan ${sorted[i]!.start}–${sorted[i]!.end} bertumpang tindih (sessions overlap).`,
      );
  }
  if (mall.always_open === 1) return;
  const hours = await getOpeningHours(tx.db, mall.id);
  for (const s of sessions) {
    const fits = hours.some(
      (d) => toMinutes(s.start) >= toMinutes(d.opens) && toMinutes(s.end) <= toMinutes(d.closes),
    );
    if (!fits)
      throw new AppError(
        'VALIDATION_FAILED',
        `Sesi ${s.start}–${s.end} di luar jam layanan mal (session outside opening hours).`,
      );
  }
}

/**
 * Applies `{booking: {sessions?, daysAhead?}}` of a service PATCH in its transaction: only the named
 * parts change. A sent session with the start and end of an existing one keeps its id (and its
 * bookings) and takes the new capacity; existing sessions not sent are retired (bookings already
 * made stay valid); new ones are added.
 */
export async function saveBookingSettings(
  tx: Tx,
  mall: MallRecord,
  service: ServiceRow,
  patch: z.infer<typeof BookingSettingsPatch>,
  at: string,
): Promise<{ before: Settings; after: Settings }> {
  const before = await bookingSettings(tx.db, service);
  if (patch.sessions) {
    await checkSessions(tx, mall, patch.sessions);
    const existing = await repo.activeSessions(tx.db, service.id);
    const key = (s: { start: string; end: string }) => `${s.start}-${s.end}`;
    const sent = new Map(patch.sessions.map((s) => [key(s), s]));
    for (const e of existing) {
      const s = sent.get(key({ start: e.start_time, end: e.end_time }));
      if (!s) await repo.updateSession(tx.db, e.id, { retired_at: at, updated_at: at });
      else if (s.capacity !== e.capacity)
        await repo.updateSession(tx.db, e.id, { capacity: s.capacity, updated_at: at });
      sent.delete(key({ start: e.start_time, end: e.end_time }));
    }
    for (const s of sent.values())
      await repo.insertSession(tx.db, {
        mall_id: mall.id,
        service_id: service.id,
        start_time: s.start,
        end_time: s.end,
        capacity: s.capacity,
        retired_at: null,
        created_at: at,
        updated_at: at,
      });
  }
  // A service given sessions without a horizon yet gets the default of two weeks.
  const days =
    patch.daysAhead ??
    (patch.sessions?.length && service.booking_days_ahead === null ? 14 : service.booking_days_ahead);
  if (days !== service.booking_days_ahead) await repo.setDaysAhead(tx.db, service.id, days);
  const after = await bookingSettings(tx.db, { ...service, booking_days_ahead: days });
  return { before, after };
}

/** Why the mall does not serve on a date (weekend, national calendar, own closure), or null. */
export async function dayClosed(
  db: Kysely<DB>,
  mall: MallRecord,
  date: string,
): Promise<{ reason: Reason; name: string | null } | null> {
  if (mall.always_open === 1) return null;
  const day = (await mallDays(db, mall.id, date, date)).find((d) => d.closed);
  if (day) return { reason: day.origin === 'mall' ? 'mall_closure' : 'holiday', name: day.name };
  const weekday = isoWeekday(date);
  const working = JSON.parse(mall.working_days) as number[];
  const hours = await getOpeningHours(db, mall.id);
  if (!working.includes(weekday) || !hours.some((h) => h.weekday === weekday))
    return { reason: 'weekend', name: null };
  return null;
}

/**
 * The sessions a citizen may book on a date, with what stops a whole day: outside the booking
 * horizon, a closed day, a day the mall closed bookings on. Sessions of today that have ended are
 * left out; one the mall closed for that date too.
 */
export async function offeredSessions(
  ctx: AppContext,
  db: Kysely<DB>,
  mall: MallRecord,
  service: ServiceRow,
  date: string,
): Promise<{ closed: { reason: Reason; name: string | null } | null; sessions: SessionRow[] }> {
  const none = (reason: Reason, name: string | null = null) => ({ closed: { reason, name }, sessions: [] });
  if (
    !service.served_at_mall ||
    !service.online_bookable ||
    service.retired_at ||
    service.booking_days_ahead === null
  )
    return none('not_bookable');
  const now = ctx.now();
  const today = localMoment(now, mall.timezone).date;
  if (date < today) return none('past');
  if (date > addCalendarDays(today, service.booking_days_ahead)) return none('too_far');
  const closed = await dayClosed(db, mall, date);
  if (closed) return { closed, sessions: [] };
  const closures = await repo.closuresOn(db, service.id, date);
  const dayClosure = closures.find((c) => c.session_id === null);
  if (dayClosure) return none('closed_by_mall', dayClosure.reason);
  const closedSessions = new Set(closures.map((c) => c.session_id));
  const hours =
    mall.always_open === 1
      ? null
      : (await getOpeningHours(db, mall.id)).find((h) => h.weekday === isoWeekday(date));
  const sessions = (await repo.activeSessions(db, service.id)).filter(
    (s) =>
      !closedSessions.has(s.id) &&
      (!hours ||
        (toMinutes(s.start_time) >= toMinutes(hours.opens) &&
          toMinutes(s.end_time) <= toMinutes(hours.closes))) &&
      localInstant(date, s.end_time, mall.timezone) > now,
  );
  return { closed: null, sessions };
}

/** GET …/services/{id}/slots?date=: the day's sessions with their remaining places. */
export async function slots(
  ctx: AppContext,
  mall: MallRecord,
  serviceId: number,
  date: string,
): Promise<z.infer<typeof Slots>> {
  const db = ctx.database.db;
  const service = await services.findService(db, mall.id, serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  const { closed, sessions } = await offeredSessions(ctx, db, mall, service, date);
  const counts = await repo.bookedCounts(
    db,
    sessions.map((s) => s.id),
    date,
  );
  return {
    date,
    closed: closed?.reason ?? null,
    closedName: closed?.name ?? null,
    timezone: mall.timezone,
    sessions: sessions.map((s) => ({
      id: s.id,
      start: s.start_time,
      end: s.end_time,
      capacity: s.capacity,
      remaining: Math.max(0, s.capacity - (counts.get(s.id) ?? 0)),
    })),
  };
}
