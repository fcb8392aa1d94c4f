import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { resolveMall, toMallDto } from './modules/malls/malls.service.js';
import { sendOpen311Error } from './modules/open311/open311.routes.js';
import { resolvePublicUrl } from './public-url.js';

/** Vite puts content-hashed files under assets/: their content never changes under that name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built React app (dist/web) and falls back to index.html for its client-side routes
 * (/{mall}/kiosk, /{mall}/display …). Unknown /api paths answer a JSON 404 instead.
 * Assets are sent pre-compressed (.br/.gz written by the Vite build) when the browser accepts it;
 * hashed assets are cached as immutable, everything else (index.html above all) is revalidated so a
 * new release reaches every screen on its next load. index.html carries the public URL
 * (PUBLIC_URL) that QR codes and links use, and — for a mall's own pages (/{mall}/…) — the mall's
 * public record, so the screen draws at once instead of waiting one more round trip for it (seconds
 * on a phone's slow network).
 */
export async function registerWeb(app: App, ctx: AppContext): Promise<void> {
  const root = path.resolve(ctx.config.WEB_DIST);
  const indexFile = path.join(root, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, file) => {
        const hashed = path.relative(root, file).startsWith(`assets${path.sep}`);
        reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
      },
    });
  const index = hasWeb ? withPublicUrl(fs.readFileSync(indexFile, 'utf8'), resolvePublicUrl(ctx.config)) : '';
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    // Open311 clients get the spec's error list under its prefix, also for a path it does not have.
    if (url.startsWith('/open311/'))
      return sendOpen311Error(reply, url, 404, `Alamat tidak ditemukan (no route ${req.method} ${url}).`);
    const isApi = url.startsWith('/api/') || url === '/api';
    if (isApi || req.method !== 'GET' || !hasWeb) {
      throw new AppError('ROUTE_NOT_FOUND', `Alamat tidak ditemukan (no route ${req.method} ${url}).`);
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await withMallOf(ctx, index, url));
  });
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** index.html with the public record of the mall the path names, when it names one. */
async function withMallOf(ctx: AppContext, html: string, url: string): Promise<string> {
  const slug = url.split('/')[1] ?? '';
  if (!SLUG.test(slug)) return html;
  try {
    return withMall(html, toMallDto(await resolveMall(ctx, slug)));
  } catch {
    // Unknown mall or the database unreachable: the page asks the API itself and shows why.
    return html;
  }
}

/**
 * Embeds the mall as inert JSON (`<script type="application/json">`, never executed, so the CSP is
 * untouched); `<` is escaped so no value can close the element. src/web/app/MallLayout.tsx reads it.
 */
export function withMall(html: string, mall: object): string {
  const json = JSON.stringify(mall).replace(/</g, '\\u003c');
  return html.replace(
    '</head>',
    `  <script type="application/json" id="satu-atap-mall">${json}</script>\n  </head>`,
  );
}

/** Adds <meta name="satu-atap-public-url"> to the page head (src/web/app/publicUrl.ts reads it). */
export function withPublicUrl(html: string, publicUrl: string | null): string {
  if (!publicUrl) return html;
  const escaped = publicUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return html.replace('</head>', `  <meta name="satu-atap-public-url" content="${escaped}" />\n  </head>`);
}
