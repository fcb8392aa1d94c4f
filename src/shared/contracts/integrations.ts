import { z } from 'zod';
import { API_SCOPES, WEBHOOK_EVENT_TYPES, WEBHOOK_SCOPES } from './integration-names.js';
import { OutboxAttempt, OutboxStatus } from './outbox.js';

/**
 * Zod contracts for integrators (issue 10 §4): API keys and webhook subscriptions, and the body every
 * webhook delivery carries.
 */

// ── API keys ────────────────────────────────────────────────────────────────────────────────────────

/**
 * What an API key may do. Each scope allows a fixed set of policy actions (`auth/policy.ts`
 * `SCOPE_ACTIONS`); nothing else is reachable with a key, whatever its scopes.
 */
export const ApiScope = z.enum(API_SCOPES);
export type ApiScopeName = z.infer<typeof ApiScope>;

/** Keys start with this, so the request hook knows a key from a session or device token at once. */
export const API_KEY_PREFIX = 'sa_';

/** Scopes a key gets when none are named: Open311 only (the standard's api_key posts service requests). */
export const DEFAULT_API_SCOPES = ['open311'] as const;

export const ApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** Default: `["open311"]`. */
  scopes: z.array(ApiScope).min(1).max(ApiScope.options.length).optional(),
});

export const ApiKey = z.object({
  id: z.number(),
  name: z.string(),
  scopes: z.array(ApiScope),
  /** The key's first characters ("sa_AbCdEf"), to tell keys apart; the key itself is never listed. */
  keyPrefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Answered once, on creation: the key itself is kept only as its SHA-256. */
export const ApiKeyCreated = z.object({
  id: z.number(),
  name: z.string(),
  scopes: z.array(ApiScope),
  key: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
});

// ── Webhooks ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Events a subscription can ask for, derived from the queue's recorded events (later bookings,
 * applications and complaints add theirs).
 */
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventTypeName = z.infer<typeof WebhookEventType>;
/** Sent by POST …/webhooks/{id}/test; every subscription receives it whatever its events. */
export const WEBHOOK_PING = 'webhook.ping';

/** `personal`: the subscription may receive personal data (today: a ticket's priority group). */
export const WebhookScope = z.enum(WEBHOOK_SCOPES);

/** Where deliveries go: http(s) only, no user:password in the URL (the signature authenticates). */
export const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (
        (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !!u.hostname
      );
    } catch {
      return false;
    }
  }, 'an http:// or https:// URL without user name or password');

export const WebhookInput = z.strictObject({
  url: WebhookUrl,
  events: z.array(WebhookEventType).min(1).max(WebhookEventType.options.length),
  scopes: z.array(WebhookScope).max(WebhookScope.options.length).optional(),
});

/** Changes only what it names; `active: true` also clears an automatic disable. */
export const WebhookPatch = z.strictObject({
  url: WebhookUrl.optional(),
  events: WebhookInput.shape.events.optional(),
  active: z.boolean().optional(),
});

/** Why the server switched a subscription off: too many failed messages in a row, or the receiver said 410 Gone. */
export const WebhookDisabledReason = z.enum(['failures', 'gone']);

export const Webhook = z.object({
  id: z.number(),
  url: z.string(),
  events: z.array(WebhookEventType),
  scopes: z.array(WebhookScope),
  active: z.boolean(),
  /** Set when the server switched the subscription off (repeated failures, or the receiver said 410). */
  disabledAt: z.string().nullable(),
  disabledReason: WebhookDisabledReason.nullable(),
  /** Messages that failed for good since the last delivered one. */
  consecutiveFailures: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Answered once, on creation: the signing secret ("whsec_" + base64 of 32 random bytes). */
export const WebhookCreated = Webhook.extend({ secret: z.string() });

/** A webhook delivery is an outbox message: the same states and the same log of tries. */
export const DeliveryStatus = OutboxStatus;
export const DeliveryAttempt = OutboxAttempt;

/** One message to the subscription and every try to deliver it. */
export const WebhookDelivery = z.object({
  id: z.number(),
  /** The `webhook-id` header the receiver saw (the message's idempotency key). */
  webhookId: z.string(),
  event: z.string(),
  status: DeliveryStatus,
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  tries: z.array(DeliveryAttempt),
});

export const WebhookDeliveries = z.object({ items: z.array(WebhookDelivery) });

export const WebhookTestResult = z.object({ deliveryId: z.number(), webhookId: z.string() });

// ── What a delivery carries ─────────────────────────────────────────────────────────────────────────

/**
 * A ticket as an integrator sees it: no tracking code (it opens the citizen's own page) and no
 * personal data; `priority` (the priority group) only for subscriptions with the `personal` scope.
 */
export const WebhookTicket = z.strictObject({
  ticketId: z.number(),
  number: z.string(),
  status: z.string(),
  serviceId: z.number(),
  serviceName: z.string(),
  counterId: z.number().nullable(),
  counterNumber: z.number().nullable(),
  counterName: z.string().nullable(),
  source: z.string(),
  outcome: z.string().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  priority: z.string().nullable().optional(),
});

/** The JSON body of every delivery (Standard Webhooks: `type`, `timestamp`, `data`). */
export const WebhookPayload = z.strictObject({
  type: z.string(),
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});
