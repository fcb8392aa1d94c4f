import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, isAbort } from './api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** GETs a path (null = skip) and keeps the last good answer while reloading. */
export function useApi<T>(
  path: string | null,
  token?: string | null,
  opts: { keepPrevious?: boolean } = {},
): Loaded<T> {
  const keep = opts.keepPrevious ?? false;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const lastPath = useRef(path);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    if (lastPath.current !== path) {
      lastPath.current = path;
      // Lists being filtered keep showing the last answer; a different record starts empty.
      if (!keep) setData(null);
    }
    void tick;
    const ctl = new AbortController();
    setLoading(true);
    api<T>(path, { token, signal: ctl.signal })
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
  }, [path, token, tick, keep]);

  return { data, error, loading, reload };
}
