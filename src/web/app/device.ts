import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api';
import { useInterval } from './live';
import type { DeviceSelf, PairResult } from './types';

export type DeviceKind = 'kiosk' | 'display';

export type DeviceState =
  | { status: 'checking' }
  | { status: 'paired'; token: string; device: DeviceSelf | null }
  | { status: 'unpaired'; error: string | null };

const key = (mall: string, kind: DeviceKind) => `satu-atap:device:${mall}:${kind}`;
/** The token a paired screen keeps, for requests made outside `useDevice` (the board's audio report). */
export function storedDeviceToken(mall: string, kind: DeviceKind): string | null {
  return localStorage.getItem(key(mall, kind));
}

/** Paired screens check in this often, which shows them online in the admin's device list. */
const CHECK_IN_MS = 60_000;

/** Takes ?pair=CODE off the address bar at once, so the code is not left in history or a screenshot. */
function takePairCode(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('pair');
  if (!code) return null;
  url.searchParams.delete('pair');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return code;
}

/** One request per code even when an effect runs twice (React strict mode): a code works only once. */
const pairings = new Map<string, Promise<PairResult>>();
function pairOnce(code: string): Promise<PairResult> {
  let p = pairings.get(code);
  if (!p) {
    p = api.post('/api/v1/devices/pair', { body: { code } });
    pairings.set(code, p);
  }
  return p;
}
/** The code taken off the address bar, kept for a second run of the same effect. */
let urlCode: string | null = null;

/**
 * The device identity of a kiosk or display screen: pairs with ?pair=CODE (or a typed code), keeps
 * the token in localStorage, checks in every minute, and forgets the token when the server answers
 * 401 (revoked), so the screen can show its pairing step again.
 */
export function useDevice(mall: string, kind: DeviceKind) {
  const [state, setState] = useState<DeviceState>({ status: 'checking' });

  const forget = useCallback(
    (error: string | null = null) => {
      localStorage.removeItem(key(mall, kind));
      setState({ status: 'unpaired', error });
    },
    [mall, kind],
  );

  const pair = useCallback(
    async (code: string) => {
      try {
        const r = await pairOnce(code);
        urlCode = null;
        if (r.device.mall.slug !== mall || r.device.kind !== kind) {
          setState({ status: 'unpaired', error: 'WRONG_DEVICE' });
          return;
        }
        localStorage.setItem(key(mall, kind), r.token);
        setState({ status: 'paired', token: r.token, device: r.device });
      } catch (err) {
        urlCode = null;
        pairings.delete(code);
        setState({ status: 'unpaired', error: err instanceof ApiError ? err.code : 'NETWORK' });
      }
    },
    [mall, kind],
  );

  const checkIn = useCallback(
    async (token: string) => {
      try {
        const device = await api.get('/api/v1/devices/me', { token });
        if (device.mall.slug !== mall || device.kind !== kind) return forget('WRONG_DEVICE');
        setState({ status: 'paired', token, device });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return forget('REVOKED');
        // Offline or the server restarting: keep working with the token we have.
        setState((s) => (s.status === 'paired' ? s : { status: 'paired', token, device: null }));
      }
    },
    [mall, kind, forget],
  );

  useEffect(() => {
    urlCode = takePairCode() ?? urlCode;
    const code = urlCode;
    if (code) {
      void pair(code);
      return;
    }
    const token = localStorage.getItem(key(mall, kind));
    if (token) void checkIn(token);
    else setState({ status: 'unpaired', error: null });
  }, [mall, kind, pair, checkIn]);

  const token = state.status === 'paired' ? state.token : null;
  useInterval(
    () => {
      if (token) void checkIn(token);
    },
    token ? CHECK_IN_MS : null,
  );

  return { state, token, pair, forget };
}
