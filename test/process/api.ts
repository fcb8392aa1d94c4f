import { DEMO_PASSWORD } from './server-process.js';

/** A tiny HTTP client for the black-box tests and benchmarks (fetch over loopback). */

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface TicketDto {
  id: number;
  number: string;
  trackingCode: string;
  status: string;
  serviceId: number;
}

export interface CounterDto {
  id: number;
  number: number;
  agencyId: number;
  serviceIds: number[];
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await call<{ token?: string }>(base, 'POST', '/api/v1/auth/login', {
    body: { username, password },
  });
  if (r.status !== 200 || !r.body.token)
    throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/**
 * Registers a kiosk as the mall admin and pairs it, like a real kiosk: answers its bearer token.
 * Kiosk tickets need one (401 DEVICE_REQUIRED without).
 */
export async function pairKiosk(base: string, mall = 'demo', adminPassword = DEMO_PASSWORD): Promise<string> {
  const admin = await login(base, 'admin', adminPassword);
  const made = await call<{ pairingCode: string }>(base, 'POST', `/api/v1/malls/${mall}/devices`, {
    token: admin,
    body: { kind: 'kiosk', name: 'test kiosk' },
  });
  if (made.status !== 201) throw new Error(`register kiosk: ${made.status} ${JSON.stringify(made.body)}`);
  const paired = await call<{ token: string }>(base, 'POST', '/api/v1/devices/pair', {
    body: { code: made.body.pairingCode },
  });
  if (paired.status !== 200) throw new Error(`pair kiosk: ${paired.status} ${JSON.stringify(paired.body)}`);
  return paired.body.token;
}

const kiosks = new Map<string, Promise<string>>();
/** One paired kiosk per server address and mall, made on first use (a failed attempt is retried). */
export function kioskToken(base: string, mall = 'demo'): Promise<string> {
  const key = `${base}|${mall}`;
  let p = kiosks.get(key);
  if (!p) {
    p = pairKiosk(base, mall).catch((err) => {
      kiosks.delete(key);
      throw err;
    });
    kiosks.set(key, p);
  }
  return p;
}

/** A kiosk ticket from the mall's paired test kiosk. */
export const issueTicket = async (base: string, serviceId: number, mall = 'demo') =>
  call<TicketDto>(base, 'POST', `/api/v1/malls/${mall}/tickets`, {
    token: await kioskToken(base, mall),
    body: { serviceId, source: 'kiosk' },
  });

export const callNext = (base: string, token: string, counterId: number, mall = 'demo') =>
  call<TicketDto | null>(base, 'POST', `/api/v1/malls/${mall}/counters/${counterId}/call-next`, {
    token,
  });

/** start then finish (outcome done): frees the counter's ticket. */
export async function serveAndFinish(base: string, token: string, ticketId: number, mall = 'demo') {
  const s = await call(base, 'POST', `/api/v1/malls/${mall}/tickets/${ticketId}/start`, { token });
  const f = await call(base, 'POST', `/api/v1/malls/${mall}/tickets/${ticketId}/finish`, {
    token,
    body: { outcome: 'done' },
  });
  return { start: s.status, finish: f.status };
}

export async function listCounters(base: string, token: string, mall = 'demo'): Promise<CounterDto[]> {
  const r = await call<{ items: CounterDto[] }>(base, 'GET', `/api/v1/malls/${mall}/counters`, { token });
  if (r.status !== 200) throw new Error(`counters: ${r.status}`);
  return r.body.items;
}

/** The display stream's current head: open a stream with it as Last-Event-ID to miss nothing after now. */
export async function lastEventId(base: string, mall = 'demo'): Promise<number> {
  const r = await call<{ lastEventId: number }>(base, 'GET', `/api/v1/malls/${mall}/displays/all/state`);
  if (r.status !== 200) throw new Error(`display state: ${r.status}`);
  return r.body.lastEventId;
}
