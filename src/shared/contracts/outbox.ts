import { z } from 'zod';

/** Zod contracts for the outbox: message templates and the admin's view of outgoing messages (issue 10). */

/** Events that send a templated message; webhook deliveries carry their own JSON instead. */
export const MessageEvent = z.enum([
  'ticket.near',
  'ticket.called',
  'webhook.disabled',
  'application.status',
  'complaint.received',
  'complaint.answered',
  'complaint.overdue',
  'booking.confirmed',
  'booking.reminder',
  'booking.soon',
  'booking.cancelled',
  'booking.closed',
  'booking.holiday',
]);
export type MessageEvent = z.infer<typeof MessageEvent>;
export const MessageLocale = z.enum(['id', 'en']);
export type MessageLocale = z.infer<typeof MessageLocale>;

const BOOKING_PLACEHOLDERS = ['code', 'service', 'date', 'session', 'mall', 'bookingUrl'] as const;
/** The placeholders each event's template may use. */
export const MESSAGE_PLACEHOLDERS: Record<MessageEvent, readonly string[]> = {
  'ticket.near': ['number', 'service', 'ahead', 'counter', 'mall', 'ticketUrl'],
  'ticket.called': ['number', 'service', 'counter', 'mall', 'ticketUrl'],
  'webhook.disabled': ['mall', 'webhookUrl', 'failures', 'adminUrl'],
  'application.status': ['trackingCode', 'service', 'status', 'dueDate', 'note', 'mall', 'trackUrl'],
  'complaint.received': ['trackingCode', 'title', 'dueDate', 'mall', 'complaintUrl'],
  'complaint.answered': ['trackingCode', 'title', 'agency', 'mall', 'complaintUrl'],
  'complaint.overdue': ['title', 'agency', 'deadline', 'dueDate', 'mall', 'adminUrl'],
  'booking.confirmed': BOOKING_PLACEHOLDERS,
  'booking.reminder': BOOKING_PLACEHOLDERS,
  'booking.soon': BOOKING_PLACEHOLDERS,
  'booking.cancelled': BOOKING_PLACEHOLDERS,
  'booking.closed': [...BOOKING_PLACEHOLDERS, 'reason'],
  'booking.holiday': [...BOOKING_PLACEHOLDERS, 'reason'],
};

export const TEMPLATE_LIMITS = { subject: 200, text: 1000 } as const;

export const MessageTemplate = z.object({
  event: MessageEvent,
  locale: MessageLocale,
  /** The e-mail subject (WhatsApp, SMS and push use the text only). */
  subject: z.string(),
  text: z.string(),
  /** True when the mall changed it; false: the default wording. */
  custom: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const MessageTemplateInput = z.strictObject({
  subject: z.string().trim().max(TEMPLATE_LIMITS.subject),
  text: z.string().trim().min(1).max(TEMPLATE_LIMITS.text),
});

export const TemplatePreviewInput = MessageTemplateInput.extend({
  event: MessageEvent,
  locale: MessageLocale,
});

export const RenderedMessage = z.object({ subject: z.string(), text: z.string() });
export type RenderedMessage = z.infer<typeof RenderedMessage>;

export const OutboxStatus = z.enum(['pending', 'sent', 'failed', 'cancelled']);

/** One try in a message's delivery log. */
export const OutboxAttempt = z.object({
  attempt: z.number(),
  at: z.string(),
  ok: z.boolean(),
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});

/** An outgoing message as the admin sees it: the address masked, never raw. */
export const OutboxMessage = z.object({
  id: z.number(),
  channel: z.string(),
  event: z.string(),
  addressMasked: z.string(),
  addressErased: z.boolean(),
  subject: z.object({ type: z.string(), id: z.number() }).nullable(),
  locale: z.string(),
  status: OutboxStatus,
  attempts: z.number(),
  maxAttempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  log: z.array(OutboxAttempt),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxListQuery = z.object({
  status: OutboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Messages with an id below this (the next page). */
  before: z.coerce.number().int().positive().optional(),
});
