import { z } from 'zod';
import { NotifyWhenAhead } from './catalog.js';
import { PushSubscription } from './push.js';

/**
 * "Beri tahu saya": a citizen following a ticket asks to be told when few people are ahead and when
 * it is called, by WhatsApp, SMS, e-mail or web push. Public by the ticket's tracking code.
 */
export const NotifyChannel = z.enum(['whatsapp', 'sms', 'email', 'webpush']);
export const NotifyLocale = z.enum(['id', 'en']);

export const NotifyInput = z.strictObject({
  channel: NotifyChannel,
  /** A mobile number (whatsapp, sms: 08…, 628…, +628…) or an e-mail address (email). */
  address: z.string().trim().min(1).max(254).optional(),
  /** The browser's push subscription (webpush). */
  subscription: PushSubscription.optional(),
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
