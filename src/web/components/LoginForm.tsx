import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import type { Auth } from '../app/auth';

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
          setError(
            status === 401 || status === 400
              ? t('login.wrong')
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
