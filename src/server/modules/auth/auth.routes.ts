import { LoginInput, LoginResult, Me } from '../../../shared/contracts/users.js';
import { requireActor } from '../../auth/guard.js';
import { permissions } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { type App, NoContent } from '../../http.js';
import * as users from '../users/users.repo.js';
import { toUserDto } from '../users/users.service.js';
import * as service from './auth.service.js';

/**
 * Sign-in, the signed-in user, sign-out, and the hourly deletion of expired sessions (not under
 * NODE_ENV=test: tests share one PostgreSQL database and move their own clocks).
 */
export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  if (ctx.config.NODE_ENV !== 'test') {
    const stop = service.startSessionPruning(ctx);
    app.addHook('onClose', async () => stop());
  }
  app.post(
    '/api/v1/auth/login',
    {
      // Staff at one address sign in often (shift change); failed sign-ins have their own, tighter brake.
      config: { access: 'public', action: 'session.start', rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; returns a bearer token',
        body: LoginInput,
        response: { 200: LoginResult },
      },
    },
    async (req) => {
      const { token, actor } = await service.login(ctx, req.body.username, req.body.password, req.ip);
      const u = await users.findUser(ctx.database.db, actor.id);
      return { token, user: { ...toUserDto(u!, actor.counterIds), permissions: permissions(actor) } };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'staff', action: 'session.read' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and what it may do (permission scope per policy action)',
        response: { 200: Me },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const u = await users.findUser(ctx.database.db, actor.id);
      return { ...toUserDto(u!, actor.counterIds), permissions: permissions(actor) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public', action: 'session.start' },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: NoContent } },
    },
    async (req, reply) => {
      const h = req.headers.authorization;
      if (h?.startsWith('Bearer ')) await service.logout(ctx, h.slice(7).trim());
      return reply.status(204).send();
    },
  );
}
