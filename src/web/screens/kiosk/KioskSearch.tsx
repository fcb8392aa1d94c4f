import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import { useMall } from '../../app/mall';
import type { ServiceSummary } from '../../app/types';
import { useApi } from '../../app/useApi';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { ServiceList } from './ServiceList';

/** Search the catalog by words citizens use ("ktp", "skck", "sim"). */
export function KioskSearch({ onPick }: { onPick: (s: ServiceSummary) => void }) {
  const { t } = useTranslation();
  const mall = useMall();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setQuery(q.trim()), 250);
    return () => clearTimeout(id);
  }, [q]);
  const results = useApi(
    query.length >= 2 ? '/api/v1/malls/{mall}/services' : null,
    { params: { path: { mall: mall.slug }, query: { q: query, limit: 30 } } },
    { keepPrevious: true },
  );
  return (
    <section aria-labelledby="kiosk-search-h">
      <h1 id="kiosk-search-h" className="kiosk-title">
        {t('kiosk.searchTitle')}
      </h1>
      <label className="sr-only" htmlFor="kiosk-q">
        {t('kiosk.searchTitle')}
      </label>
      <input
        id="kiosk-q"
        className="kiosk-input"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('kiosk.searchPlaceholder')}
        maxLength={LIMITS.search}
        autoComplete="off"
      />
      <OnScreenKeyboard value={q} onChange={setQ} />
      {query.length >= 2 && results.data?.total === 0 && (
        <div className="notice kiosk-not-found" role="status">
          <p className="kiosk-subtitle">{t('kiosk.notFound', { q: query })}</p>
          <p>{t('kiosk.notFoundHint')}</p>
        </div>
      )}
      {query.length >= 2 && results.data && results.data.total > 0 && (
        <>
          <p className="kiosk-subtitle">{t('portal.results', { count: results.data.total })}</p>
          <ServiceList services={results.data.items} onPick={onPick} label={t('kiosk.searchTitle')} />
        </>
      )}
    </section>
  );
}
