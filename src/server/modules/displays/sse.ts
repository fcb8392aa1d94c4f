import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveEvent } from '../../../shared/contracts/events.js';
import type { EventHub } from '../../events/hub.js';

const HEARTBEAT_MS = 15_000;

/** An event's wire form, built once and shared by every stream it fans out to (the hub hands them the same object). */
const wire = new WeakMap<LiveEvent, string>();
function serialize(ev: LiveEvent): string {
  let text = wire.get(ev);
  if (text === undefined) {
    text = `id: ${ev.seq}\nevent: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`;
    wire.set(ev, text);
  }
  return text;
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
 * Holds a Server-Sent Events stream open: sends a comment at once (so proxies and clients see the
 * stream start), then every event of the mall that passes `filter`, each with `id:` = its sequence
 * number, so a reconnecting client resumes exactly where it stopped.
 */
export async function streamEvents(
  req: FastifyRequest,
  reply: FastifyReply,
  hub: EventHub,
  mallId: number,
  filter: (ev: LiveEvent) => boolean,
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
  const sub = {
    mallId,
    lastSeq: 0,
    deliver(ev: LiveEvent) {
      if (filter(ev)) res.write(serialize(ev));
    },
  };
  let unsubscribe: () => void;
  try {
    unsubscribe = await hub.subscribe(sub, lastEventId(req));
  } catch (err) {
    // The reply is hijacked, so the error handler cannot answer: end the stream and let the
    // EventSource reconnect after `retry:` (e.g. while PostgreSQL restarts).
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
  // A display that hung up while its backlog was being read is gone already: do not keep it.
  if (req.raw.destroyed || res.destroyed) close();
}
