import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type RequestOptions } from '../../app/api';
import { errorText } from '../../app/errors';
import { useAdmin } from './adminContext';

/** Sends one admin write with the staff token; keeps busy/error/success for the form. */
export function useMutation() {
  const { t } = useTranslation();
  const { token } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = useCallback(
    async <T,>(path: string, opts: Omit<RequestOptions, 'token'>, success?: string): Promise<T | null> => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        const res = await api<T>(path, { ...opts, token });
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
  return { busy, error, done, send, setError, unchanged };
}

export function FormStatus({ error, done }: { error: string | null; done: string | null }) {
  return (
    <div aria-live="polite">
      {error && <p className="alert">{error}</p>}
      {done && <p className="success">{done}</p>}
    </div>
  );
}
