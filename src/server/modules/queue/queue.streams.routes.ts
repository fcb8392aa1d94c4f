import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import { CounterStreamEvent, TicketStreamEvent } from '../../../shared/contracts/events.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { streamScope } from '../../events/sse.js';
import { type App, MallParams } from '../../http.js';
import { CounterScope, counterScopeKey } from './counter.stream.js';
import { ticketByCode, watchableCounter } from './queue-views.service.js';
import { TicketScope, ticketScopeKey } from './ticket.stream.js';

const tags = ['queue'];
const Resume = z.object({ lastEventId: z.string().max(20).optional() });
const sse = 'text/event-stream: one message per SSE event (id = live-event sequence, event = type)';

/** The scoped live streams of the queue: a citizen's own ticket, and a counter's console. */
export async function queueStreamRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/tickets/:trackingCode/stream',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary:
          'Server-Sent Events for the citizen’s own ticket (public by its tracking code): ticket.snapshot, ticket.position {status, position, etaMinutes, turnIsNear} on connect and on change, ticket.called; reset when a resume is too old',
        params: MallParams.extend({ trackingCode: z.string().min(4).max(32) }),
        querystring: Resume,
        response: { 200: TicketStreamEvent.describe(sse) },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const ticket = await ticketByCode(ctx, mall, req.params.trackingCode);
      await streamScope(req, reply, ctx.hub, mall.id, ticketScopeKey(ticket.id), () => {
        return new TicketScope(ctx, mall, ticket);
      });
    },
  );

  app.get(
    '/api/v1/malls/:mall/counters/:counterId/stream',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary:
          'Server-Sent Events for a counter console (staff who may operate the counter): counter.queue — the counter, its own ticket and its waiting line — on connect and on every change',
        params: MallParams.extend({ counterId: Id }),
        querystring: Resume,
        response: { 200: CounterStreamEvent.describe(sse) },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const counterId = req.params.counterId;
      await watchableCounter(ctx, mall, requireActor(req), counterId);
      await streamScope(req, reply, ctx.hub, mall.id, counterScopeKey(counterId), () => {
        return new CounterScope(ctx, mall, counterId);
      });
    },
  );
}
