import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../../../context.js';
import {
  type OutboxChannel,
  type OutboxMessageRow,
  PermanentSendError,
  SendError,
  type SendOptions,
} from '../outbox.types.js';

/** One SMTP transport per configuration (tests run several apps in one process). */
const transports = new WeakMap<AppContext['config'], Transporter>();

function transportOf(ctx: AppContext): Transporter {
  const known = transports.get(ctx.config);
  if (known) return known;
  const timeout = ctx.config.OUTBOX_SEND_TIMEOUT_MS;
  const t = nodemailer.createTransport({
    url: ctx.config.SMTP_URL,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  transports.set(ctx.config, t);
  return t;
}

/** MAIL_FROM, else no-reply at the SMTP server's domain. */
function sender(ctx: AppContext): string {
  if (ctx.config.MAIL_FROM) return ctx.config.MAIL_FROM;
  const host = new URL(ctx.config.SMTP_URL ?? 'smtp://localhost').hostname;
  return `Satu Atap <no-reply@${host}>`;
}

/**
 * E-mail over SMTP with nodemailer. The Message-ID comes from the idempotency key, so a message
 * resent after a node died mid-send carries the same id and mail clients show it once. SMTP 5xx
 * (mailbox unknown, refused) fails the message at once; 4xx and connection errors are retried.
 */
export const emailChannel: OutboxChannel = {
  name: 'email',
  configured: (ctx) => Boolean(ctx.config.SMTP_URL),
  async send(ctx: AppContext, message: OutboxMessageRow, opts?: SendOptions) {
    if (!message.address) throw new PermanentSendError('address erased before sending');
    const body = JSON.parse(message.body) as { subject?: unknown; text?: unknown; html?: unknown };
    if (typeof body.text !== 'string' || !body.text) throw new PermanentSendError('message has no text');
    const id = createHash('sha256').update(message.idempotency_key).digest('hex').slice(0, 32);
    const sending = transportOf(ctx).sendMail({
      from: sender(ctx),
      to: message.address,
      subject: typeof body.subject === 'string' ? body.subject : '',
      text: body.text,
      html: typeof body.html === 'string' ? body.html : undefined,
      messageId: `<${id}@satu-atap>`,
      headers: { 'X-Satu-Atap-Event': message.event },
    });
    try {
      const info = await abortable(sending, opts?.signal);
      return { providerId: String(info.messageId ?? '').slice(0, 200) || undefined };
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
      if (code !== undefined && code >= 500) throw new PermanentSendError(`SMTP ${code}: ${e.message}`, code);
      throw new SendError(code ? `SMTP ${code}: ${e.message}` : e.message, code);
    }
  },
};

function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SendError('send aborted (timeout or shutdown)'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
