import {
  BookingInput,
  BookingList,
  BookingListQuery,
  BookingParams,
  BookingProof,
  CheckInResult,
  ClosureInput,
  ClosureResult,
  NikRead,
  PublicBooking,
  RescheduleInput,
  Slots,
  SlotsQuery,
} from '../../../shared/contracts/bookings.js';
import { Id } from '../../../shared/contracts/catalog.js';
import { RevealInput } from '../../../shared/contracts/privacy.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { requireAccessReason } from '../privacy/privacy.reason.js';
import * as bookings from './bookings.service.js';
import { checkIn } from './checkin.service.js';
import { startBookingJobs } from './reminders.service.js';
import { slots } from './sessions.service.js';

const tags = ['bookings'];

/** Online booking (issue 11): slots, book/reschedule/cancel by code, check-in, staff lists, closures. */
export async function bookingsRoutes(app: App, ctx: AppContext): Promise<void> {
  const stopJobs = startBookingJobs(ctx);
  app.addHook('onClose', async () => stopJobs());
  // Citizens behind one address (a mall's Wi-Fi, a carrier's NAT): a limit of its own, above the default.
  const rateLimit = { max: ctx.config.RATE_LIMIT_BOOKINGS, timeWindow: 60_000 };

  app.get(
    '/api/v1/malls/:mall/services/:id/slots',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary:
          "A day's bookable sessions with remaining places, in the mall's time zone; closed days (weekends, national calendar, mall closures) have none",
        params: MallParams.extend({ id: Id }),
        querystring: SlotsQuery,
        response: { 200: Slots },
      },
    },
    async (req) => slots(ctx, req.mall, req.params.id, req.query.date),
  );

  app.post(
    '/api/v1/malls/:mall/bookings',
    {
      config: { access: 'public', action: 'booking.make', rateLimit },
      schema: {
        tags,
        summary:
          'Book a session without an account: NIK checked (INVALID_NIK), phone normalised (INVALID_PHONE), one per NIK, service and day (ALREADY_BOOKED), never over capacity (SESSION_FULL)',
        params: MallParams,
        body: BookingInput,
        response: { 201: PublicBooking },
      },
    },
    async (req, reply) => reply.status(201).send(await bookings.createBooking(ctx, req.mall, req.body)),
  );

  app.get(
    '/api/v1/malls/:mall/bookings/:code',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary: 'A booking by its code: NIK and phone masked',
        params: BookingParams,
        response: { 200: PublicBooking },
      },
    },
    async (req) => bookings.getBooking(ctx, req.mall, req.params.code),
  );

  app.post(
    '/api/v1/malls/:mall/bookings/:code/reschedule',
    {
      config: { access: 'public', action: 'booking.make', rateLimit },
      schema: {
        tags,
        summary: "Move a booking to another day or session (the phone's last four digits as proof)",
        params: BookingParams,
        body: RescheduleInput,
        response: { 200: PublicBooking },
      },
    },
    async (req) => bookings.rescheduleBooking(ctx, req.mall, req.params.code, req.body),
  );

  app.post(
    '/api/v1/malls/:mall/bookings/:code/cancel',
    {
      config: { access: 'public', action: 'booking.make', rateLimit },
      schema: {
        tags,
        summary: "Cancel a booking (the phone's last four digits as proof); the place is released",
        params: BookingParams,
        body: BookingProof,
        response: { 200: PublicBooking },
      },
    },
    async (req) => bookings.cancelBooking(ctx, req.mall, req.params.code, req.body.phoneLast4),
  );

  app.post(
    '/api/v1/malls/:mall/bookings/:code/check-in',
    {
      config: { access: 'public', action: 'booking.checkIn' },
      schema: {
        tags,
        summary:
          'Check in a booking at a paired kiosk (device token) or a counter (staff): inside its window it joins the live queue; twice gives the same ticket',
        params: BookingParams,
        response: { 200: CheckInResult },
      },
    },
    async (req) => checkIn(ctx, req.mall, { actor: req.actor, device: req.device }, req.params.code),
  );

  app.get(
    '/api/v1/malls/:mall/bookings',
    {
      config: { access: 'staff', action: 'booking.read' },
      schema: {
        tags,
        summary: "A day's bookings with check-in and no-show status (NIK and phone masked)",
        params: MallParams,
        querystring: BookingListQuery,
        response: { 200: BookingList },
      },
    },
    async (req) =>
      bookings.listBookings(ctx, requireActor(req), req.mall, req.query.date, req.query.serviceId),
  );

  app.get(
    '/api/v1/malls/:mall/booking-export',
    {
      config: { access: 'staff', action: 'booking.read' },
      schema: {
        tags,
        summary: "A day's bookings as CSV (NIK and phone masked)",
        params: MallParams,
        querystring: BookingListQuery,
      },
    },
    async (req, reply) => {
      const list = await bookings.listBookings(
        ctx,
        requireActor(req),
        req.mall,
        req.query.date,
        req.query.serviceId,
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="bookings-${req.query.date}.csv"`)
        .send(bookings.bookingsCsv(list));
    },
  );

  app.post(
    '/api/v1/malls/:mall/bookings/:code/nik',
    {
      config: { access: 'staff', action: 'booking.readNik' },
      preValidation: requireAccessReason,
      schema: {
        tags,
        summary:
          "A booking's full NIK, with the reason for reading it (mall or agency admins; every read is audited with the reason)",
        params: BookingParams,
        body: RevealInput,
        response: { 200: NikRead },
      },
    },
    async (req) => bookings.readNik(ctx, requireActor(req), req.mall, req.params.code, req.body),
  );

  app.post(
    '/api/v1/malls/:mall/booking-closures',
    {
      config: { access: 'staff', action: 'booking.manage' },
      schema: {
        tags,
        summary: "Close a service's day or one session: booked citizens are told through the outbox",
        params: MallParams,
        body: ClosureInput,
        response: { 201: ClosureResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await bookings.closeBookings(ctx, requireActor(req), req.mall, req.body)),
  );
}
