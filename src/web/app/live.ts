import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';

/** Where a scoped stream stands: connected, and the HTTP error that stopped it for good (404, 403…). */
export interface StreamState {
  online: boolean;
  error: ApiError | null;
}

/** Splits SSE text into blocks; returns the complete ones and the unfinished rest. */
function blocks(buffer: string): { done: { id: string | null; data: string }[]; rest: string } {
  const parts = buffer.split('\n\n');
  const rest = parts.pop() ?? '';
  const done = [];
  for (const b of parts) {
    let id: string | null = null;
    const data: string[] = [];
    for (const line of b.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) done.push({ id, data: data.join('\n') });
  }
  return { done, rest };
}

/** The `type` values of a stream's discriminated union: the SSE event names it sends. */
function eventTypes(schema: z.ZodType): string[] {
  const options = (schema as unknown as { options?: z.ZodObject[] }).options ?? [];
  return options.flatMap((o) => {
    const literal = o.shape.type as unknown as { values?: Set<unknown> } | undefined;
    return [...(literal?.values ?? [])].filter((v): v is string => typeof v === 'string');
  });
}

/**
 * Holds one scoped Server-Sent Events stream (display zone, own ticket, counter console). Every
 * message is validated against the stream's zod union before the screen sees it (screens never
 * cast). Resumes with Last-Event-ID; the server answers a resume it can no longer replay exactly with
 * a `reset`. 401/403/404 stop it (the screen shows why); other failures retry with a backoff.
 *
 * Public streams use the browser's EventSource (it reconnects by itself, and tools that wait for a
 * page's network to settle know it never ends); a staff stream, which must send its bearer token,
 * reads the same wire format over fetch.
 */
export function useEventStream<M extends { seq: number }>(
  path: string,
  schema: z.ZodType<M>,
  onMessage: (m: M) => void,
  opts: { enabled?: boolean; since?: number | null; token?: string | null } = {},
): StreamState {
  const { enabled = true, since = null, token = null } = opts;
  const [state, setState] = useState<StreamState>({ online: false, error: null });
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const contract = useRef(schema);
  contract.current = schema;

  useEffect(() => {
    if (!enabled) return;
    const deliver = (data: string, id: string | null): number | null => {
      let parsed: ReturnType<typeof schema.safeParse>;
      try {
        parsed = contract.current.safeParse(JSON.parse(data));
      } catch {
        return null;
      }
      if (!parsed.success) return null;
      handler.current(parsed.data);
      return id !== null && id !== '' ? Number(id) : null;
    };
    const stop = token
      ? streamOverFetch(path, token, since, deliver, setState)
      : streamOverEventSource(path, eventTypes(contract.current), since, deliver, setState);
    return stop;
  }, [path, enabled, since, token]);

  return state;
}

type Deliver = (data: string, id: string | null) => number | null;
type SetState = (s: StreamState | ((s: StreamState) => StreamState)) => void;

/** Whether an HTTP answer to the stream means it can never work (the screen shows why). */
async function fatalAnswer(res: Response): Promise<ApiError | null> {
  if (![401, 403, 404].includes(res.status)) return null;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new ApiError(
    res.status,
    body?.error?.code ?? `HTTP_${res.status}`,
    body?.error?.message ?? res.statusText,
  );
}

function streamOverEventSource(
  path: string,
  types: string[],
  since: number | null,
  deliver: Deliver,
  setState: SetState,
): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  let lastId = since;
  let stopped = false;

  const open = () => {
    const url = lastId === null ? path : `${path}${path.includes('?') ? '&' : '?'}lastEventId=${lastId}`;
    const es = new EventSource(url);
    source = es;
    es.onopen = () => {
      delay = 1000;
      setState({ online: true, error: null });
    };
    const onEvent = (e: MessageEvent<string>) => {
      const id = deliver(e.data, e.lastEventId);
      if (id !== null) lastId = id;
    };
    for (const type of types) es.addEventListener(type, onEvent as EventListener);
    es.onmessage = onEvent;
    es.onerror = () => {
      setState((s) => ({ ...s, online: false }));
      // EventSource retries a dropped connection by itself; an HTTP error answer closes it for good,
      // and only a plain request can tell which answer it was.
      if (es.readyState !== EventSource.CLOSED || stopped) return;
      es.close();
      void fetch(url, { headers: { accept: 'text/event-stream' }, cache: 'no-store' })
        .then(async (res) => {
          const fatal = await fatalAnswer(res);
          await res.body?.cancel().catch(() => {});
          if (fatal) setState({ online: false, error: fatal });
          else retry();
        })
        .catch(() => retry());
    };
  };
  const retry = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      open();
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };
  open();
  return () => {
    stopped = true;
    source?.close();
    clearTimeout(timer);
  };
}

function streamOverFetch(
  path: string,
  token: string,
  since: number | null,
  deliver: Deliver,
  setState: SetState,
): () => void {
  const ctl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  let lastId: number | null = since;

  const connect = async () => {
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${token}` };
    if (lastId !== null) headers['last-event-id'] = String(lastId);
    try {
      const res = await fetch(path, { headers, signal: ctl.signal, cache: 'no-store' });
      if (!res.ok || !res.body) {
        const fatal = await fatalAnswer(res);
        if (fatal) {
          setState({ online: false, error: fatal });
          return;
        }
        throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
      }
      setState({ online: true, error: null });
      delay = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { done: ready, rest } = blocks(buffer + value);
        buffer = rest;
        for (const b of ready) {
          const id = deliver(b.data, b.id);
          if (id !== null) lastId = id;
        }
      }
    } catch {
      if (ctl.signal.aborted) return;
    }
    if (ctl.signal.aborted) return;
    setState((s) => ({ ...s, online: false }));
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };
  void connect();
  // Back on the network: retry now instead of at the end of a long backoff.
  const onNetOnline = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    delay = 1000;
    void connect();
  };
  window.addEventListener('online', onNetOnline);
  return () => {
    ctl.abort();
    clearTimeout(timer);
    window.removeEventListener('online', onNetOnline);
  };
}

/**
 * Calls fn at most once per `ms`, trailing: the first trigger starts the wait, later ones within it
 * join that call. Not a debounce — a busy hall sends events more often than every `ms` all day long,
 * and a debounce (each event restarting the wait) would never refresh the screen while it is busy.
 */
export function useThrottled(fn: () => void, ms: number): () => void {
  const ref = useRef(fn);
  ref.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const trigger = useRef(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      ref.current();
    }, ms);
  });
  return trigger.current;
}

/** Runs fn every `ms` while the page is visible. */
export function useInterval(fn: () => void, ms: number | null): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    if (ms === null) return;
    const id = setInterval(() => {
      if (document.visibilityState !== 'hidden') ref.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms]);
}
