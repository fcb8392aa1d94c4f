import { createHash } from 'node:crypto';
import webpush from 'web-push';
import { PushSubscription, type PushSubscriptionDto } from '../../../shared/contracts/push.js';
import { appendAudit } from '../../audit/audit.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import {
  insertPushGone,
  insertPushKeysIfAbsent,
  isPushGone,
  readPushKeys,
  type StoredPushKeys,
} from './push.repo.js';

const loaded = new WeakMap<AppContext, StoredPushKeys>();

/**
 * The installation's VAPID key pair: read from the database, or generated and stored on the very
 * first start. Nodes starting together each try insert-if-absent and then read back whichever pair
 * won, so every node signs with the same key. The creation is audited (chain 0, deployment-wide).
 */
export async function ensurePushKeys(ctx: AppContext): Promise<StoredPushKeys> {
  const known = loaded.get(ctx);
  if (known) return known;
  const db = ctx.database.db;
  let keys = await readPushKeys(db);
  if (!keys) {
    const fresh = webpush.generateVAPIDKeys();
    const at = ctx.now().toISOString();
    await inTransaction(db, async (tx) => {
      if (await insertPushKeysIfAbsent(tx.db, fresh, at))
        await appendAudit(tx, {
          mallId: null,
          actorId: null,
          action: 'push.keys.create',
          entity: 'push_keys',
          entityId: 1,
          after: { publicKey: fresh.publicKey },
          at,
        });
    });
    keys = await readPushKeys(db);
    if (!keys) throw new Error('push_keys: the key pair vanished right after it was stored');
  }
  loaded.set(ctx, keys);
  return keys;
}

/** The pair once this node has loaded it (at start-up), else undefined: the channel is not ready yet. */
export function loadedPushKeys(ctx: AppContext): StoredPushKeys | undefined {
  return loaded.get(ctx);
}

/**
 * Who push services may contact about our messages (the VAPID `sub` claim): PUSH_SUBJECT, else
 * MAIL_FROM's address as mailto:, else PUBLIC_URL when it is https. Push services accept only
 * mailto: or https: here, so a LAN-only mall without either gets a placeholder (logged at start).
 */
export function vapidSubject(config: Pick<Config, 'PUSH_SUBJECT' | 'PUBLIC_URL' | 'MAIL_FROM'>): {
  subject: string;
  configured: boolean;
} {
  if (config.PUSH_SUBJECT) return { subject: config.PUSH_SUBJECT, configured: true };
  const from = config.MAIL_FROM?.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? config.MAIL_FROM?.trim();
  if (from && /^[^\s@<>]+@[^\s@<>]+$/.test(from)) return { subject: `mailto:${from}`, configured: true };
  if (config.PUBLIC_URL?.startsWith('https://'))
    return { subject: new URL(config.PUBLIC_URL).origin, configured: true };
  return { subject: 'mailto:pengelola@satu-atap.invalid', configured: false };
}

/** Whether the endpoint is https on one of PUSH_ENDPOINT_HOSTS (or a subdomain of one). */
export function pushEndpointAllowed(config: Pick<Config, 'PUSH_ENDPOINT_HOSTS'>, endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return config.PUSH_ENDPOINT_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Parses an outbox address back into a subscription; null when it is not one (or was erased). */
export function parsePushAddress(address: string | null): PushSubscriptionDto | null {
  if (!address) return null;
  try {
    const parsed = PushSubscription.safeParse(JSON.parse(address));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How lists and logs show a subscription: the push service's host and the endpoint's last characters. */
export function maskPushSubscription(sub: Pick<PushSubscriptionDto, 'endpoint'>): string {
  let host = 'push';
  try {
    host = new URL(sub.endpoint).hostname;
  } catch {
    // keep the placeholder
  }
  return `push:${host}/…${sub.endpoint.slice(-4)}`;
}

const endpointHash = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

/** Whether the push service already said this subscription is gone (404/410). */
export function pushSubscriptionGone(ctx: AppContext, endpoint: string): Promise<boolean> {
  return isPushGone(ctx.database.db, endpointHash(endpoint));
}

/** Remembers that the push service called the subscription gone; later messages to it fail at once. */
export async function markPushSubscriptionGone(ctx: AppContext, endpoint: string, statusCode: number) {
  await insertPushGone(ctx.database.db, endpointHash(endpoint), statusCode, ctx.now().toISOString());
}
