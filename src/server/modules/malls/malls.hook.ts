import type { FastifyRequest } from 'fastify';
import { can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
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
    if (req.mall.status === 'preparing') refuseWhilePreparing(req);
  });
}

/**
 * A mall in preparation has no public face: its catalog, queue and displays answer 409 MALL_NOT_OPEN
 * to citizens and devices (kiosks issue no tickets) until it is launched; its own staff and the
 * national admin work on it as usual. The mall's own record stays readable (it says "preparing").
 */
function refuseWhilePreparing(req: FastifyRequest): void {
  const url = req.routeOptions.url ?? '';
  if (!url.startsWith('/api/') || url === '/api/v1/malls/:mall') return;
  if (req.routeOptions.config?.access !== 'public') return;
  if (can(req.actor, 'catalog.readInternal', { mallId: req.mall.id })) return;
  throw new AppError('MALL_NOT_OPEN', 'Mal ini belum dibuka (this mall is still in preparation).');
}
