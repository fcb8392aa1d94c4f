import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { embeddedMall } from './embeddedMall';
import { MallContext } from './mall';
import { useApi } from './useApi';

/** Loads the mall named in the URL once and provides it to every screen below. */
export function MallLayout() {
  const { t } = useTranslation();
  const slug = useParams().mall ?? '';
  const valid = /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug);
  // The page usually arrives with its mall embedded; only a page without it asks the API.
  const embedded = valid ? embeddedMall(slug) : null;
  const fetched = useApi(valid && !embedded ? '/api/v1/malls/{mall}' : null, {
    params: { path: { mall: slug } },
  });
  const data = embedded ?? fetched.data;
  const error = embedded ? null : fetched.error;

  useEffect(() => {
    if (data) document.title = `${data.name} — Satu Atap`;
  }, [data]);

  if (!valid || error?.status === 404)
    return (
      <main className="page-message">
        <h1>{t('common.mallNotFound')}</h1>
        <Link to="/">{t('home.allMalls')}</Link>
      </main>
    );
  if (error)
    return (
      <main className="page-message" role="alert">
        <h1>{t('common.loadFailed')}</h1>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </main>
    );
  if (!data)
    return (
      <main className="page-message" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  return (
    <MallContext.Provider value={data}>
      <Outlet />
    </MallContext.Provider>
  );
}
