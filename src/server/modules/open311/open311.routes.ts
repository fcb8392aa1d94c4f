import type { FastifyError, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { isDatabaseUnavailable, isStorageFull } from '../../db/unavailable.js';
import { AppError } from '../../errors.js';
import type { App } from '../../http.js';
import { type Format, SHAPES, splitFile, toXml } from './open311.format.js';
import * as service from './open311.service.js';
import { Open311Error } from './open311.service.js';

const BASE = '/open311/v2';
const FORMATS: Format[] = ['json', 'xml'];
type Query = Record<string, unknown>;

/** Sends an answer in the asked format: JSON as is, XML as the spec's twin of it. */
function send(
  reply: FastifyReply,
  format: Format,
  body: unknown,
  shape: readonly [string, string?],
  status = 200,
) {
  reply.status(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  return reply.type('text/xml; charset=utf-8').send(toXml(shape[0], body, shape[1]));
}

/** The format an error answer takes: the URL's suffix, JSON when it has none. */
const formatOf = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');

/**
 * An error as the spec answers it (a list of {code, description}, in the URL's format); also used by
 * app.ts for errors raised while routing an /open311/ URL, before this scope's handler is reached.
 */
export function sendOpen311Error(reply: FastifyReply, url: string, status: number, description: string) {
  return send(reply, formatOf(url), [{ code: status, description }], SHAPES.errors, status);
}

/**
 * Open311 GeoReport v2 at /open311/v2/ (jurisdiction_id = the mall's slug): discovery, services,
 * service definitions, requests (GET with filters; POST form-encoded with api_key), one request,
 * tokens — each as .json or .xml. Its own plugin scope: form bodies are parsed here only, and every
 * error answers as the spec says (a list of {code, description}; 404 unknown, else 400).
 */
export async function open311Routes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        const out: Record<string, string> = {};
        for (const [k, v] of new URLSearchParams(String(body))) out[k] = v;
        done(null, out);
      },
    );
    scope.setErrorHandler((err: FastifyError, req, reply) => {
      // The database unreachable or full: 503 as in the rest of the API (a client may retry later).
      const busy = isStorageFull(err)
        ? 'Penyimpanan server penuh; coba lagi nanti (storage full, retry later)'
        : isDatabaseUnavailable(err)
          ? 'Basis data sedang tidak dapat dihubungi; coba lagi (database unavailable, retry)'
          : null;
      if (busy) {
        req.log.warn({ err: err.message }, 'open311: database unavailable or full');
        reply.header('retry-after', '5');
        return send(reply, formatOf(req.url), [{ code: 503, description: busy }], SHAPES.errors, 503);
      }
      const status =
        err instanceof Open311Error
          ? err.status
          : err instanceof AppError
            ? err.status === 404
              ? 404
              : err.status === 429
                ? 429
                : 400
            : err.statusCode && err.statusCode < 500
              ? 400
              : 500;
      if (status === 500) req.log.error({ err }, 'open311 error');
      const description = status === 500 ? 'Terjadi kesalahan pada server (internal error)' : err.message;
      return sendOpen311Error(reply, req.url, status, description);
    });

    const get = (
      path: string,
      handler: (
        q: Query,
        params: Record<string, string>,
      ) => Promise<{ body: unknown; shape: readonly [string, string?]; format: Format }>,
    ) =>
      scope.get(
        `${BASE}/${path}`,
        { config: { access: 'public', action: 'public.read' }, schema: { hide: true } },
        async (req, reply) => {
          const r = await handler(req.query as Query, req.params as Record<string, string>);
          return send(reply, r.format, r.body, r.shape);
        },
      );
    const file = (params: Record<string, string>) => {
      const f = splitFile(params.file ?? '');
      if (!f) throw new Open311Error(404, 'Format harus .json atau .xml (use .json or .xml)');
      return f;
    };

    for (const format of FORMATS) {
      get(`discovery.${format}`, async () => ({
        body: service.discovery(ctx),
        shape: ['discovery'],
        format,
      }));
      get(`services.${format}`, async (q) => {
        await service.jurisdiction(ctx, q.jurisdiction_id);
        return { body: service.services(), shape: SHAPES.services, format };
      });
      get(`requests.${format}`, async (q) => {
        const mall = await service.jurisdiction(ctx, q.jurisdiction_id);
        return { body: await service.listRequests(ctx, mall, q), shape: SHAPES.requests, format };
      });
      scope.post(
        `${BASE}/requests.${format}`,
        { config: { access: 'public', action: 'open311.submit' }, schema: { hide: true } },
        async (req, reply) => {
          const form = { ...(req.query as Query), ...((req.body as Query | undefined) ?? {}) };
          const mall = await service.jurisdiction(ctx, form.jurisdiction_id);
          return send(reply, format, await service.createRequest(ctx, mall, form), SHAPES.requests);
        },
      );
    }
    get('services/:file', async (q, params) => {
      const { id, format } = file(params);
      const mall = await service.jurisdiction(ctx, q.jurisdiction_id);
      return { body: await service.serviceDefinition(ctx, mall, id), shape: ['service_definition'], format };
    });
    get('requests/:file', async (q, params) => {
      const { id, format } = file(params);
      const mall = await service.jurisdiction(ctx, q.jurisdiction_id);
      return { body: await service.oneRequest(ctx, mall, id), shape: SHAPES.requests, format };
    });
    get('tokens/:file', async (q, params) => {
      const { id, format } = file(params);
      const mall = await service.jurisdiction(ctx, q.jurisdiction_id);
      return { body: await service.byToken(ctx, mall, id), shape: SHAPES.requests, format };
    });
  });
}
