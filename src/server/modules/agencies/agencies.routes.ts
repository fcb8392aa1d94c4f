import { z } from 'zod';
import { Agency, AgencyInput, AgencyPatch, AgencyView, Id } from '../../../shared/contracts/catalog.js';
import { authorize, guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './agencies.service.js';

const AgencyParams = MallParams.extend({ id: Id });

export async function agenciesRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/agencies',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['catalog'],
        summary: 'Agencies serving at the mall, with their hotlines',
        params: MallParams,
        querystring: z.object({ includeRetired: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(AgencyView) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      return {
        items: await service.listAgencies(ctx, req.actor, mall.id, req.query.includeRetired === 'true'),
      };
    },
  );

  app.get(
    '/api/v1/malls/:mall/agencies/:id',
    {
      config: { access: 'public', action: 'public.read' },
      schema: { tags: ['catalog'], params: AgencyParams, response: { 200: AgencyView } },
    },
    async (req) => {
      const mall = req.mall;
      return service.agencyView(
        req.actor,
        mall.id,
        service.toAgencyDto(await service.getAgency(ctx, mall.id, req.params.id)),
      );
    },
  );

  app.post(
    '/api/v1/malls/:mall/agencies',
    {
      config: { access: 'staff', action: 'catalog.manage' },
      schema: {
        tags: ['catalog'],
        summary: 'Add an agency (mall admin)',
        params: MallParams,
        body: AgencyInput,
        response: { 201: Agency },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'catalog.manage', { mallId: mall.id });
      return reply.status(201).send(await service.createAgency(ctx, actor, mall.id, req.body));
    },
  );

  app.patch(
    '/api/v1/malls/:mall/agencies/:id',
    {
      config: { access: 'staff', action: 'agency.manage' },
      schema: {
        tags: ['catalog'],
        summary: 'Update or retire (retired: true) an agency',
        params: AgencyParams,
        body: AgencyPatch.extend({ retired: z.boolean().optional() }),
        response: { 200: Agency },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'agency.manage', { mallId: mall.id, agencyId: req.params.id });
      // Retiring (or reactivating) takes the same permission whichever route asks for it.
      if (req.body.retired !== undefined)
        authorize(actor, 'agency.retire', { mallId: mall.id, agencyId: req.params.id });
      return service.updateAgency(ctx, actor, mall.id, req.params.id, req.body);
    },
  );

  app.post(
    '/api/v1/malls/:mall/agencies/:id/retire',
    {
      config: { access: 'staff', action: 'agency.retire' },
      schema: {
        tags: ['catalog'],
        summary: 'Retire an agency',
        params: AgencyParams,
        response: { 200: Agency },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'agency.retire', { mallId: mall.id, agencyId: req.params.id });
      return service.updateAgency(ctx, actor, mall.id, req.params.id, { retired: true });
    },
  );
}
