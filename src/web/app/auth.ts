import { useCallback, useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from './api';
import type { Me } from './types';

export interface Session {
  token: string;
  user: Me;
}

const key = (mall: string) => `satu-atap:session:${mall}`;

function read(mall: string): Session | null {
  try {
    const raw = localStorage.getItem(key(mall));
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** Staff sign-in for one mall; the bearer token is kept in localStorage per mall. */
export function useAuth(mall: string) {
  const [session, setSession] = useState<Session | null>(() => read(mall));

  const logout = useCallback(() => {
    const s = read(mall);
    localStorage.removeItem(key(mall));
    setSession(null);
    if (s) api.post('/api/v1/auth/logout', { token: s.token }).catch(() => {});
  }, [mall]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      localStorage.removeItem(key(mall));
      setSession(null);
    });
    return () => setUnauthorizedHandler(null);
  }, [mall]);

  // Refresh the user and its permissions once per page load: roles and counters may have changed.
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    const ctl = new AbortController();
    api
      .get('/api/v1/auth/me', { token, signal: ctl.signal })
      .then((user) => {
        const s = { token, user };
        localStorage.setItem(key(mall), JSON.stringify(s));
        setSession(s);
      })
      .catch(() => {});
    return () => ctl.abort();
  }, [mall, token]);

  const login = useCallback(
    async (username: string, password: string) => {
      const s: Session = await api.post('/api/v1/auth/login', { body: { username, password } });
      localStorage.setItem(key(mall), JSON.stringify(s));
      setSession(s);
      return s;
    },
    [mall],
  );

  return { session, token: session?.token ?? null, user: session?.user ?? null, login, logout };
}

export type Auth = ReturnType<typeof useAuth>;
