import { useEffect, useRef, useState } from 'react';
import { mallPath } from './api';
import type { LiveEvent, LiveEventType } from './types';

const EVENT_TYPES: LiveEventType[] = ['ticket.called', 'ticket.recalled', 'counter.changed', 'queue.changed'];

/**
 * Subscribes to a display zone's Server-Sent Events stream. EventSource resumes with Last-Event-ID
 * by itself; when the browser gives up (server down, bad answer) we reconnect with a backoff.
 * Returns whether the stream is currently connected.
 */
export function useLiveStream(
  mall: string,
  zone: string,
  onEvent: (e: LiveEvent) => void,
  opts: { enabled?: boolean; since?: number | null } = {},
): boolean {
  const { enabled = true, since = null } = opts;
  const [online, setOnline] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (!enabled) return;
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;
    // Resume point for a fresh EventSource (the browser's own reconnects send Last-Event-ID).
    let lastSeq: number | null = since;

    const connect = () => {
      if (stopped) return;
      const resume = lastSeq !== null ? `?lastEventId=${lastSeq}` : '';
      es = new EventSource(mallPath(mall, `/displays/${encodeURIComponent(zone)}/stream${resume}`));
      es.onopen = () => {
        delay = 1000;
        setOnline(true);
      };
      es.onerror = () => {
        setOnline(false);
        if (es && es.readyState === EventSource.CLOSED) {
          es.close();
          timer = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30_000);
        }
      };
      for (const type of EVENT_TYPES) {
        es.addEventListener(type, (msg) => {
          setOnline(true);
          try {
            const parsed = JSON.parse((msg as MessageEvent<string>).data) as LiveEvent;
            if (typeof parsed.seq === 'number') lastSeq = Math.max(lastSeq ?? 0, parsed.seq);
            handler.current({ ...parsed, type: parsed.type ?? type });
          } catch {
            /* ignore a malformed event */
          }
        });
      }
    };
    connect();
    const onNetOnline = () => {
      if (es?.readyState === EventSource.CLOSED) connect();
    };
    window.addEventListener('online', onNetOnline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onNetOnline);
      es?.close();
    };
  }, [mall, zone, enabled, since]);

  return online;
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
