import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { PhoneIcon } from '../../components/Icons';

/** The agencies serving at the mall and their own hotlines. */
export function PortalAgencies() {
  const { t } = useTranslation();
  const mall = useMall();
  const { data, error } = useApi('/api/v1/malls/{mall}/agencies', { params: { path: { mall: mall.slug } } });
  return (
    <>
      <h1>{t('portal.hotlinesTitle')}</h1>
      <p>{t('portal.hotlinesLead')}</p>
      {error && <p className="alert">{t('common.loadFailed')}</p>}
      {!data && !error && <p aria-busy="true">{t('common.loading')}</p>}
      <ul className="agency-list">
        {data?.items
          .filter((a) => !a.retired)
          .map((a) => (
            <li key={a.id} className="card">
              <h2 className="agency-name">{a.name}</h2>
              <p className="muted small">{t(`agencyType.${a.type}`)}</p>
              <p>
                {a.hotline ? (
                  <a className="btn btn-secondary" href={`tel:${a.hotline.replace(/[^\d+]/g, '')}`}>
                    <PhoneIcon /> {a.hotline}
                  </a>
                ) : (
                  <span className="muted">{t('portal.noHotline')}</span>
                )}
              </p>
              <Link to={`/${mall.slug}?agency=${a.id}`} className="small">
                {t('portal.servicesCount', { count: a.serviceCount ?? 0 })}
              </Link>
            </li>
          ))}
      </ul>
    </>
  );
}
