import { z } from 'zod';
import { Mall } from '../../../shared/contracts/catalog.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './malls.service.js';

export async function mallsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls',
    {
      schema: {
        tags: ['malls'],
        summary: 'List the malls of this deployment',
        response: { 200: z.object({ items: z.array(Mall) }) },
      },
    },
    async () => ({ items: await service.listMalls(ctx) }),
  );
  app.get(
    '/api/v1/malls/:mall',
    { schema: { tags: ['malls'], summary: 'One mall by slug', params: MallParams, response: { 200: Mall } } },
    async (req) => service.toMallDto(await service.resolveMall(ctx, req.params.mall)),
  );
}
