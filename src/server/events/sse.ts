import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventHub, Scope } from './hub.js';

const HEARTBEAT_MS = 15_000;

/**
 * One SSE message: `id:` is the mall's live-event sequence the message reflects, so a reconnecting
 * client's Last-Event-ID says exactly where it stopped. `message` is one member of a stream's zod
 * union (the caller's type keeps it so); it is serialised here, once, for every subscriber.
 */
export function sseFrame(message: { seq: number; type: string; at: string; payload: unknown }): string {
  return `id: ${message.seq}\nevent: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`;
}

/** Last-Event-ID from the header (EventSource reconnects) or ?lastEventId= (first connection). */
export function lastEventId(req: FastifyRequest): number | null {
  const raw =
    req.headers['last-event-id'] ?? (req.query as { lastEventId?: string } | undefined)?.lastEventId;
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * Holds a Server-Sent Events stream open for one scope of a mall: sends a comment at once (so
 * proxies and clients see the stream start), then what the scope sends on opening and after each
 * batch of live events. Everything that can fail (404, 401, 403) must be checked before this.
 */
export async function streamScope(
  req: FastifyRequest,
  reply: FastifyReply,
  hub: EventHub,
  mallId: number,
  key: string,
  make: () => Scope,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n: connected\n\n');
  const sink = { write: (text: string) => void res.write(text) };
  let unsubscribe: () => void;
  try {
    unsubscribe = await hub.subscribe(mallId, key, make, sink, lastEventId(req));
  } catch (err) {
    // The reply is hijacked, so the error handler cannot answer: end the stream and let the
    // client reconnect after `retry:` (e.g. while PostgreSQL restarts).
    req.log.warn({ err: (err as Error).message }, 'stream subscription failed');
    res.end();
    return;
  }
  const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  beat.unref();
  const close = () => {
    clearInterval(beat);
    unsubscribe();
  };
  req.raw.on('close', close);
  res.on('error', close);
  // A client that hung up while its opening was being read is gone already: do not keep it.
  if (req.raw.destroyed || res.destroyed) close();
}
