import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneAbbr } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/stats.css';
import { errorText } from '../../app/errors';
import { useAdmin } from './adminContext';
import { Field, NamedOptions } from './FormParts';
import { HourChart } from './HourChart';
import { PriorityFigures, TimesTable } from './StatsFigures';
import { CounterStatsTable, ServiceStatsTable } from './StatsTables';

/** Today's calendar date (YYYY-MM-DD) in the mall's time zone, not the browser's. */
export const localToday = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

const COUNTS = ['issued', 'served', 'noShows', 'cancelled', 'expired', 'transferred', 'recalls'] as const;

/** Queue statistics of a date range: totals, times, the priority rule, services, counters, hours. */
export function StatsAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const today = localToday(mall.timezone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [agencyId, setAgencyId] = useState('');
  const at = { mall: mall.slug };
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: at } });
  const valid = Boolean(from && to && from <= to);
  const stats = useApi(
    valid ? '/api/v1/malls/{mall}/stats/queue' : null,
    { params: { path: at, query: { from, to, agencyId: agencyId ? Number(agencyId) : undefined } }, token },
    { keepPrevious: true },
  );
  const s = stats.data;
  const agencyName = new Map(agencies.data?.items.map((a) => [a.id, a.name]) ?? []);

  return (
    <section aria-labelledby="stats-h" className="stats-screen">
      <div className="section-head">
        <h1 id="stats-h">{t('admin.section.stats')}</h1>
      </div>
      <p className="muted">{t('admin.stats.lead', { tz: zoneAbbr(mall.timezone) })}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('admin.stats.from')}>
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('admin.stats.to')}>
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t('admin.stats.agency')}>
          <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{t('admin.stats.allAgencies')}</option>
            <NamedOptions items={agencies.data?.items ?? []} />
          </select>
        </Field>
      </form>
      {!valid && <p className="alert">{t('admin.stats.badRange')}</p>}
      {valid && stats.error && (
        <p className="alert">{t('admin.stats.error', { message: errorText(t, stats.error) })}</p>
      )}
      {valid && !s && !stats.error && <p className="muted">{t('admin.stats.loading')}</p>}
      {s && (
        <div className={stats.loading ? 'stats-body is-loading' : 'stats-body'} aria-busy={stats.loading}>
          <h2 className="sr-only">{t('admin.stats.totals')}</h2>
          <div className="stats stats-counts" data-testid="stats-totals">
            {COUNTS.map((k) => (
              <div className="stat" key={k}>
                <span className="stat-value">{s.totals.counts[k]}</span>
                <span className="stat-label">{t(`admin.stats.${k}`)}</span>
              </div>
            ))}
          </div>
          {s.totals.counts.issued === 0 && <p className="muted">{t('admin.stats.empty')}</p>}
          <div className="two-col">
            <div>
              <h2>{t('admin.stats.times')}</h2>
              <TimesTable times={s.totals.times} />
            </div>
            <div>
              <h2>{t('admin.stats.priority')}</h2>
              <PriorityFigures priority={s.totals.priority} />
            </div>
          </div>
          <h2>{t('admin.stats.byHour')}</h2>
          <HourChart hours={s.byHour} />
          <h2>{t('admin.stats.perService')}</h2>
          <ServiceStatsTable rows={s.services} agencyName={agencyName} />
          <h2>{t('admin.stats.perCounter')}</h2>
          <CounterStatsTable rows={s.counters} />
        </div>
      )}
    </section>
  );
}
