import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a local gateway received. */
export interface GatewayRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
  /** The status the gateway answered. */
  status: number;
  /** Date.now() when the request arrived and when it was answered (a sender killed meanwhile never hears the answer). */
  arrivedAt: number;
  answeredAt: number;
}

export interface LocalGateway {
  url: string;
  requests: GatewayRequest[];
  /** Statuses to answer, in order; once used up, `then` (default 200). */
  script(statuses: number[], then?: number): void;
  /** Milliseconds to wait before answering (to keep several sends in flight at once). */
  delayMs: number;
  /** Requests that arrived and are not answered yet (held by `delayMs`). */
  inFlight(): number;
  /** Resolves once `n` requests have been answered. */
  waitFor(n: number, timeoutMs?: number): Promise<GatewayRequest[]>;
  close(): Promise<void>;
}

/**
 * A WhatsApp/SMS-like HTTP gateway on 127.0.0.1 for tests: records every request and answers the
 * scripted statuses (JSON `{"id": "<n>"}` on success, `{"error": …}` echoing the body otherwise).
 */
export async function startLocalGateway(): Promise<LocalGateway> {
  let queue: number[] = [];
  let then = 200;
  const requests: GatewayRequest[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let held = 0;
  const gw: Partial<LocalGateway> = { requests, delayMs: 0, inFlight: () => held };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const arrivedAt = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const status = queue.length ? (queue.shift() as number) : then;
      held++;
      const answer = () => {
        held--;
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
          json,
          status,
          arrivedAt,
          answeredAt: Date.now(),
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(status < 300 ? { id: String(requests.length) } : { error: `refused ${body}` }),
        );
        for (const w of waiters.splice(0)) {
          if (requests.length >= w.n) w.resolve();
          else waiters.push(w);
        }
      };
      if (gw.delayMs) setTimeout(answer, gw.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(gw, {
    url: `http://127.0.0.1:${port}/send`,
    script(statuses: number[], next = 200) {
      queue = [...statuses];
      then = next;
    },
    waitFor(n: number, timeoutMs = 20_000) {
      if (requests.length >= n) return Promise.resolve(requests);
      return new Promise<GatewayRequest[]>((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`gateway: ${requests.length} of ${n} requests arrived`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(t);
            resolve(requests);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as LocalGateway;
}
