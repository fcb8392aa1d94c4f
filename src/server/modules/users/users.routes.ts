import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import { User, UserInput, UserPatch } from '../../../shared/contracts/users.js';
import { guard, requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { resolveMall } from '../malls/malls.service.js';
import * as service from './users.service.js';

const UserParams = MallParams.extend({ id: Id });

export async function usersRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/users',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary: 'Staff of the mall',
        params: MallParams,
        response: { 200: z.object({ items: z.array(User) }) },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = guard(req, 'users.read', { mallId: mall.id });
      const all = await service.listUsers(ctx, mall.id);
      // Agency admins see the staff of their own agency only.
      return {
        items: actor.role === 'agency_admin' ? all.filter((u) => u.agencyId === actor.agencyId) : all,
      };
    },
  );

  app.post(
    '/api/v1/malls/:mall/users',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add a staff account with a scoped role',
        params: MallParams,
        body: UserInput,
        response: { 201: User },
      },
    },
    async (req, reply) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = requireActor(req);
      guard(req, 'users.read', { mallId: mall.id });
      return reply.status(201).send(await service.createUser(ctx, actor, mall.id, req.body));
    },
  );

  app.patch(
    '/api/v1/malls/:mall/users/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Update a staff account (role, counters, password, disabled)',
        params: UserParams,
        body: UserPatch,
        response: { 200: User },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = requireActor(req);
      return service.updateUser(ctx, actor, mall.id, req.params.id, req.body);
    },
  );

  app.post(
    '/api/v1/malls/:mall/users/:id/disable',
    {
      schema: {
        tags: ['staff'],
        summary: 'Disable a staff account and end its sessions',
        params: UserParams,
        response: { 200: User },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = requireActor(req);
      return service.updateUser(ctx, actor, mall.id, req.params.id, { disabled: true });
    },
  );

  app.post(
    '/api/v1/malls/:mall/users/:id/unlock',
    {
      schema: {
        tags: ['staff'],
        summary: 'Lift the sign-in delay of an account after wrong passwords (mall admins)',
        params: UserParams,
        response: { 200: User },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = requireActor(req);
      return service.unlockUser(ctx, actor, mall.id, req.params.id);
    },
  );
}
