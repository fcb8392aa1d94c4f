import os from 'node:os';
import type { Config } from './config.js';

/**
 * The address citizens' phones and other machines use to reach this server: printed in the slip's
 * QR code, in links and in the start-up banner. PUBLIC_URL when set (behind a reverse proxy or with
 * a DNS name it must be); else, when listening on every interface, this machine's first LAN IPv4
 * address (a kiosk opened as http://localhost must not print "localhost" on a slip); else HOST.
 */
export function resolvePublicUrl(config: Config): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const scheme = config.TLS_CERT_FILE ? 'https' : 'http';
  const wildcard = config.HOST === '0.0.0.0' || config.HOST === '::';
  const host = wildcard ? (lanAddress() ?? 'localhost') : config.HOST;
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}

function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}
