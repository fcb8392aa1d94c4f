import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import type { App } from './http.js';

/**
 * Serves the built React app (dist/web) and falls back to index.html for its client-side routes
 * (/{mall}/kiosk, /{mall}/display …). Unknown /api paths answer a JSON 404 instead.
 */
export async function registerWeb(app: App, ctx: AppContext): Promise<void> {
  const root = path.resolve(ctx.config.WEB_DIST);
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const isApi = url.startsWith('/api/') || url === '/api';
    if (isApi || req.method !== 'GET' || !hasWeb) {
      throw new AppError('ROUTE_NOT_FOUND', `Alamat tidak ditemukan (no route ${req.method} ${url}).`);
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
