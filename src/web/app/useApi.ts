import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type GetAnswer, type GetInit, type GetPath, isAbort } from './api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs a route of the API (path null = skip) and keeps the last good answer while reloading; the
 * answer's type is the route's generated one. Reloads when the path, its parameters or the token
 * change: `useApi('/api/v1/malls/{mall}/services/{id}', {params: {path: {mall, id}}})`.
 */
export function useApi<P extends GetPath>(
  path: P | null,
  init?: GetInit<P>,
  opts: { keepPrevious?: boolean } = {},
): Loaded<GetAnswer<P>> {
  const keep = opts.keepPrevious ?? false;
  const [data, setData] = useState<GetAnswer<P> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const token = init?.token ?? null;
  const key = path === null ? null : `${path} ${JSON.stringify(init?.params ?? null)}`;
  const lastKey = useRef(key);
  const latest = useRef(init);
  latest.current = init;

  useEffect(() => {
    if (path === null || key === null) {
      setLoading(false);
      return;
    }
    if (lastKey.current !== key) {
      lastKey.current = key;
      // Lists being filtered keep showing the last answer; a different record starts empty.
      if (!keep) setData(null);
    }
    void tick;
    const ctl = new AbortController();
    setLoading(true);
    // One generic call for every route: `init` was checked against `path` by useApi's own signature.
    const get = api.get as unknown as (p: GetPath, init: object) => Promise<GetAnswer<P>>;
    get(path, { ...latest.current, token, signal: ctl.signal })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err)));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [path, key, token, tick, keep]);

  return { data, error, loading, reload };
}
