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

/**
 * Holds one scoped Server-Sent Events stream (display zone, own ticket, counter console) over fetch,
 * so a staff stream can send its bearer token. Every message is validated against the stream's zod
 * union before the screen sees it (screens never cast). Reconnects with a backoff and resumes with
 * Last-Event-ID; the server answers a resume it can no longer replay exactly with a `reset`.
 * 401/403/404 stop it (the screen shows why); other failures retry.
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
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let lastId: number | null = since;

    const connect = async () => {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastId !== null) headers['last-event-id'] = String(lastId);
      if (token) headers.authorization = `Bearer ${token}`;
      try {
        const res = await fetch(path, { headers, signal: ctl.signal, cache: 'no-store' });
        if (!res.ok || !res.body) {
          const body = (await res.json().catch(() => null)) as {
            error?: { code?: string; message?: string };
          } | null;
          const err = new ApiError(
            res.status,
            body?.error?.code ?? `HTTP_${res.status}`,
            body?.error?.message ?? res.statusText,
          );
          if ([401, 403, 404].includes(res.status)) {
            setState({ online: false, error: err });
            return;
          }
          throw err;
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
            let parsed: ReturnType<typeof schema.safeParse>;
            try {
              parsed = contract.current.safeParse(JSON.parse(b.data));
            } catch {
              continue;
            }
            if (!parsed.success) continue;
            if (b.id !== null && b.id !== '') lastId = Number(b.id);
            handler.current(parsed.data);
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
  }, [path, enabled, since, token]);

  return state;
}

/** Calls fn at most once per `ms`, trailing. */
export function useDebounced(fn: () => void, ms: number): () => void {
  const ref = useRef(fn);
  ref.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const trigger = useRef(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => ref.current(), ms);
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
