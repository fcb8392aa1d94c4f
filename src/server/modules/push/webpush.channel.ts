import type { Agent } from 'node:https';
import webpush from 'web-push';
import { WebPushMessage } from '../../../shared/contracts/push.js';
import type { AppContext } from '../../context.js';
import {
  type OutboxChannel,
  type OutboxMessageRow,
  PermanentSendError,
  SendError,
  type SendOptions,
} from '../outbox/outbox.types.js';
import {
  ensurePushKeys,
  loadedPushKeys,
  markPushSubscriptionGone,
  parsePushAddress,
  pushEndpointAllowed,
  pushSubscriptionGone,
  vapidSubject,
} from './push.service.js';

/** A "your turn is near" push older than an hour is noise: the push service drops it instead. */
export const PUSH_TTL_SECONDS = 3600;

/**
 * Web Push (RFC 8030 + VAPID RFC 8292, payload encrypted aes128gcm RFC 8291) through the `web-push`
 * package. The address is the browser's subscription JSON; the body is a WebPushMessage, sent as the
 * encrypted JSON the service worker shows. The tag doubles as the Topic header, so a "called" push
 * replaces a "near" one the phone has not fetched yet. 404/410 mean the subscription is gone for
 * good: the message fails at once and the subscription is remembered as gone; other 4xx (but 408
 * and 429) cannot succeed on retry either; everything else is retried by the outbox.
 *
 * The request gives up after OUTBOX_SEND_TIMEOUT_MS; the worker's abort signal (time-out, shutdown)
 * ends the send at once and the outbox retries it.
 *
 * `agent` is for tests that run their own push service with a self-signed certificate.
 */
export function createWebPushChannel(opts: { agent?: Agent } = {}): OutboxChannel {
  return {
    name: 'webpush',
    configured: (ctx) => loadedPushKeys(ctx) !== undefined,
    send: (ctx, message, send) => sendPush(ctx, message, opts.agent, send?.signal),
  };
}

export const webPushChannel = createWebPushChannel();

async function sendPush(
  ctx: AppContext,
  message: OutboxMessageRow,
  agent: Agent | undefined,
  signal: SendOptions['signal'],
): Promise<{ providerId?: string; statusCode?: number }> {
  const subscription = parsePushAddress(message.address);
  if (!subscription)
    throw new PermanentSendError('no push subscription in the address (erased or malformed)');
  if (!pushEndpointAllowed(ctx.config, subscription.endpoint))
    throw new PermanentSendError('push endpoint is not on PUSH_ENDPOINT_HOSTS');
  if (await pushSubscriptionGone(ctx, subscription.endpoint))
    throw new PermanentSendError('push subscription is gone (the push service said so before)', 410);
  const body = WebPushMessage.safeParse(safeJson(message.body));
  if (!body.success) throw new PermanentSendError('push body is not {title, body, url, tag}');

  const keys = await ensurePushKeys(ctx);
  const { subject } = vapidSubject(ctx.config);
  try {
    const sending = webpush.sendNotification(subscription, JSON.stringify(body.data), {
      vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: PUSH_TTL_SECONDS,
      urgency: 'high',
      topic: body.data.tag,
      contentEncoding: 'aes128gcm',
      timeout: ctx.config.OUTBOX_SEND_TIMEOUT_MS,
      ...(agent ? { agent } : {}),
    });
    const res = await (signal ? untilAborted(sending, signal) : sending);
    const location = res.headers.location;
    return { statusCode: res.statusCode, ...(typeof location === 'string' ? { providerId: location } : {}) };
  } catch (err) {
    if (!(err instanceof webpush.WebPushError)) throw new SendError(`push request failed: ${errorText(err)}`);
    const status = err.statusCode;
    const detail = `push service answered ${status}${err.body ? `: ${err.body.slice(0, 200)}` : ''}`;
    if (status === 404 || status === 410) {
      await markPushSubscriptionGone(ctx, subscription.endpoint, status);
      throw new PermanentSendError(`${detail} (subscription gone)`, status);
    }
    if (status >= 400 && status < 500 && status !== 408 && status !== 429)
      throw new PermanentSendError(detail, status);
    throw new SendError(detail, status);
  }
}

/** web-push takes no AbortSignal: stop waiting when it fires (the request ends by its own time-out). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new SendError('push send aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SendError('push send aborted (time-out or shutdown)'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
