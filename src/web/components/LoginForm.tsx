import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import type { Auth } from '../app/auth';

/** The server's Retry-After for a refused sign-in (its details), in seconds. */
function retryAfter(err: unknown): number {
  const d =
    err instanceof ApiError ? (err.details as { retryAfterSeconds?: unknown } | undefined) : undefined;
  return typeof d?.retryAfterSeconds === 'number' ? d.retryAfterSeconds : 60;
}

/** "30 detik" under 90 s, else whole minutes: the same wording as the server's message. */
function waitText(t: TFunction, seconds: number): string {
  return seconds < 90
    ? t('login.seconds', { count: seconds })
    : t('login.minutes', { count: Math.ceil(seconds / 60) });
}

/** Staff sign-in (username + password) for the counter console and admin. */
export function LoginForm({ auth, title }: { auth: Auth; title: string }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card login"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await auth.login(username.trim(), password);
        } catch (err) {
          const status = err instanceof ApiError ? err.status : 0;
          const code = err instanceof ApiError ? err.code : '';
          setError(
            status === 401 || status === 400
              ? t('login.wrong')
              : code === 'LOGIN_DELAYED' || code === 'LOGIN_THROTTLED'
                ? t(code === 'LOGIN_DELAYED' ? 'login.delayed' : 'login.throttled', {
                    wait: waitText(t, retryAfter(err)),
                  })
                : status === 429 || status === 423
                  ? t('login.locked')
                  : err instanceof ApiError && err.status
                    ? err.message
                    : t('common.networkError'),
          );
        } finally {
          setBusy(false);
        }
      }}
    >
      <h1>{title}</h1>
      <label className="field">
        <span>{t('login.username')}</span>
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label className="field">
        <span>{t('login.password')}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn" disabled={busy}>
        {busy ? t('common.loading') : t('login.submit')}
      </button>
    </form>
  );
}
