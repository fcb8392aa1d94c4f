import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { OutboxMessagesTable } from '../../db/schema.js';

/** The ways out of the system. */
export const CHANNELS = ['whatsapp', 'sms', 'email', 'webpush', 'webhook'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export type OutboxMessageRow = Selectable<OutboxMessagesTable>;

/** A message to queue, written in the transaction of the change that causes it. */
export interface OutboxMessageInput {
  mallId: number;
  channel: ChannelName;
  /** What caused it: 'ticket.near', 'ticket.called', a webhook event type… */
  event: string;
  /** Where it goes: +62… (normalised), an e-mail address, a push subscription JSON, a webhook subscription id. */
  address: string;
  /** How lists and logs show the address (`+62812****7890`); personal addresses never appear unmasked. */
  addressMasked: string;
  /** What the message is about (e.g. `{type: 'ticket', id}`), for the admin's view and clean-up. */
  subject?: { type: string; id: number };
  /** 'id' or 'en': the language it was rendered in. */
  locale?: string;
  /** What is sent, rendered now so that every retry sends exactly the same bytes. */
  body: Record<string, unknown>;
  /** Unique per message: queuing the same key twice keeps the first (e.g. `ticket:42:near:whatsapp`). */
  idempotencyKey: string;
  /** Tries before the message is marked failed (default: OUTBOX_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

/** What a channel reports for a message it delivered. */
export interface SendResult {
  /** The gateway's own id for the message, when it gives one. */
  providerId?: string;
  /** HTTP status of the gateway or receiver, for the delivery log. */
  statusCode?: number;
}

/**
 * A failure that no retry can fix (a gateway that refuses the number, a push subscription that is
 * gone): the message is marked failed at once. Any other error is retried with back-off.
 */
export class PermanentSendError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

/** A retryable failure that carries the HTTP status the other side answered, for the delivery log. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

export interface OutboxChannel {
  name: ChannelName;
  /** Whether this node can send on the channel (its gateway/SMTP/keys are configured). */
  configured(ctx: AppContext): boolean;
  /**
   * Delivers one message. Must pass `message.idempotency_key` on to gateways that accept one, so a
   * node that died mid-send and a retry do not deliver twice where the other side can tell.
   */
  send(ctx: AppContext, message: OutboxMessageRow, opts?: SendOptions): Promise<SendResult>;
}

/** What the worker hands a send besides the message. */
export interface SendOptions {
  /** Aborted when the send times out (OUTBOX_SEND_TIMEOUT_MS) or the node shuts down. */
  signal?: AbortSignal;
}
