import QRCode from 'qrcode';
import type { z } from 'zod';
import type { BookingStatus, PublicBooking, StaffBooking } from '../../../shared/contracts/bookings.js';
import { localDayStart } from '../../../shared/domain/local-time.js';
import type { MallRecord } from '../malls/malls.service.js';
import type { BookingView } from './bookings.repo.js';
import { localInstant } from './sessions.service.js';

type Status = z.infer<typeof BookingStatus>;

/**
 * The check-in window of a booking: from `before` minutes ahead of its session's start (never before
 * the local day began: the ticket belongs to that day's queue) to `after` minutes past its end.
 */
export function checkInWindow(
  mall: Pick<MallRecord, 'timezone' | 'booking_checkin_before_minutes' | 'booking_checkin_after_minutes'>,
  b: Pick<BookingView, 'date' | 'start_time' | 'end_time'>,
): { from: Date; until: Date; sessionStart: Date } {
  const sessionStart = localInstant(b.date, b.start_time, mall.timezone);
  const dayStart = localDayStart(b.date, mall.timezone);
  const from = new Date(
    Math.max(dayStart.getTime(), sessionStart.getTime() - mall.booking_checkin_before_minutes * 60_000),
  );
  const until = new Date(
    localInstant(b.date, b.end_time, mall.timezone).getTime() + mall.booking_checkin_after_minutes * 60_000,
  );
  return { from, until, sessionStart };
}

export async function toPublicBooking(
  mall: MallRecord,
  b: BookingView,
): Promise<z.infer<typeof PublicBooking>> {
  const w = checkInWindow(mall, b);
  return {
    id: b.id,
    code: b.code,
    status: b.status as Status,
    date: b.date,
    session: { id: b.session_id, start: b.start_time, end: b.end_time },
    serviceId: b.service_id,
    serviceName: b.service_name,
    mallName: mall.name,
    timezone: mall.timezone,
    nikMasked: b.nik_masked,
    name: b.name,
    phoneMasked: b.phone_masked,
    checkInFrom: w.from.toISOString(),
    checkInUntil: w.until.toISOString(),
    flag: b.flag,
    ticket:
      b.ticket_number && b.ticket_tracking_code
        ? { number: b.ticket_number, trackingCode: b.ticket_tracking_code }
        : null,
    qrSvg: await QRCode.toString(b.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

export function toStaffBooking(b: BookingView): z.infer<typeof StaffBooking> {
  return {
    id: b.id,
    code: b.code,
    status: b.status as Status,
    date: b.date,
    serviceId: b.service_id,
    serviceName: b.service_name,
    session: { id: b.session_id, start: b.start_time, end: b.end_time },
    name: b.name,
    nikMasked: b.nik_masked,
    phoneMasked: b.phone_masked,
    flag: b.flag,
    checkedInAt: b.checked_in_at,
    ticketNumber: b.ticket_number,
    createdAt: b.created_at,
  };
}
