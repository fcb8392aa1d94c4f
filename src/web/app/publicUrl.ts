/**
 * The server's public address (PUBLIC_URL, or its LAN address), which the server writes into the
 * page as <meta name="satu-atap-public-url">. QR codes and links use it, so a kiosk opened as
 * http://localhost still prints an address a citizen's phone can open. Without the tag (Vite's dev
 * server) the page's own origin is used.
 */
export function publicUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="satu-atap-public-url"]');
  return (meta?.content || window.location.origin).replace(/\/+$/, '');
}
