import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/contracts/limits';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { OpeningHours } from '../../components/OpeningHours';
import { ServiceCard } from './ServiceCard';
import { TrackForm } from './TrackForm';

/** Catalog search: every service with its time and fee; opens the published standard. */
export function PortalHome() {
  const { t } = useTranslation();
  const mall = useMall();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency') ?? '';
  const setAgencyId = (v: string) => setParams(v ? { agency: v } : {}, { replace: true });
  useEffect(() => {
    const id = setTimeout(() => setQuery(q.trim()), 250);
    return () => clearTimeout(id);
  }, [q]);
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: { mall: mall.slug } } });
  const services = useApi(
    '/api/v1/malls/{mall}/services',
    {
      params: {
        path: { mall: mall.slug },
        query: { q: query, agencyId: agencyId ? Number(agencyId) : undefined, limit: 200 },
      },
    },
    { keepPrevious: true },
  );

  return (
    <>
      <section className="hero" aria-labelledby="portal-h">
        <h1 id="portal-h">{t('portal.title')}</h1>
        <p>{t('portal.lead')}</p>
        <search className="search">
          <form onSubmit={(e) => e.preventDefault()}>
            <label htmlFor="portal-q" className="sr-only">
              {t('portal.searchLabel')}
            </label>
            <input
              id="portal-q"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t('portal.searchPlaceholder')}
              maxLength={LIMITS.search}
              autoComplete="off"
            />
          </form>
        </search>
        <label className="field">
          <span>{t('portal.agency')}</span>
          <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{t('portal.allAgencies')}</option>
            {agencies.data?.items
              .filter((a) => !a.retired)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
        <TrackForm />
      </section>
      <OpeningHours />
      <section aria-labelledby="portal-results" aria-busy={services.loading}>
        <h2 id="portal-results" className="results-title">
          {!services.data
            ? t('common.loading')
            : services.data.total > 0
              ? t('portal.results', { count: services.data.total })
              : t('portal.noResults')}
        </h2>
        {services.error && <p className="alert">{t('common.loadFailed')}</p>}
        {services.data?.total === 0 && (
          <p className="notice" role="status">
            {t('portal.noResultsHint')}
          </p>
        )}
        <ul className="service-list">
          {services.data?.items.map((s) => (
            <li key={s.id}>
              <ServiceCard service={s} />
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to={`/${mall.slug}/agencies`}>{t('portal.hotlinesLink')}</Link>
      </p>
    </>
  );
}
