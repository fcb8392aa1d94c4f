import { z } from 'zod';
import { maskPersonalNumbers } from '../domain/mask-personal.js';
import { CounterStatus, Id } from './catalog.js';

/**
 * Free text staff type about a citizen (reasons, notes): NIK- and phone-like numbers are masked as it
 * is parsed, so neither the ticket events nor the audit trail ever store them readable.
 */
export const staffText = (max: number) => z.string().trim().max(max).overwrite(maskPersonalNumbers);

/** Vulnerable groups served first (UU 25/2009 art. 29; the sick at police/Samsat counters). */
export const Priority = z.enum(['elderly', 'disabled', 'pregnant', 'child', 'sick', 'disaster_victim']);
/** Where a ticket came from; 'booking': a booked citizen checked in (issue 11), never asked for. */
export const TicketSource = z.enum(['kiosk', 'online', 'counter', 'booking']);
/** The sources a caller may ask for ('online' needs a NIK and a phone). */
export const IssueSource = z.enum(['kiosk', 'online', 'counter']);
/** `expired`: still open when the mall's day ended (nothing carries into the next day). */
export const TicketStatus = z.enum([
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'expired',
]);
export const Outcome = z.enum(['done', 'incomplete_documents', 'referred']);

export const IssueTicketInput = z.strictObject({
  serviceId: Id,
  source: IssueSource,
  priority: Priority.nullable().optional(),
  /** Same-day online queueing only (source "online"): the citizen's NIK and mobile number. */
  nik: z.string().trim().min(1).max(40).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
});

export const StartVisitInput = z.strictObject({
  serviceIds: z.array(Id).min(1).max(10),
  source: IssueSource,
  priority: Priority.nullable().optional(),
});

export const Ticket = z.object({
  id: z.number(),
  number: z.string(),
  serviceId: z.number(),
  serviceName: z.string(),
  queuePrefix: z.string(),
  status: TicketStatus,
  priority: Priority.nullable(),
  source: TicketSource,
  position: z.number().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  trackingCode: z.string(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  counter: z.object({ id: z.number(), number: z.number(), name: z.string() }).nullable(),
  outcome: Outcome.nullable(),
  visitId: z.number().nullable(),
});

/** What the citizen sees by tracking code: no personal data, no internal ids of staff. */
export const PublicTicket = Ticket.omit({ id: true }).extend({
  mallName: z.string(),
  localDate: z.string(),
  turnIsNear: z.boolean(),
  nextTicket: z.object({ number: z.string(), trackingCode: z.string(), serviceName: z.string() }).nullable(),
});

export const CallSpecificInput = z.strictObject({ ticketId: Id, reason: staffText(500).min(3) });
export const FinishInput = z.strictObject({
  outcome: Outcome.default('done'),
  note: staffText(1000).optional(),
});
export const TransferInput = z
  .strictObject({
    serviceId: Id.optional(),
    counterId: Id.optional(),
    returnToCounter: z.boolean().default(false),
    reason: staffText(500).optional(),
  })
  .refine(
    (v) => v.serviceId !== undefined || v.counterId !== undefined,
    'serviceId or counterId is required',
  );
export const CounterStatusInput = z.strictObject({ status: CounterStatus });

/** The counter console's view: the counter, its current ticket and its waiting line in call order. */
export const CounterQueue = z.object({
  counter: z.object({
    id: z.number(),
    number: z.number(),
    name: z.string(),
    status: CounterStatus,
    serviceIds: z.array(z.number()),
  }),
  current: Ticket.nullable(),
  waiting: z.array(Ticket),
});

export const TicketAction = z.enum(['recall', 'start', 'finish', 'no-show', 'transfer', 'cancel']);
