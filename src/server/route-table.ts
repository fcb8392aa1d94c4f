import type { RouteOptions } from 'fastify';
import type { ZodType } from 'zod';
import type { App } from './http.js';

/** One registered route as the access and fuzz tests see it. */
export interface RouteEntry {
  method: string;
  url: string;
  config: RouteOptions['config'];
  schema: { params?: ZodType; querystring?: ZodType; body?: ZodType; hide?: boolean } | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its config and schemas, collected as routes are added (see route-table.ts). */
    routeTable: RouteEntry[];
  }
}

/**
 * Collects every route's method, URL, config and schemas as it is registered, so tests can walk the
 * real route table (the role × route matrix, the fuzz test) instead of a hand-kept list that drifts.
 */
export function collectRoutes(app: App): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        config: route.config,
        schema: route.schema as RouteEntry['schema'],
      });
    }
  });
}
