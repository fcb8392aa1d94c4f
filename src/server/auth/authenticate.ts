import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import * as apiKeys from '../modules/api-keys/api-keys.service.js';
import * as authService from '../modules/auth/auth.service.js';
import * as devices from '../modules/devices/devices.service.js';
import { requireActor } from './guard.js';
import { type Action, type DeviceActor, deviceCan, scopeIn } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may reach the route at all: 'public' (citizens, displays, kiosks), 'device' (a paired kiosk
     * or display only) or 'staff' (a signed-in user; the policy then decides what they may do). Every API route declares it (access.test.ts).
     */
    access?: 'public' | 'staff' | 'device';
    /** The policy action the route performs (see policy.ts); declared by every API route. */
    action?: Action;
  }
}

/**
 * preValidation hook, the route-level gate: an anonymous request to a staff route gets 401, and a
 * signed-in user whose role never allows the route's action in this mall gets 403, both before the
 * body is validated, so nothing about the route's contract leaks to a caller who may not use it.
 * The handler then checks the resource itself (which agency, which counter) with the policy.
 * Routes of plugins (static files, API docs) declare nothing: their GETs are public.
 */
export async function gateRoute(req: FastifyRequest): Promise<void> {
  const config = req.routeOptions.config;
  const access = config?.access ?? (req.method === 'GET' || req.method === 'HEAD' ? 'public' : 'staff');
  if (access === 'device') {
    // A paired kiosk or display only (its own state, its check-in), and only in its own mall.
    const device = requireDevice(req);
    if (req.mall && !deviceCan(device, 'device.self', { mallId: req.mall.id }))
      throw new AppError('FORBIDDEN', 'Perangkat ini milik mal lain (this device belongs to another mall).');
    return;
  }
  if (access !== 'staff' || !req.routeOptions.url) return;
  const actor = requireActor(req);
  if (!config?.action) return;
  const mallId = req.mall?.id ?? actor.mallId ?? 0;
  if (scopeIn(actor, config.action, mallId) === 'none')
    throw new AppError('FORBIDDEN', 'Anda tidak berwenang untuk tindakan ini (not allowed).');
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The paired kiosk or display board behind a device token, or null. */
    device: devices.AuthenticatedDevice | null;
  }
}

/**
 * onRequest hook: resolves the bearer token once per request, either to a signed-in staff member
 * (`req.actor`), for API keys ("sa_…") to an integrator actor (`req.actor` with role 'integrator',
 * which the policy confines to its key's scopes), or, for tokens with the device prefix, to a paired
 * kiosk or display (`req.device`).
 * Routes then decide what they need; an unknown or revoked token simply leaves both null.
 */
export function resolveBearer(ctx: AppContext) {
  return async (req: FastifyRequest): Promise<void> => {
    const h = req.headers.authorization;
    if (!h?.startsWith('Bearer ')) return;
    const token = h.slice(7).trim();
    if (devices.isDeviceToken(token)) req.device = await devices.authenticateDevice(ctx, token);
    else if (apiKeys.isApiKey(token)) req.actor = await apiKeys.authenticateApiKey(ctx, token);
    else req.actor = await authService.authenticate(ctx, token);
  };
}

/** The paired device making the request, or 401 DEVICE_REQUIRED (its screen then shows pairing). */
export function requireDevice(req: FastifyRequest): DeviceActor {
  if (!req.device)
    throw new AppError('DEVICE_REQUIRED', 'Perangkat belum dipasangkan (this device is not paired).');
  return req.device;
}
