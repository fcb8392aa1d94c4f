import { z } from 'zod';
import { Mall, MallInput, MallPatch, Zone, ZoneInput } from '../../../shared/contracts/catalog.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as admin from './malls.admin.js';
import * as service from './malls.service.js';

export async function mallsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['malls'],
        summary: 'List the malls of this deployment',
        response: { 200: z.object({ items: z.array(Mall) }) },
      },
    },
    async () => ({ items: await service.listMalls(ctx) }),
  );
  app.post(
    '/api/v1/malls',
    {
      config: { access: 'staff', action: 'mall.create' },
      schema: {
        tags: ['malls'],
        summary: 'Create a mall (national admin)',
        body: MallInput,
        response: { 201: Mall },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'mall.create', { mallId: 0 });
      return reply.status(201).send(await admin.createMall(ctx, actor, req.body));
    },
  );
  app.get(
    '/api/v1/malls/:mall',
    {
      config: { access: 'public', action: 'public.read' },
      schema: { tags: ['malls'], summary: 'One mall by slug', params: MallParams, response: { 200: Mall } },
    },
    async (req) => service.toMallDto(req.mall),
  );
  app.patch(
    '/api/v1/malls/:mall',
    {
      config: { access: 'staff', action: 'mall.update' },
      schema: {
        tags: ['malls'],
        summary:
          'Update a mall: name, address, time zone, working week, default "notify when N ahead", personal-data retention days',
        params: MallParams,
        body: MallPatch,
        response: { 200: Mall },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'mall.update', { mallId: mall.id });
      return admin.updateMall(ctx, actor, mall, req.body);
    },
  );
  app.get(
    '/api/v1/malls/:mall/zones',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['malls'],
        summary: 'Display zones (e.g. floors)',
        params: MallParams,
        response: { 200: z.object({ items: z.array(Zone) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      return { items: await admin.listZones(ctx, mall.id) };
    },
  );
  app.post(
    '/api/v1/malls/:mall/zones',
    {
      config: { access: 'staff', action: 'catalog.manage' },
      schema: {
        tags: ['malls'],
        summary: 'Add or rename a display zone',
        params: MallParams,
        body: ZoneInput,
        response: { 201: Zone },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'catalog.manage', { mallId: mall.id });
      return reply.status(201).send(await admin.saveZone(ctx, actor, mall.id, req.body));
    },
  );
}
