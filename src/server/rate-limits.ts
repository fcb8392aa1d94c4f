import type { FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import type { App } from './http.js';

/**
 * Every anonymous write (a public route with a method other than GET/HEAD: tickets from non-device
 * callers, device pairing, sign-in…) gets a per-address rate limit (a route may set its own numbers).
 * Signed-in staff and paired devices (kiosk tickets) are exempt: they are known, and a kiosk in a
 * busy hall issues tickets all day. The address is `req.ip` (TRUST_PROXY decides whether
 * X-Forwarded-For counts). Must be called before @fastify/rate-limit registers, whose onRoute hook
 * reads the config this one sets.
 */
export function limitAnonymousWrites(app: App, ctx: AppContext): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const write = methods.some((m) => m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS');
    if (!write || route.config?.access !== 'public' || route.config.rateLimit === false) return;
    route.config = {
      ...route.config,
      rateLimit: {
        max: ctx.config.RATE_LIMIT_ANONYMOUS_WRITES,
        timeWindow: 60_000,
        allowList: (req: FastifyRequest) => isKnownCaller(req),
        errorResponseBuilder: (_req: FastifyRequest, c: { ttl: number }) => rateLimited(c.ttl),
        // A route may set its own max/timeWindow (sign-in); the answer stays the same.
        ...(route.config.rateLimit ?? {}),
      },
    };
  });
}

/** A signed-in staff member or a paired kiosk/display (the bearer token is resolved in onRequest first). */
function isKnownCaller(req: FastifyRequest): boolean {
  return req.actor != null || req.device != null;
}

function rateLimited(ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError(
    'RATE_LIMITED',
    `Terlalu banyak permintaan dari alamat ini. Coba lagi dalam ${seconds} detik (too many requests from this address; try again in ${seconds} seconds).`,
    { retryAfterSeconds: seconds },
  );
}
