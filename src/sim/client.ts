import type { App } from '../server/http.js';

/** An unexpected answer of the API during a simulation: the run stops with the route and body. */
export class SimApiError extends Error {
  constructor(
    readonly status: number,
    readonly route: string,
    readonly body: string,
  ) {
    super(`${route} → ${status}: ${body.slice(0, 300)}`);
  }
}

export interface SimResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by the API's own response schemas
  body: any;
}

/**
 * The simulator's only way into the system: real HTTP requests through the app's router
 * (light-my-request), so every rule, schema, policy check and audit row applies as for a citizen.
 */
export class SimClient {
  requests = 0;
  /** `onRequest`: told of every answered request with its time in the app (the soak bench's latencies). */
  constructor(
    private readonly app: App,
    private readonly onRequest?: (method: string, url: string, status: number, ms: number) => void,
  ) {}

  async call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    opts: { token?: string; body?: unknown; expect?: number[]; ip?: string } = {},
  ): Promise<SimResponse> {
    this.requests++;
    const started = performance.now();
    const res = await this.app.inject({
      method,
      url,
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
      ...(opts.ip ? { remoteAddress: opts.ip } : {}),
      ...(opts.body === undefined ? {} : { payload: opts.body as object }),
    });
    this.onRequest?.(method, url, res.statusCode, performance.now() - started);
    const expected = opts.expect ?? [200, 201];
    if (!expected.includes(res.statusCode))
      throw new SimApiError(res.statusCode, `${method} ${url}`, res.body);
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.call('POST', '/api/v1/auth/login', { body: { username, password } })).body.token;
  }
}
