import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useMall } from '../../app/mall';
import { BrandMark } from '../../components/BrandMark';
import { LangSwitch } from '../../components/LangSwitch';
import '../../styles/portal.css';

/** Phone-first public portal: catalog, agency hotlines and the citizen's live ticket. */
export function PortalLayout() {
  const { t } = useTranslation();
  const mall = useMall();
  const base = `/${mall.slug}`;
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="portal-header">
        <div className="portal-title">
          <Link to={base} className="portal-mall">
            <BrandMark />
            <span>{mall.name}</span>
          </Link>
          <LangSwitch className="btn-small" />
        </div>
        <nav className="portal-nav" aria-label={t('portal.nav')}>
          <NavLink to={base} end>
            {t('portal.services')}
          </NavLink>
          <NavLink to={`${base}/booking`}>{t('booking.nav')}</NavLink>
          <NavLink to={`${base}/agencies`}>{t('portal.hotlines')}</NavLink>
          <NavLink to={`${base}/complaints`}>{t('complaints.nav')}</NavLink>
          <NavLink to={`${base}/survey`}>{t('survey.nav')}</NavLink>
        </nav>
      </header>
      <main id="main" className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <p>{mall.address}</p>
        <p className="muted small">{t('portal.footer')}</p>
      </footer>
    </div>
  );
}
