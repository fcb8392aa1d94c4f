import { z } from 'zod';
import {
  Id,
  ServiceDetail,
  ServiceInput,
  ServiceListQuery,
  ServicePatch,
  ServiceSummary,
  StandardVersion,
} from '../../../shared/contracts/catalog.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { dayBounds } from '../queue/tickets.service.js';
import * as service from './services.service.js';

const ServiceParams = MallParams.extend({ id: Id });

/** The mall's local day as UTC bounds, for today's quota. */
const today = (ctx: AppContext, tz: string) => dayBounds(localMoment(ctx.now(), tz).date, tz);

export async function servicesRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/services',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['catalog'],
        summary:
          'Search the catalog (case/diacritics-insensitive; understands skck, sim, ktp, kk, npwp, pbg …)',
        params: MallParams,
        querystring: ServiceListQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(ServiceSummary) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      return service.listServices(ctx, mall.id, req.query, today(ctx, mall.timezone));
    },
  );

  app.get(
    '/api/v1/malls/:mall/services/:id',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['catalog'],
        summary:
          'A service with its published standard (requirements, procedure, time, fee, product, complaints)',
        params: ServiceParams,
        response: { 200: ServiceDetail },
      },
    },
    async (req) => {
      const mall = req.mall;
      return service.getServiceDetail(ctx, mall.id, req.params.id, today(ctx, mall.timezone));
    },
  );

  app.get(
    '/api/v1/malls/:mall/services/:id/standards',
    {
      config: { access: 'staff', action: 'standard.read' },
      schema: {
        tags: ['catalog'],
        summary: 'Every version of the full 14-component standard, with validity dates (staff)',
        params: ServiceParams,
        response: { 200: z.object({ items: z.array(StandardVersion) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      const agencyId = await service.serviceAgencyId(ctx, mall.id, req.params.id);
      guard(req, 'standard.read', { mallId: mall.id, agencyId });
      return { items: await service.standardHistory(ctx, mall.id, req.params.id) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/services',
    {
      config: { access: 'staff', action: 'service.manage' },
      schema: {
        tags: ['catalog'],
        summary: 'Add a service with its standard',
        params: MallParams,
        body: ServiceInput,
        response: { 201: ServiceDetail },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'service.manage', { mallId: mall.id, agencyId: req.body.agencyId });
      const id = await service.createService(ctx, actor, mall.id, req.body);
      return reply.status(201).send(await service.getServiceDetail(ctx, mall.id, id));
    },
  );

  app.patch(
    '/api/v1/malls/:mall/services/:id',
    {
      config: { access: 'staff', action: 'service.manage' },
      schema: {
        tags: ['catalog'],
        summary: 'Update a service; a changed standard becomes a new version',
        params: ServiceParams,
        body: ServicePatch.extend({ retired: z.boolean().optional() }),
        response: { 200: ServiceDetail },
      },
    },
    async (req) => {
      const mall = req.mall;
      const agencyId = await service.serviceAgencyId(ctx, mall.id, req.params.id);
      const actor = guard(req, 'service.manage', { mallId: mall.id, agencyId });
      if (req.body.agencyId !== undefined)
        guard(req, 'service.manage', { mallId: mall.id, agencyId: req.body.agencyId });
      await service.updateService(ctx, actor, mall.id, req.params.id, req.body);
      return service.getServiceDetail(ctx, mall.id, req.params.id);
    },
  );

  app.post(
    '/api/v1/malls/:mall/services/:id/retire',
    {
      config: { access: 'staff', action: 'service.manage' },
      schema: {
        tags: ['catalog'],
        summary: 'Retire a service',
        params: ServiceParams,
        response: { 200: z.object({ id: z.number(), retired: z.literal(true) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      const agencyId = await service.serviceAgencyId(ctx, mall.id, req.params.id);
      const actor = guard(req, 'service.manage', { mallId: mall.id, agencyId });
      await service.updateService(ctx, actor, mall.id, req.params.id, { retired: true });
      return { id: req.params.id, retired: true as const };
    },
  );
}
