import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { useAdmin } from './adminContext';

/** Sends one admin write with the staff token; keeps busy/error/success for the form. */
export function useMutation() {
  const { t } = useTranslation();
  const { token } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /**
   * Runs one typed API call with the staff token (`call(token)`), e.g.
   * `m.run((token) => api.patch('/api/v1/malls/{mall}/counters/{id}', {params, body, token}))`;
   * answers the call's result, or null when it failed (the error is shown). A 204 answers undefined.
   */
  const run = useCallback(
    async <T,>(call: (token: string | null) => Promise<T>, success?: string): Promise<T | null> => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        const res = await call(token);
        setDone(success ?? t('common.saved'));
        return res;
      } catch (err) {
        setError(errorText(t, err));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [token, t],
  );
  /** A form saved without changes: nothing is sent, the form closes and says so. */
  const unchanged = useCallback(
    (close: () => void) => {
      setError(null);
      setDone(t('common.noChanges'));
      close();
    },
    [t],
  );
  return { busy, error, done, run, token, setError, unchanged };
}

export function FormStatus({ error, done }: { error: string | null; done: string | null }) {
  return (
    <div aria-live="polite">
      {error && <p className="alert">{error}</p>}
      {done && <p className="success">{done}</p>}
    </div>
  );
}
