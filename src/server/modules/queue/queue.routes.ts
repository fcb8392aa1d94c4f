import { z } from 'zod';
import { CounterStatus, Id } from '../../../shared/contracts/catalog.js';
import { PrintOutcome } from '../../../shared/contracts/devices.js';
import {
  CallSpecificInput,
  CounterQueue,
  CounterStatusInput,
  FinishInput,
  IssueTicketInput,
  PublicTicket,
  StartVisitInput,
  Ticket,
  TransferInput,
} from '../../../shared/contracts/queue.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { resolvePublicUrl } from '../../public-url.js';
import { issueOnlineTicket } from '../bookings/online.service.js';
import { printKioskSlip } from '../devices/devices.print.js';
import { callNext, callSpecific, setCounterStatus } from './counter-actions.service.js';
import { startDayEndJob } from './day-end.service.js';
import { counterQueue, publicTicket } from './queue-views.service.js';
import { ticketAction } from './ticket-actions.service.js';
import { issueTicket, startVisit } from './tickets.service.js';

const CounterParams = MallParams.extend({ counterId: Id });
const TicketParams = MallParams.extend({ id: Id });
const tags = ['queue'];

export async function queueRoutes(app: App, ctx: AppContext): Promise<void> {
  // The queue day ends on schedule, at start-up and on first use (see day-end.service.ts).
  const stopDayEnd = startDayEndJob(ctx);
  app.addHook('onClose', async () => stopDayEnd());
  app.post(
    '/api/v1/malls/:mall/tickets',
    {
      config: { access: 'public', action: 'ticket.issue' },
      schema: {
        tags,
        summary:
          'Take a queue ticket: kiosk (a paired kiosk’s token) or walk-in at a counter (staff); `print` tells how a kiosk’s network printer did',
        params: MallParams,
        body: IssueTicketInput,
        response: { 201: Ticket.extend({ print: PrintOutcome.optional() }) },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const ticket =
        req.body.source === 'online'
          ? await issueOnlineTicket(ctx, mall, req.body)
          : await issueTicket(ctx, mall, { actor: req.actor, device: req.device }, req.body);
      // After the commit: a kiosk with a network printer gets its slip printed (never a second ticket).
      const print =
        req.device && req.body.source === 'kiosk'
          ? await printKioskSlip(ctx, req.device, mall, ticket, resolvePublicUrl(ctx.config))
          : null;
      return reply.status(201).send(print ? { ...ticket, print } : ticket);
    },
  );

  app.post(
    '/api/v1/malls/:mall/visits',
    {
      config: { access: 'public', action: 'ticket.issue' },
      schema: {
        tags,
        summary: 'Start a journey: several services in order, one visit; finishing a step queues the next',
        params: MallParams,
        body: StartVisitInput,
        response: { 201: z.object({ visitId: z.number(), steps: z.array(z.number()), ticket: Ticket }) },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      return reply
        .status(201)
        .send(await startVisit(ctx, mall, { actor: req.actor, device: req.device }, req.body));
    },
  );

  app.get(
    '/api/v1/malls/:mall/tickets/:trackingCode',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary: 'The citizen’s live ticket by tracking code: position and estimated wait (no personal data)',
        params: MallParams.extend({ trackingCode: z.string().min(4).max(32) }),
        response: { 200: PublicTicket },
      },
    },
    async (req) => {
      const mall = req.mall;
      return publicTicket(ctx, mall, req.params.trackingCode);
    },
  );

  app.post(
    '/api/v1/malls/:mall/counters/:counterId/call-next',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'Call the next ticket (200) or 204 when nobody waits',
        params: CounterParams,
        response: { 200: Ticket, 204: z.null() },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const ticket = await callNext(ctx, mall, requireActor(req), req.params.counterId);
      if (!ticket) return reply.status(204).send(null);
      return ticket;
    },
  );

  // One URL per action: calling a ticket out of order lives on the counter that calls it
  // (the console uses it); the former aliases /call-specific and /tickets/:id/call are gone.
  app.post(
    '/api/v1/malls/:mall/counters/:counterId/call',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'Call a specific ticket out of order (reason required, audited)',
        params: CounterParams,
        body: CallSpecificInput,
        response: { 200: Ticket },
      },
    },
    async (req) => {
      const mall = req.mall;
      const { ticketId, reason } = req.body;
      return callSpecific(ctx, mall, requireActor(req), req.params.counterId, ticketId, reason);
    },
  );

  app.get(
    '/api/v1/malls/:mall/counters/:counterId/queue',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'The counter’s current ticket and its waiting line in call order',
        params: CounterParams,
        response: { 200: CounterQueue },
      },
    },
    async (req) => {
      const mall = req.mall;
      return counterQueue(ctx, mall, requireActor(req), req.params.counterId);
    },
  );

  app.post(
    '/api/v1/malls/:mall/counters/:counterId/status',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'Open, close or pause (break) a counter',
        params: CounterParams,
        body: CounterStatusInput,
        response: { 200: z.object({ counterId: z.number(), status: CounterStatus }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      await setCounterStatus(ctx, mall, requireActor(req), req.params.counterId, req.body.status);
      return { counterId: req.params.counterId, status: req.body.status };
    },
  );

  for (const action of ['recall', 'start', 'no-show', 'cancel'] as const) {
    app.post(
      `/api/v1/malls/:mall/tickets/:id/${action}`,
      {
        config: { access: 'staff', action: 'counter.operate' },
        schema: {
          tags,
          summary: `Ticket action: ${action}`,
          params: TicketParams,
          response: { 200: Ticket },
        },
      },
      async (req) => {
        const mall = req.mall;
        return ticketAction(ctx, mall, requireActor(req), req.params.id, action, {});
      },
    );
  }

  app.post(
    '/api/v1/malls/:mall/tickets/:id/finish',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'Finish with an outcome: done | incomplete_documents | referred',
        params: TicketParams,
        body: FinishInput.optional(),
        response: { 200: Ticket },
      },
    },
    async (req) => {
      const mall = req.mall;
      return ticketAction(ctx, mall, requireActor(req), req.params.id, 'finish', {
        finish: req.body ?? { outcome: 'done' },
      });
    },
  );

  app.post(
    '/api/v1/malls/:mall/tickets/:id/transfer',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'Transfer to another service or counter, optionally returning here afterwards',
        params: TicketParams,
        body: TransferInput,
        response: { 200: Ticket },
      },
    },
    async (req) => {
      const mall = req.mall;
      return ticketAction(ctx, mall, requireActor(req), req.params.id, 'transfer', { transfer: req.body });
    },
  );
}
