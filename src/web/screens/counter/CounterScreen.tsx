import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useMall } from '../../app/mall';
import { may } from '../../app/permissions';
import { useApi } from '../../app/useApi';
import { LoginForm } from '../../components/LoginForm';
import { StaffHeader } from '../../components/StaffHeader';
import '../../styles/counter.css';
import { CounterConsole } from './CounterConsole';

const pickedKey = (mall: string) => `satu-atap:counter:${mall}`;

/** Officer console: sign in, pick one of your counters, work its queue. */
export function CounterScreen() {
  const { t } = useTranslation();
  const mall = useMall();
  const auth = useAuth(mall.slug);
  const [picked, setPicked] = useState<number | null>(
    () => Number(localStorage.getItem(pickedKey(mall.slug))) || null,
  );
  const counters = useApi(auth.user ? '/api/v1/malls/{mall}/counters' : null, {
    params: { path: { mall: mall.slug } },
  });
  const mine =
    counters.data?.items.filter((c) =>
      may(auth.user, 'counter.operate', { agencyId: c.agencyId, counterId: c.id }),
    ) ?? [];
  const counter = mine.find((c) => c.id === picked) ?? (mine.length === 1 ? mine[0] : undefined);

  const choose = (id: number | null) => {
    if (id) localStorage.setItem(pickedKey(mall.slug), String(id));
    else localStorage.removeItem(pickedKey(mall.slug));
    setPicked(id);
  };

  return (
    <div className="counter-app">
      <StaffHeader
        title={t('counter.title')}
        signedInAs={auth.user ? auth.user.displayName : null}
        onLogout={auth.logout}
      >
        {mine.length > 1 && counter && (
          <button type="button" className="btn btn-small btn-secondary" onClick={() => choose(null)}>
            {t('counter.switchCounter')}
          </button>
        )}
      </StaffHeader>
      <main className="counter-main">
        {!auth.session && <LoginForm auth={auth} title={t('counter.loginTitle')} />}
        {auth.session && counters.data && mine.length === 0 && (
          <p className="alert">{t('counter.noCounters')}</p>
        )}
        {auth.session && !counter && mine.length > 1 && (
          <section className="card picker" aria-labelledby="pick-h">
            <h1 id="pick-h">{t('counter.pick')}</h1>
            <ul className="picker-list">
              {mine.map((c) => (
                <li key={c.id}>
                  <button type="button" className="tile" onClick={() => choose(c.id)}>
                    <span className="tile-title">{c.name}</span>
                    <span className="tile-sub">{c.agencyName}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {auth.session && counter && <CounterConsole counter={counter} token={auth.session.token} />}
      </main>
    </div>
  );
}
