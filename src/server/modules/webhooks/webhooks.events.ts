import type { z } from 'zod';
import type { LiveEvent } from '../../../shared/contracts/events.js';
import type {
  WebhookEventTypeName,
  WebhookPayload,
  WebhookTicket,
} from '../../../shared/contracts/integrations.js';
import type { TicketView } from '../queue/queue.repo.js';

/** One webhook event derived from a recorded live event (its sequence makes the delivery id). */
export interface DerivedEvent {
  type: WebhookEventTypeName;
  seq: number;
  at: string;
  ticket: TicketView;
}

const FINAL: Partial<Record<string, WebhookEventTypeName>> = {
  done: 'ticket.finished',
  no_show: 'ticket.no_show',
  cancelled: 'ticket.cancelled',
};

/**
 * What a queue change means to integrators. `ticket.called` comes from the recorded call (a recall is
 * not a new call); the rest from the ticket's status after the change: waiting and issued by this
 * very change (a transfer keeps its issue time) → issued; done / no_show / cancelled → finished /
 * no_show / cancelled. Pure: the sink and the tests share it.
 */
export function deriveEvents(events: LiveEvent[], tickets: TicketView[]): DerivedEvent[] {
  const out: DerivedEvent[] = [];
  const ticketOf = (id: number) => tickets.find((t) => t.id === id);
  for (const e of events) {
    if (e.type === 'ticket.called') {
      const ticket = ticketOf(e.payload.ticketId);
      if (ticket) out.push({ type: 'ticket.called', seq: e.seq, at: e.at, ticket });
    } else if (e.type === 'queue.changed') {
      const ticket = ticketOf(e.payload.ticketId);
      if (!ticket) continue;
      const status = e.payload.status;
      const type =
        status === 'waiting' ? (ticket.issued_at === e.at ? 'ticket.issued' : undefined) : FINAL[status];
      if (type) out.push({ type, seq: e.seq, at: e.at, ticket });
    }
  }
  return out;
}

/**
 * The ticket as an integrator sees it: never the tracking code (it opens the citizen's own page);
 * the priority group (elderly, disabled, pregnant…) is personal data, sent only with `personal`.
 */
export function webhookTicket(t: TicketView, personal: boolean): z.infer<typeof WebhookTicket> {
  return {
    ticketId: t.id,
    number: t.number,
    status: t.status,
    serviceId: t.service_id,
    serviceName: t.service_name,
    counterId: t.counter_id,
    counterNumber: t.counter_number,
    counterName: t.counter_name,
    source: t.source,
    outcome: t.outcome,
    issuedAt: t.issued_at,
    calledAt: t.called_at,
    startedAt: t.started_at,
    finishedAt: t.finished_at,
    ...(personal ? { priority: t.priority } : {}),
  };
}

export function webhookBody(e: DerivedEvent, personal: boolean): z.infer<typeof WebhookPayload> {
  return { type: e.type, timestamp: e.at, data: webhookTicket(e.ticket, personal) };
}
