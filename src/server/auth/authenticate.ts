import type { FastifyRequest } from 'fastify';
import { requireActor } from './guard.js';

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
