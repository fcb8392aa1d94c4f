/**
 * The typed client of the Satu Atap API. Paths, parameters, request bodies and answers all come
 * from `api-schema.d.ts`, generated from the server's OpenAPI document (`npm run api:types`), so a
 * screen cannot ask for a route that does not exist, send a body the route does not take, or read
 * a field the server does not answer. Built on openapi-fetch; the middleware below keeps the
 * behaviour screens rely on: every non-2xx answer throws an `ApiError` (code, message, details
 * from `{error:{code,message,requestId,details}}`), a 401 to a signed-in request signs the user
 * out, network failures throw `ApiError(0, 'NETWORK')`, and aborts stay `AbortError`s.
 */
import createClient, { type ClientPathsWithMethod, type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema';

export type { components, paths } from './api-schema';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

/** Called on every 401 with a token, so the auth hook can sign the user out. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

const errors: Middleware = {
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    let body: ErrorBody | null = null;
    try {
      body = (await response.clone().json()) as ErrorBody;
    } catch {
      body = null;
    }
    const e = body?.error;
    if (response.status === 401 && request.headers.has('authorization')) onUnauthorized?.();
    throw new ApiError(
      response.status,
      e?.code ?? `HTTP_${response.status}`,
      e?.message ?? response.statusText,
      e?.details,
    );
  },
  onError({ error }) {
    if (isAbort(error) || error instanceof ApiError) return error instanceof Error ? error : undefined;
    return new ApiError(0, 'NETWORK', 'network error');
  },
};

/** The openapi-fetch client (same origin). Its calls throw ApiError instead of answering `error`. */
export const client = createClient<paths>({
  baseUrl: '',
  // Empty filters are left out of the query string (a search box cleared means "no filter").
  querySerializer: (query) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    return p.toString();
  },
});
client.use(errors);

/** What a route answers with 2xx, as generated (204: undefined). */
type Answer<Op> = Op extends { responses: infer R }
  ?
      | (R extends { 200: { content: { 'application/json': infer T } } } ? T : never)
      | (R extends { 201: { content: { 'application/json': infer T } } } ? T : never)
      | (R extends { 204: unknown } ? undefined : never)
  : never;
/** The `parameters` of a route (path, query), as generated. */
type Params<Op> = Op extends { parameters: infer P } ? P : never;
/** The JSON (or raw file) body a route takes, as generated. */
type Body<Op> = Op extends { requestBody?: { content: infer C } }
  ? C extends { 'application/json': infer J }
    ? J
    : C[keyof C]
  : never;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type PathsWith<M extends Method> = ClientPathsWithMethod<typeof client, M>;
type Op<M extends Method, P> = P extends keyof paths
  ? M extends keyof paths[P]
    ? paths[P][M]
    : never
  : never;

/** Path and query parameters, the body, the staff or device token and an abort signal. */
export type CallInit<O> = (Params<O> extends { path: unknown } | { query: unknown }
  ? { params: Params<O> }
  : { params?: Params<O> }) &
  ([Body<O>] extends [never] ? { body?: undefined } : { body: Body<O> }) & {
    token?: string | null;
    signal?: AbortSignal;
    /** A raw body (file upload) is sent as-is with this content type. */
    contentType?: string;
  };

type Init<O> = Record<never, never> extends CallInit<O> ? [init?: CallInit<O>] : [init: CallInit<O>];

/** The request openapi-fetch sends for one call: bearer token and raw file bodies. */
function fetchInit(init: CallInit<unknown> | undefined) {
  const { token, contentType, signal, params, body } = init ?? {};
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (contentType) headers['content-type'] = contentType;
  return {
    params,
    body,
    signal,
    headers,
    ...(contentType ? { bodySerializer: (b: unknown) => b } : {}),
  };
}

type Loose = (url: string, init: ReturnType<typeof fetchInit>) => Promise<{ data?: unknown }>;

function method<M extends Method>(m: M) {
  const send = {
    get: client.GET,
    post: client.POST,
    put: client.PUT,
    patch: client.PATCH,
    delete: client.DELETE,
  }[m] as unknown as Loose;
  return async <P extends PathsWith<M>>(path: P, ...[init]: Init<Op<M, P>>): Promise<Answer<Op<M, P>>> => {
    const { data } = await send(path, fetchInit(init as CallInit<unknown> | undefined));
    // Checked by the types above: openapi-fetch answers the generated 2xx type (errors threw).
    return data as Answer<Op<M, P>>;
  };
}

/**
 * One function per HTTP method: `api.get('/api/v1/malls/{mall}/tickets/{trackingCode}', {params:
 * {path: {mall, trackingCode}}})` answers the route's generated 2xx type and throws ApiError.
 * There is no untyped form: a path missing from `api-schema.d.ts` does not compile.
 */
export const api = {
  get: method('get'),
  post: method('post'),
  put: method('put'),
  patch: method('patch'),
  delete: method('delete'),
};

/**
 * GETs a file (the SKM report's PDF or XLSX) as a Blob, with the same token handling and errors as
 * `api.get`; the path is a generated route like every other call.
 */
export async function download<P extends PathsWith<'get'>>(
  path: P,
  ...[init]: Init<Op<'get', P>>
): Promise<Blob> {
  const send = client.GET as unknown as (url: string, init: object) => Promise<{ data?: unknown }>;
  const { data } = await send(path, { ...fetchInit(init as CallInit<unknown> | undefined), parseAs: 'blob' });
  return data as Blob;
}

/** The 2xx answer of `GET path`, e.g. `GetAnswer<'/api/v1/malls/{mall}'>`. */
export type GetPath = PathsWith<'get'>;
/** The body a route takes, e.g. `BodyOf<'post', '/api/v1/malls/{mall}/tickets/{id}/transfer'>`. */
export type BodyOf<M extends Method, P extends PathsWith<M>> = Body<Op<M, P>>;
/** The 2xx answer of any route, e.g. `AnswerOf<'post', '/api/v1/devices/pair'>`. */
export type AnswerOf<M extends Method, P extends PathsWith<M>> = Answer<Op<M, P>>;
export type GetAnswer<P extends GetPath> = Answer<Op<'get', P>>;
export type GetInit<P extends GetPath> = CallInit<Op<'get', P>>;

/** Builds /api/v1/malls/{mall}/… URLs for the live streams (held over fetch, see live.ts). */
export const mallPath = (mall: string, rest = ''): string =>
  `/api/v1/malls/${encodeURIComponent(mall)}${rest}`;
