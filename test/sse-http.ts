import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../src/server/http.js';
import { sseMessages } from './sse-text.js';

export interface RawStream {
  status: number;
  /** Everything received so far, as sent (the raw SSE bytes, UTF-8). */
  text(): string;
  messages(): ReturnType<typeof sseMessages>;
  /** Resolves once a message with `id:` ≥ seq has arrived (the stream caught up), or after `capMs`. */
  until(pred: (text: string) => boolean, capMs?: number): Promise<void>;
  close(): void;
}

/** Starts the in-process app on a free port (SSE streams cannot go through app.inject: they never end). */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Opens a stream and keeps its raw bytes; resolves when the response head is in. */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let body = '';
      const waiters = new Set<() => void>();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        for (const w of waiters) w();
      });
      resolve({
        status: res.statusCode ?? 0,
        text: () => body,
        messages: () => sseMessages(body),
        until(pred, capMs = 5000) {
          return new Promise((done) => {
            const check = () => {
              if (!pred(body)) return;
              waiters.delete(check);
              clearTimeout(cap);
              done();
            };
            const cap = setTimeout(() => {
              waiters.delete(check);
              done();
            }, capMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
  });
}

/** Whether the raw text holds a message with this id (the stream has caught up to that sequence). */
export const hasId = (seq: number) => (text: string) =>
  [...text.matchAll(/^id: (\d+)$/gm)].some((m) => Number(m[1]) >= seq);
