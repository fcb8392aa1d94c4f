import { z } from 'zod';
import { BookingSession, Id, LocalDate } from './catalog.js';
import { Ticket } from './queue.js';

/** Zod contracts of online booking (issue 11): sessions, slots, bookings, check-in. */

export { BookingSession, BookingSessionInput, BookingSettings, BookingSettingsPatch } from './catalog.js';

export const SlotsQuery = z.object({ date: LocalDate });
export const ClosedReason = z.enum([
  'not_bookable',
  'past',
  'too_far',
  'weekend',
  'holiday',
  'mall_closure',
  'closed_by_mall',
]);
export const Slot = BookingSession.extend({ remaining: z.number() });
export const Slots = z.object({
  date: z.string(),
  /** Why the day has no sessions (weekend, national calendar, mall closure…); null when it has. */
  closed: ClosedReason.nullable(),
  closedName: z.string().nullable(),
  timezone: z.string(),
  sessions: z.array(Slot),
});

/** Citizens type the NIK with or without separators; the service checks it with parseNik. */
const NikText = z.string().trim().min(1).max(40);
const PhoneText = z.string().trim().min(1).max(40);

export const BookingInput = z.strictObject({
  serviceId: Id,
  date: LocalDate,
  sessionId: Id,
  nik: NikText,
  name: z.string().trim().min(2).max(120),
  phone: PhoneText,
  email: z.string().trim().email().max(200).optional(),
  locale: z.enum(['id', 'en']).optional(),
});

export const BookingStatus = z.enum(['booked', 'checked_in', 'cancelled', 'no_show', 'closed']);

/** What the citizen (anyone holding the code) sees: the NIK and phone masked, never in full. */
export const PublicBooking = z.object({
  id: z.number(),
  code: z.string(),
  status: BookingStatus,
  date: z.string(),
  session: z.object({ id: z.number(), start: z.string(), end: z.string() }),
  serviceId: z.number(),
  serviceName: z.string(),
  mallName: z.string(),
  timezone: z.string(),
  nikMasked: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  /** The check-in window as UTC instants. */
  checkInFrom: z.string(),
  checkInUntil: z.string(),
  /** 'holiday': the day became a holiday after the booking was made. */
  flag: z.string().nullable(),
  ticket: z.object({ number: z.string(), trackingCode: z.string() }).nullable(),
  /** An SVG QR code of the booking code (for the kiosk's scanner). */
  qrSvg: z.string(),
});

/** A change by the citizen: the phone's last four digits prove it is theirs. */
export const BookingProof = z.strictObject({ phoneLast4: z.string().regex(/^\d{4}$/, 'four digits') });
export const RescheduleInput = BookingProof.extend({ date: LocalDate, sessionId: Id });
export const BookingCode = z.string().regex(/^[A-Z2-9]{8}$/, 'booking code');
export const BookingParams = z.object({ mall: z.string().min(1).max(64), code: BookingCode });

export const CheckInResult = z.object({
  booking: PublicBooking,
  ticket: Ticket,
  alreadyCheckedIn: z.boolean(),
});

/** Staff's list of a day's bookings (masked). */
export const BookingListQuery = z.object({
  date: LocalDate,
  serviceId: Id.optional(),
});
export const StaffBooking = z.object({
  id: z.number(),
  code: z.string(),
  status: BookingStatus,
  date: z.string(),
  serviceId: z.number(),
  serviceName: z.string(),
  session: z.object({ id: z.number(), start: z.string(), end: z.string() }),
  name: z.string(),
  nikMasked: z.string(),
  phoneMasked: z.string(),
  flag: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  createdAt: z.string(),
});
export const BookingList = z.object({
  date: z.string(),
  items: z.array(StaffBooking),
  counts: z.record(z.string(), z.number()),
});

export const ClosureInput = z.strictObject({
  serviceId: Id,
  date: LocalDate,
  /** Omitted: the whole day. */
  sessionId: Id.optional(),
  reason: z.string().trim().min(3).max(300),
});
export const ClosureResult = z.object({ closed: z.number(), notified: z.number() });

/** A same-day online ticket (source "online") needs the NIK and a phone. */
export const OnlineTicketFields = z.object({ nik: NikText.optional(), phone: PhoneText.optional() });

export const NikRead = z.object({ code: z.string(), nik: z.string() });
