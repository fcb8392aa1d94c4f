import type { AppContext } from '../../context.js';
import type { App } from '../../http.js';
import { type MallRecord, resolveMall } from './malls.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The mall named by the route's `:mall` parameter; set by the hook below on every such route. */
    mall: MallRecord;
  }
}

/**
 * Resolves the mall once per request for every route under `/malls/:mall` (404 MALL_NOT_FOUND),
 * before the body is read, so handlers start from `req.mall` instead of repeating the lookup.
 */
export function registerMallHook(app: App, ctx: AppContext): void {
  app.decorateRequest('mall', null as unknown as MallRecord);
  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.url?.includes('/:mall')) return;
    req.mall = await resolveMall(ctx, String((req.params as { mall?: unknown }).mall ?? ''));
  });
}
