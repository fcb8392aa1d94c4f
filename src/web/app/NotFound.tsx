import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="page-message">
      <h1>{t('common.pageNotFound')}</h1>
      <Link to="/">{t('home.allMalls')}</Link>
    </main>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <main className="page-message" aria-busy="true">
      <p>{t('common.loading')}</p>
    </main>
  );
}
