/**
 * Satu Atap service worker (served at /sw.js, scope "/": one worker for every mall on this origin).
 * It only shows the citizen's ticket pushes ("your turn is near", "called") sent by the 'webpush'
 * outbox channel, and opens or focuses the ticket page on a tap. No fetch handler: pages load from
 * the network exactly as without it. Payload: {title, body, url, tag} (shared/contracts/push.ts).
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Satu Atap';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/push-icon.png',
      badge: '/push-badge.png',
      vibrate: [300, 100, 300, 100, 300],
      // One notification per ticket: "called" replaces "near", and still rings (renotify).
      tag: typeof data.tag === 'string' && data.tag ? data.tag : 'satu-atap',
      renotify: true,
      data: { url: typeof data.url === 'string' && data.url ? data.url : '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? '/', self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      // The ticket page already open (any query or hash): bring it forward instead of a second tab.
      for (const w of windows) {
        const u = new URL(w.url);
        if (u.origin === target.origin && u.pathname === target.pathname && 'focus' in w) return w.focus();
      }
      return self.clients.openWindow(target.href);
    })(),
  );
});
