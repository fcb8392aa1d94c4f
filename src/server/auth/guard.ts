import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { type Action, type Actor, can, type Resource } from './policy.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in staff member, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu (sign in required).');
  return req.actor;
}

/** Throws 403 unless the policy allows `action` on `resource`. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) {
    throw new AppError('FORBIDDEN', 'Anda tidak berwenang untuk tindakan ini (not allowed).');
  }
}

/** requireActor + authorize in one call, the usual first line of an admin route. */
export function guard(req: FastifyRequest, action: Action, resource: Resource): Actor {
  const actor = requireActor(req);
  authorize(actor, action, resource);
  return actor;
}
