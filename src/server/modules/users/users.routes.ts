import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import { User, UserInput, UserPatch } from '../../../shared/contracts/users.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './users.service.js';

const UserParams = MallParams.extend({ id: Id });

export async function usersRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/users',
    {
      config: { access: 'staff', action: 'users.read' },
      schema: {
        tags: ['staff'],
        summary: 'Staff of the mall',
        params: MallParams,
        response: { 200: z.object({ items: z.array(User) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'users.read', { mallId: mall.id });
      return { items: await service.listUsers(ctx, actor, mall.id) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/users',
    {
      config: { access: 'staff', action: 'users.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Add a staff account with a scoped role',
        params: MallParams,
        body: UserInput,
        response: { 201: User },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'users.manage', { mallId: mall.id });
      return reply.status(201).send(await service.createUser(ctx, actor, mall.id, req.body));
    },
  );

  app.patch(
    '/api/v1/malls/:mall/users/:id',
    {
      config: { access: 'staff', action: 'users.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Update a staff account (role, counters, password, disabled)',
        params: UserParams,
        body: UserPatch,
        response: { 200: User },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'users.manage', { mallId: mall.id });
      return service.updateUser(ctx, actor, mall.id, req.params.id, req.body);
    },
  );

  app.post(
    '/api/v1/malls/:mall/users/:id/disable',
    {
      config: { access: 'staff', action: 'users.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Disable a staff account and end its sessions',
        params: UserParams,
        response: { 200: User },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'users.manage', { mallId: mall.id });
      return service.updateUser(ctx, actor, mall.id, req.params.id, { disabled: true });
    },
  );

  app.post(
    '/api/v1/malls/:mall/users/:id/unlock',
    {
      config: { access: 'staff', action: 'users.unlock' },
      schema: {
        tags: ['staff'],
        summary: 'Lift the sign-in delay of an account after wrong passwords (mall admins)',
        params: UserParams,
        response: { 200: User },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'users.unlock', { mallId: mall.id });
      return service.unlockUser(ctx, actor, mall.id, req.params.id);
    },
  );
}
