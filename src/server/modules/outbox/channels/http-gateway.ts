import type { AppContext } from '../../../context.js';
import {
  type OutboxChannel,
  type OutboxMessageRow,
  PermanentSendError,
  SendError,
  type SendOptions,
  type SendResult,
} from '../outbox.types.js';

/** What a gateway channel reads from the configuration. */
export interface GatewaySettings {
  url: string;
  token?: string;
  /** JSON body template with {{to}}, {{to_digits}}, {{text}}; default {"to":"{{to}}","text":"{{text}}"}. */
  body?: string;
  /** Send the token raw in this header (e.g. Fonnte's `Authorization: <token>`); default Bearer. */
  authHeader?: string;
  /** json (default), or form: the filled body's top-level fields as a urlencoded form (Fonnte). */
  format?: 'json' | 'form';
}

const DEFAULT_BODY = '{"to":"{{to}}","text":"{{text}}"}';

/** Fills the body template; values are JSON-escaped, so the template's quotes hold them. */
export function gatewayBody(template: string | undefined, to: string, text: string): string {
  const values: Record<string, string> = { to, to_digits: to.replace(/\D/g, ''), text };
  return (template ?? DEFAULT_BODY).replace(/\{\{(to|to_digits|text)\}\}/g, (_, k: string) =>
    JSON.stringify(values[k]).slice(1, -1),
  );
}

/** The request body and its content type: the filled template as JSON, or its fields as a form. */
export function gatewayRequest(
  settings: Pick<GatewaySettings, 'body' | 'format'>,
  to: string,
  text: string,
): { contentType: string; body: string } {
  const json = gatewayBody(settings.body, to, text);
  if (settings.format !== 'form') return { contentType: 'application/json', body: json };
  const fields = JSON.parse(json) as Record<string, unknown>;
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

/** The gateway's own id for the message, where its answer has one in a common place. */
function providerIdOf(answer: unknown): string | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as Record<string, unknown>;
  const data = a.data && typeof a.data === 'object' ? (a.data as Record<string, unknown>) : {};
  for (const v of [a.id, a.message_id, a.messageId, a.sid, data.id, data.message_id]) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string' || typeof first === 'number') return String(first).slice(0, 200);
  }
  return undefined;
}

/**
 * Sends one text over an HTTP gateway: 2xx is delivered; 4xx other than 408/429 means the request
 * itself is refused (bad number, bad token) and no retry can fix it; anything else (5xx, 408, 429,
 * a network error, a timeout) is retried. Several Indonesian gateways answer 200 with
 * `{"status": false, "reason": …}`; that is a failure to retry too.
 */
export async function sendViaGateway(
  settings: GatewaySettings,
  message: OutboxMessageRow,
  signal?: AbortSignal,
): Promise<SendResult> {
  if (!message.address) throw new PermanentSendError('address erased before sending');
  const { text } = JSON.parse(message.body) as { text?: unknown };
  if (typeof text !== 'string' || !text) throw new PermanentSendError('message has no text');
  const request = gatewayRequest(settings, message.address, text);
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    'idempotency-key': message.idempotency_key,
  };
  if (settings.token) {
    if (settings.authHeader) headers[settings.authHeader.toLowerCase()] = settings.token;
    else headers.authorization = `Bearer ${settings.token}`;
  }
  const res = await fetch(settings.url, {
    method: 'POST',
    headers,
    body: request.body,
    signal,
  });
  const raw = await res.text();
  let answer: unknown;
  try {
    answer = JSON.parse(raw);
  } catch {
    answer = undefined;
  }
  const said = raw.slice(0, 300);
  if (res.status >= 200 && res.status < 300) {
    const a = answer as { status?: unknown; success?: unknown } | undefined;
    if (a && (a.status === false || a.success === false))
      throw new SendError(`gateway refused: ${said}`, res.status);
    return { providerId: providerIdOf(answer), statusCode: res.status };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
    throw new PermanentSendError(`gateway answered ${res.status}: ${said}`, res.status);
  throw new SendError(`gateway answered ${res.status}: ${said}`, res.status);
}

function gatewayChannel(name: 'whatsapp' | 'sms', settings: (ctx: AppContext) => GatewaySettings | null) {
  const channel: OutboxChannel = {
    name,
    configured: (ctx) => settings(ctx) !== null,
    send(ctx: AppContext, message: OutboxMessageRow, opts?: SendOptions) {
      const s = settings(ctx);
      if (!s) throw new SendError(`${name} gateway not configured`);
      return sendViaGateway(s, message, opts?.signal);
    },
  };
  return channel;
}

export const whatsappChannel = gatewayChannel('whatsapp', ({ config: c }) =>
  c.WHATSAPP_GATEWAY_URL
    ? {
        url: c.WHATSAPP_GATEWAY_URL,
        token: c.WHATSAPP_GATEWAY_TOKEN,
        body: c.WHATSAPP_GATEWAY_BODY,
        authHeader: c.WHATSAPP_GATEWAY_AUTH_HEADER,
        format: c.WHATSAPP_GATEWAY_FORMAT,
      }
    : null,
);

export const smsChannel = gatewayChannel('sms', ({ config: c }) =>
  c.SMS_GATEWAY_URL
    ? {
        url: c.SMS_GATEWAY_URL,
        token: c.SMS_GATEWAY_TOKEN,
        body: c.SMS_GATEWAY_BODY,
        authHeader: c.SMS_GATEWAY_AUTH_HEADER,
        format: c.SMS_GATEWAY_FORMAT,
      }
    : null,
);
