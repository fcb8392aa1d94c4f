import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { type Action, type Actor, can, type Resource, type Subject } from './policy.js';

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

/** Throws unless the policy allows `action` on `resource`: 401 for an anonymous caller, else 403. */
export function authorize(subject: Subject, action: Action, resource: Resource): void {
  if (can(subject, action, resource)) return;
  if (!subject) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu (sign in required).');
  throw new AppError('FORBIDDEN', 'Anda tidak berwenang untuk tindakan ini (not allowed).');
}

/** requireActor + authorize in one call, the usual first line of an admin route. */
export function guard(req: FastifyRequest, action: Action, resource: Resource): Actor {
  const actor = requireActor(req);
  authorize(actor, action, resource);
  return actor;
}
