import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import * as authService from '../modules/auth/auth.service.js';
import * as devices from '../modules/devices/devices.service.js';
import { requireActor } from './guard.js';
import type { DeviceActor } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may reach the route at all: 'public' (citizens, displays, kiosks) or 'staff' (a signed-in
     * user; the policy then decides what they may do). Default: GET is public, other methods staff.
     */
    access?: 'public' | 'staff';
  }
}

/**
 * preValidation hook: an anonymous request to a staff route gets 401 before its body is validated,
 * so nothing about the route's contract leaks to a caller who may not use it.
 */
export async function requireStaffWhereNeeded(req: FastifyRequest): Promise<void> {
  const access =
    req.routeOptions.config?.access ?? (req.method === 'GET' || req.method === 'HEAD' ? 'public' : 'staff');
  if (access === 'staff' && req.routeOptions.url) requireActor(req);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The paired kiosk or display board behind a device token, or null. */
    device: DeviceActor | null;
  }
}

/**
 * onRequest hook: resolves the bearer token once per request, either to a signed-in staff member
 * (`req.actor`) or, for tokens with the device prefix, to a paired kiosk or display (`req.device`).
 * Routes then decide what they need; an unknown or revoked token simply leaves both null.
 */
export function resolveBearer(ctx: AppContext) {
  return async (req: FastifyRequest): Promise<void> => {
    const h = req.headers.authorization;
    if (!h?.startsWith('Bearer ')) return;
    const token = h.slice(7).trim();
    if (devices.isDeviceToken(token)) req.device = await devices.authenticateDevice(ctx, token);
    else req.actor = await authService.authenticate(ctx, token);
  };
}

/** The paired device making the request, or 401 DEVICE_REQUIRED (its screen then shows pairing). */
export function requireDevice(req: FastifyRequest): DeviceActor {
  if (!req.device)
    throw new AppError('DEVICE_REQUIRED', 'Perangkat belum dipasangkan (this device is not paired).');
  return req.device;
}
