/**
 * The closed lists of integrations (API key scopes, webhook events and subscription scopes), without
 * zod so the web bundle can list them (checkboxes) from the same source the schemas use.
 */
export const API_SCOPES = ['queue.read', 'webhooks.manage'] as const;
export const WEBHOOK_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.finished',
  'ticket.cancelled',
  'ticket.no_show',
] as const;
export const WEBHOOK_SCOPES = ['personal'] as const;
