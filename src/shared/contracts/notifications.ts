import { z } from 'zod';
import { NotifyWhenAhead } from './catalog.js';

/**
 * "Beri tahu saya": a citizen following a ticket asks to be told when few people are ahead and when
 * it is called, by WhatsApp, SMS, e-mail or web push. Public by the ticket's tracking code.
 */
export const NotifyChannel = z.enum(['whatsapp', 'sms', 'email', 'webpush']);
export const NotifyLocale = z.enum(['id', 'en']);

/**
 * A browser's push subscription (PushSubscription.toJSON()). The endpoint is the push service's
 * HTTPS address; plain http is accepted only on the loopback interface (a push service on this very
 * machine: development and tests), never towards the network.
 */
export const WebPushSubscription = z.object({
  endpoint: z
    .string()
    .max(1000)
    .url()
    .refine((u) => {
      // Runs even when .url() failed (zod 4): a malformed URL is simply not accepted here either.
      const url = URL.canParse(u) ? new URL(u) : null;
      return (
        url !== null &&
        (url.protocol === 'https:' ||
          (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)))
      );
    }, 'must be an https:// URL'),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().min(1).max(200),
    auth: z.string().min(1).max(100),
  }),
});

export const NotifyInput = z.strictObject({
  channel: NotifyChannel,
  /** A mobile number (whatsapp, sms: 08…, 628…, +628…) or an e-mail address (email). */
  address: z.string().trim().min(1).max(254).optional(),
  /** The browser's push subscription (webpush). */
  subscription: WebPushSubscription.optional(),
  /** Tell me when this many people (or fewer) are ahead; default: the mall's setting. */
  whenAhead: NotifyWhenAhead.optional(),
  /** The language of the messages; default Bahasa Indonesia. */
  locale: NotifyLocale.optional(),
});

export const NotifyStopQuery = z.strictObject({ channel: NotifyChannel });

/** What the citizen asked for, as it may be shown back (the address masked). */
export const NotifySubscription = z.object({
  channel: NotifyChannel,
  addressMasked: z.string(),
  whenAhead: z.number(),
});
