import { z } from 'zod';

/** base64url (RFC 4648 §5), padding tolerated: what browsers hand out in PushSubscription.toJSON(). */
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * A browser's push subscription as `PushSubscription.toJSON()` gives it: the push service's https
 * endpoint and the keys its payloads are encrypted for (P-256 public key, 65 bytes → 87 characters;
 * auth secret, 16 bytes → 22 characters). It is the address of a 'webpush' outbox message.
 */
export const PushSubscription = z.object({
  endpoint: z
    .string()
    .max(2048)
    .url()
    .regex(/^https:\/\//, 'a push service URL starting with https://'),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().min(86).max(88).regex(BASE64URL, 'base64url'),
    auth: z.string().min(22).max(24).regex(BASE64URL, 'base64url'),
  }),
});
export type PushSubscriptionDto = z.infer<typeof PushSubscription>;

/** GET /malls/{mall}/push/public-key: the VAPID key browsers subscribe with (applicationServerKey). */
export const PushPublicKey = z.object({
  /** base64url of the uncompressed P-256 public key (65 bytes). */
  publicKey: z.string(),
});

/**
 * What a 'webpush' outbox message carries and the service worker (src/web/public/sw.js) shows:
 * the notification's title and text, the page a tap opens, and a tag (a later message with the same
 * tag replaces the earlier one on the phone, and on the push service while still undelivered).
 */
export const WebPushMessage = z.object({
  title: z.string().min(1).max(120),
  body: z.string().max(500),
  url: z.string().min(1).max(2048),
  tag: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'),
});
export type WebPushMessageDto = z.infer<typeof WebPushMessage>;
