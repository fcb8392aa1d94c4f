import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoneAbbr } from '../../app/format';
import { useApi } from '../../app/useApi';
import { BrandMark } from '../../components/BrandMark';
import { LangSwitch } from '../../components/LangSwitch';

const SCREENS = ['portal', 'kiosk', 'display', 'counter', 'admin'] as const;

/** `/`: every mall of this deployment, with a link to each of its screens. */
export function HomeScreen() {
  const { t } = useTranslation();
  const { data, error, reload } = useApi('/api/v1/malls');
  useEffect(() => {
    document.title = 'Satu Atap — Mal Pelayanan Publik';
  }, []);

  return (
    <div className="home">
      <header className="topbar">
        <div className="brand">
          <BrandMark />
          <span>Satu Atap</span>
        </div>
        <LangSwitch />
      </header>
      <main className="home-main">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {error && (
          <p role="alert" className="alert">
            {t('common.loadFailed')}{' '}
            <button type="button" className="btn btn-small" onClick={reload}>
              {t('common.retry')}
            </button>
          </p>
        )}
        {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
        {data?.items.length === 0 && <p>{t('home.empty')}</p>}
        <ul className="mall-list">
          {data?.items.map((m) => (
            <li key={m.id} className="card mall-card">
              <h2>
                <Link to={`/${m.slug}`}>{m.name}</Link>
              </h2>
              <p className="muted">
                {m.address} · {zoneAbbr(m.timezone)}
              </p>
              <nav aria-label={t('home.screensOf', { name: m.name })} className="screen-links">
                {SCREENS.map((s) => (
                  <Link
                    key={s}
                    className="btn btn-secondary"
                    to={s === 'portal' ? `/${m.slug}` : `/${m.slug}/${s}`}
                  >
                    {t(`home.screen.${s}`)}
                  </Link>
                ))}
              </nav>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
