import { api, type BodyOf } from './api';

/**
 * What this browser can do about Web Push right now:
 * - 'insecure': the page came over plain HTTP from a LAN address; browsers keep service workers and
 *   push to secure contexts (HTTPS, or localhost), so the mall must be reached over HTTPS.
 * - 'unsupported': no service worker / Push API / notifications (an old browser; Safari on iPhone
 *   outside a home-screen app).
 * - 'denied': the citizen (or the browser) blocked notifications for this site.
 */
export type PushSupport = 'ready' | 'insecure' | 'unsupported' | 'denied';

export function pushSupport(): PushSupport {
  if (typeof window === 'undefined') return 'unsupported';
  // Checked first: on plain HTTP the Push API is hidden, so it would look like an old browser.
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return 'unsupported';
  return Notification.permission === 'denied' ? 'denied' : 'ready';
}

/** Why subscribing stopped before it reached the push service. */
export class PushUnavailable extends Error {
  constructor(readonly reason: Exclude<PushSupport, 'ready'> | 'dismissed' | 'timeout') {
    super(`push unavailable: ${reason}`);
  }
}

/**
 * Asks for notification permission (call it straight from a tap: browsers allow the prompt only
 * then), registers the service worker at the site root, and subscribes this browser with the
 * installation's VAPID key. A subscription made with another key (a reinstalled server) is
 * replaced. Answers the subscription as the notify endpoint takes it.
 *
 * The browser registers with its vendor's push service while subscribing; where that service cannot
 * be reached (no internet on the mall's network) `subscribe()` hangs, so it is given `timeoutMs`.
 */
export async function subscribePush(mallSlug: string, timeoutMs = 20_000): Promise<PushSubscriptionJSON> {
  const support = pushSupport();
  if (support !== 'ready') throw new PushUnavailable(support);
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushUnavailable(permission === 'denied' ? 'denied' : 'dismissed');
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const [registration, { publicKey }] = await Promise.all([
    navigator.serviceWorker.ready,
    api.get('/api/v1/malls/{mall}/push/public-key', { params: { path: { mall: mallSlug } } }),
  ]);
  const key = fromBase64Url(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameBytes(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await withTimeout(
    registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
    timeoutMs,
  );
  return subscription.toJSON();
}

/** The web push subscription the notify endpoint takes (channel "webpush"). */
export type PushSubscriptionDto = NonNullable<
  BodyOf<'post', '/api/v1/malls/{mall}/tickets/{trackingCode}/notify'>['subscription']
>;

/** The subscription in the shape the notify endpoint validates (shared/contracts/push.ts). */
export function asSubscriptionDto(json: PushSubscriptionJSON): PushSubscriptionDto {
  return {
    endpoint: json.endpoint ?? '',
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PushUnavailable('timeout')), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
