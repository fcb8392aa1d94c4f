import { z } from 'zod';
import { Counter, CounterInput, CounterPatch, Id } from '../../../shared/contracts/catalog.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './counters.service.js';

const CounterParams = MallParams.extend({ id: Id });

export async function countersRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/counters',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['counters'],
        summary: 'Counters with their agency and the services each serves',
        params: MallParams,
        response: { 200: z.object({ items: z.array(Counter) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      return { items: await service.listCounters(ctx, mall.id) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/counters',
    {
      config: { access: 'staff', action: 'counter.manage' },
      schema: {
        tags: ['counters'],
        summary: 'Add a counter',
        params: MallParams,
        body: CounterInput,
        response: { 201: Counter },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'counter.manage', { mallId: mall.id, agencyId: req.body.agencyId });
      const id = await service.createCounter(ctx, actor, mall.id, req.body);
      return reply.status(201).send(await service.getCounter(ctx, mall.id, id));
    },
  );

  app.patch(
    '/api/v1/malls/:mall/counters/:id',
    {
      config: { access: 'staff', action: 'counter.manage' },
      schema: {
        tags: ['counters'],
        summary: 'Update a counter: services served, open/closed/break, zone; retired: true removes it',
        params: CounterParams,
        body: CounterPatch.extend({ retired: z.boolean().optional() }),
        response: { 200: Counter.or(z.object({ id: z.number(), retired: z.literal(true) })) },
      },
    },
    async (req) => {
      const mall = req.mall;
      const agencyId = await service.counterAgencyId(ctx, mall.id, req.params.id);
      const actor = guard(req, 'counter.manage', { mallId: mall.id, agencyId });
      await service.updateCounter(ctx, actor, mall.id, req.params.id, req.body);
      if (req.body.retired) return { id: req.params.id, retired: true as const };
      return service.getCounter(ctx, mall.id, req.params.id);
    },
  );
}
