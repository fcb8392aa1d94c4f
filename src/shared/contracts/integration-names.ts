/**
 * The closed lists of integrations (API key scopes, webhook events and subscription scopes), without
 * zod so the web bundle can list them (checkboxes) from the same source the schemas use.
 */
export const API_SCOPES = ['queue.read', 'webhooks.manage', 'open311'] as const;
export const WEBHOOK_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.finished',
  'ticket.cancelled',
  'ticket.no_show',
  'complaint.submitted',
  'complaint.dispatched',
  'complaint.answered',
  'complaint.closed',
  'complaint.overdue',
] as const;
export const WEBHOOK_SCOPES = ['personal'] as const;
