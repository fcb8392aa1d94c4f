import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { gateRoute, resolveBearer } from './auth/authenticate.js';
import type { AppContext } from './context.js';
import { isUniqueViolation } from './db/conflict.js';
import { isDatabaseUnavailable, isStorageFull } from './db/unavailable.js';
import { AppError, type ErrorCode } from './errors.js';
import type { App } from './http.js';
import { registerMetrics } from './metrics.js';
import { registerModules } from './modules/index.js';
import { registerMallHook } from './modules/malls/malls.hook.js';
import { sendOpen311Error } from './modules/open311/open311.routes.js';
import { documentObjectTransform, documentTransform, registerApiComponents } from './openapi.js';
import { limitAnonymousWrites } from './rate-limits.js';
import { collectRoutes } from './route-table.js';
import { registerWeb } from './web.js';

/** Fastify's own 4xx errors (bad URL, bad JSON, too large, wrong content type) mapped to our codes. */
function fastifyErrorCode(err: FastifyError): ErrorCode {
  if (err.code === 'FST_ERR_BAD_URL') return 'BAD_URL';
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return 'URI_TOO_LONG';
  if (err.code?.startsWith('FST_ERR_CTP_') && err.statusCode === 400) return 'INVALID_JSON';
  if (err.statusCode === 401) return 'UNAUTHENTICATED';
  if (err.statusCode === 403) return 'FORBIDDEN';
  if (err.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.statusCode === 414) return 'URI_TOO_LONG';
  if (err.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (err.statusCode === 429) return 'TOO_MANY_REQUESTS';
  if (err.statusCode === 404) return 'NOT_FOUND';
  return 'BAD_REQUEST';
}

/** Indonesian first, as every message the API gives; Fastify's English text stays in brackets. */
const FRAMEWORK_MESSAGE: Partial<Record<ErrorCode, string>> = {
  BAD_URL: 'Alamat tidak valid',
  URI_TOO_LONG: 'Alamat terlalu panjang',
  INVALID_JSON: 'Isi permintaan bukan JSON yang valid',
  PAYLOAD_TOO_LARGE: 'Isi permintaan terlalu besar',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis isi permintaan tidak didukung',
  TOO_MANY_REQUESTS: 'Terlalu banyak permintaan, coba lagi sebentar lagi',
  UNAUTHENTICATED: 'Perlu masuk terlebih dahulu',
  FORBIDDEN: 'Akses ditolak',
  BAD_REQUEST: 'Permintaan tidak valid',
};

/** The API's error shape for an error Fastify raised itself (routing, parsing, limits). */
function frameworkError(err: FastifyError, requestId: string) {
  const code = fastifyErrorCode(err);
  // Fastify's messages may echo the whole (possibly 2,000-character) URL; keep them short.
  const detail = err.message.length > 200 ? `${err.message.slice(0, 200)}…` : err.message;
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  return {
    status,
    body: {
      error: {
        code,
        message: `${FRAMEWORK_MESSAGE[code] ?? 'Permintaan tidak valid'} (${detail})`,
        requestId,
      },
    },
  };
}

/**
 * Whether a decoded request value (path parameters, query, parsed body) holds a NUL character. No
 * text the API keeps may hold one: PostgreSQL refuses it outright (a 500 where SQLite stored it), so
 * it is refused at the edge, on both databases alike. Raw files (Buffers) are not text.
 */
function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (v === null || typeof v !== 'object' || Buffer.isBuffer(v) || depth > 64) return false;
  for (const [k, x] of Object.entries(v)) if (k.includes('\u0000') || hasNul(x, depth + 1)) return true;
  return false;
}

function refuseNul(v: unknown): void {
  if (hasNul(v))
    throw new AppError(
      'VALIDATION_FAILED',
      'Data tidak valid: teks berisi karakter NUL (invalid input: text contains a NUL character).',
    );
}

/** HTTPS straight from Node when TLS_CERT_FILE/TLS_KEY_FILE are set (else a reverse proxy does it). */
function httpsOptions(ctx: AppContext): { https?: { cert: Buffer; key: Buffer } } {
  const { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } = ctx.config;
  return cert && key ? { https: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } } : {};
}

/**
 * Builds the application without listening, so tests drive it in-process with app.inject().
 * One error handler shapes every error as {error:{code,message,requestId}}.
 */
export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    ...httpsOptions(ctx),
    loggerInstance: ctx.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies listed in TRUST_PROXY (none by default), so
    // a forged header cannot give a caller a fresh address for every request.
    trustProxy: ctx.config.TRUST_PROXY.length > 0 ? ctx.config.TRUST_PROXY : false,
    // Held SSE streams would otherwise keep a graceful shutdown waiting forever.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 2000 },
    // Errors raised while routing (a malformed URL, an over-long path parameter) happen before any
    // route or error handler runs; they get the API's error shape too.
    frameworkErrors: (err, req, reply) => {
      const { status, body } = frameworkError(err, String(req.id));
      // Open311 clients get the spec's error list there, even for a URL that could not be routed.
      if (req.url.startsWith('/open311/'))
        return void sendOpen311Error(reply as unknown as FastifyReply, req.url, status, body.error.message);
      void (reply as unknown as FastifyReply).status(status).send(body);
    },
  }).withTypeProvider() as unknown as App;

  collectRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('device', null);

  // An empty body with content-type application/json (common from HTTP clients on action endpoints
  // such as call-next) means "no body", not a parse error; everything else goes to Fastify's parser.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    return jsonParser(req, String(body), done);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const requestId = String(req.id);
    if (err instanceof AppError) {
      const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retry === 'number') reply.header('retry-after', String(retry));
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, requestId, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      const first = details[0];
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Data tidak valid (invalid input)${first ? `: ${first.path} ${first.message}` : ''}`,
          requestId,
          details,
        },
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const { status, body } = frameworkError(err, requestId);
      return reply.status(status).send(body);
    }
    if (isUniqueViolation(err)) {
      req.log.warn({ err: err.message }, 'unique violation: the same record was saved at the same time');
      return reply.status(409).send({
        error: {
          code: 'CONFLICT',
          message:
            'Data yang sama baru saja disimpan oleh permintaan lain; muat ulang lalu coba lagi (conflict: the same record was just saved by another request; reload and retry).',
          requestId,
        },
      });
    }
    if (isStorageFull(err)) {
      // An operator must act (free or add space): logged as an error, every time.
      req.log.error({ err: err.message }, 'storage full: the change was not saved');
      return reply
        .status(503)
        .header('retry-after', '60')
        .send({
          error: {
            code: 'STORAGE_FULL',
            message:
              'Penyimpanan server penuh; perubahan ini belum tersimpan. Beri tahu admin, lalu coba lagi nanti (storage full: the change was not saved; tell the administrator).',
            requestId,
          },
        });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: err.message }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({
          error: {
            code: 'DATABASE_UNAVAILABLE',
            message:
              'Basis data sedang tidak dapat dihubungi; coba lagi dalam beberapa detik (database unavailable, retry in a few seconds).',
            requestId,
          },
        });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada server (internal error).', requestId },
    });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:'],
        // Not by default: screens opened over plain HTTP by LAN address would have every script
        // sent to https and stay blank. Added per request below when the request came over HTTPS.
        upgradeInsecureRequests: null,
      },
    },
    // Ignored with a console error on plain-HTTP origins (a LAN address): sent over HTTPS only.
    crossOriginOpenerPolicy: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol !== 'https') return;
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    reply.header('cross-origin-opener-policy', 'same-origin');
  });
  limitAnonymousWrites(app, ctx);
  await app.register(fastifyRateLimit, { global: false });
  registerApiComponents();
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Satu Atap API',
        description: 'API of Satu Atap, the system that runs an Indonesian Mal Pelayanan Publik.',
        version: '1',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: documentTransform,
    transformObject: documentObjectTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.addHook('onRequest', async (req) => {
    refuseNul(req.params);
    refuseNul(req.query);
  });
  // Resolve the bearer token once per request; routes decide whether they need it.
  app.addHook('onRequest', resolveBearer(ctx));

  registerMallHook(app, ctx);
  app.addHook('preValidation', gateRoute);
  app.addHook('preValidation', async (req) => refuseNul(req.body));

  registerMetrics(app, ctx);
  app.get(
    '/healthz',
    { config: { access: 'public', action: 'public.read' }, schema: { hide: true } },
    async () => ({
      status: 'ok',
      database: ctx.database.dialect,
    }),
  );
  app.get(
    '/openapi.json',
    { config: { access: 'public', action: 'public.read' }, schema: { hide: true } },
    async () => app.swagger(),
  );

  await registerModules(app, ctx);
  await registerWeb(app, ctx);
  return app;
}
