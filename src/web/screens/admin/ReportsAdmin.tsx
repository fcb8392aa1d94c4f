import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { Chart } from '../../components/Chart';
import '../../styles/stats.css';
import { useAdmin } from './adminContext';
import { Field, NamedOptions } from './FormParts';

const localToday = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const pct = (v: number | null) =>
  v === null ? '—' : `${(v * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
const min = (v: number | null) =>
  v === null ? '—' : `${v.toLocaleString('id-ID', { maximumFractionDigits: 1 })}′`;

/** Reports by day/week/month with filters, charts and CSV/XLSX/PDF exports (issue 15). */
export function ReportsAdmin() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const today = localToday(mall.timezone);
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState<'day' | 'week' | 'month'>('day');
  const [agencyId, setAgencyId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [counterId, setCounterId] = useState('');
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const at = { mall: mall.slug };
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: at } });
  const services = useApi('/api/v1/malls/{mall}/services', { params: { path: at, query: { limit: 500 } } });
  const counters = useApi('/api/v1/malls/{mall}/counters', { params: { path: at } });
  const valid = Boolean(from && to && from <= to);
  const query = {
    from,
    to,
    period,
    agencyId: agencyId ? Number(agencyId) : undefined,
    serviceId: serviceId ? Number(serviceId) : undefined,
    counterId: counterId ? Number(counterId) : undefined,
  };
  const report = useApi(
    valid ? '/api/v1/malls/{mall}/reports/queue' : null,
    { params: { path: at, query }, token },
    { keepPrevious: true },
  );
  const r = report.data;

  const save = async (format: 'csv' | 'xlsx' | 'pdf') => {
    setExporting(format);
    setExportError(null);
    try {
      const blob = await download('/api/v1/malls/{mall}/reports/queue/export', {
        params: { path: at, query: { ...query, format, lang: i18n.language.startsWith('en') ? 'en' : 'id' } },
        token,
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `laporan-${mall.slug}-${from}-${to}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (err) {
      setExportError(t('admin.reports.exportFailed', { message: errorText(t, err) }));
    } finally {
      setExporting(null);
    }
  };

  const shownServices = (services.data?.items ?? []).filter(
    (s) => !agencyId || s.agencyId === Number(agencyId),
  );
  const tiles: [string, string | number][] = r
    ? [
        ['visitors', r.totals.visitors],
        ['issued', r.totals.issued],
        ['served', r.totals.served],
        ['waitMean', min(r.totals.wait.mean)],
        ['waitP50', min(r.totals.wait.p50)],
        ['waitP90', min(r.totals.wait.p90)],
        ['walkMean', min(r.totals.walk.mean)],
        ['serviceMean', min(r.totals.service.mean)],
        ['noShowRate', pct(r.totals.noShowRate)],
        ['transferRate', pct(r.totals.transferRate)],
        ['priorityShare', pct(r.totals.priorityShare)],
        ['slaCompliance', r.applications ? pct(r.applications.compliance) : '—'],
        ['complaints', r.complaints ? r.complaints.total : '—'],
        ['ikm', r.ikm?.ikm != null ? `${r.ikm.ikm} (${r.ikm.grade})` : '—'],
        ['showRate', r.bookings ? pct(r.bookings.showRate) : '—'],
      ]
    : [];

  return (
    <section aria-labelledby="reports-h" className="stats-screen reports-screen">
      <div className="section-head">
        <h1 id="reports-h">{t('admin.section.reports')}</h1>
        <div className="report-actions">
          {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="btn btn-secondary"
              disabled={!r || !!exporting}
              onClick={() => save(f)}
            >
              {exporting === f ? t('admin.reports.exporting') : t(`admin.reports.export.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('admin.stats.from')}>
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('admin.stats.to')}>
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t('admin.reports.period')}>
          <select value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
            {(['day', 'week', 'month'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`admin.reports.periods.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.stats.agency')}>
          <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{t('admin.stats.allAgencies')}</option>
            <NamedOptions items={agencies.data?.items ?? []} />
          </select>
        </Field>
        <Field label={t('admin.reports.service')}>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('admin.reports.allServices')}</option>
            <NamedOptions items={shownServices} />
          </select>
        </Field>
        <Field label={t('admin.reports.counter')}>
          <select value={counterId} onChange={(e) => setCounterId(e.target.value)}>
            <option value="">{t('admin.reports.allCounters')}</option>
            <NamedOptions items={counters.data?.items ?? []} />
          </select>
        </Field>
      </form>
      {exportError && <p className="alert">{exportError}</p>}
      {!valid && <p className="alert">{t('admin.stats.badRange')}</p>}
      {valid && report.error && (
        <p className="alert">{t('admin.reports.error', { message: errorText(t, report.error) })}</p>
      )}
      {valid && !r && !report.error && <p className="muted">{t('admin.reports.loading')}</p>}
      {r && (
        <div className={report.loading ? 'stats-body is-loading' : 'stats-body'} aria-busy={report.loading}>
          <div className="stats stats-counts" data-testid="report-tiles">
            {tiles.map(([k, v]) => (
              <div className="stat" key={k}>
                <span className="stat-value">{v}</span>
                <span className="stat-label">{t(`admin.reports.tile.${k}`)}</span>
              </div>
            ))}
          </div>
          <div className="two-col">
            <div>
              <h2>{t('admin.reports.series')}</h2>
              <Chart
                label={t('admin.reports.series')}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
                  xAxis: { type: 'category', data: r.periods.map((p) => p.start) },
                  yAxis: [
                    { type: 'value', minInterval: 1 },
                    { type: 'value', name: t('admin.reports.minutes'), splitLine: { show: false } },
                  ],
                  series: [
                    {
                      name: t('admin.reports.tile.issued'),
                      type: 'bar',
                      data: r.periods.map((p) => p.issued),
                    },
                    {
                      name: t('admin.reports.tile.served'),
                      type: 'bar',
                      data: r.periods.map((p) => p.served),
                    },
                    {
                      name: t('admin.reports.tile.waitMean'),
                      type: 'line',
                      yAxisIndex: 1,
                      data: r.periods.map((p) => p.wait.mean),
                    },
                  ],
                }}
              />
            </div>
            <div>
              <h2>{t('admin.reports.bySource')}</h2>
              <Chart
                label={t('admin.reports.bySource')}
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['40%', '70%'],
                      label: { formatter: '{b}: {c}' },
                      data: (['kiosk', 'online', 'counter', 'booking'] as const).map((s) => ({
                        name: t(`admin.reports.source.${s}`),
                        value: r.totals.bySource[s],
                      })),
                    },
                  ],
                }}
              />
            </div>
          </div>
          <h2>{t('admin.reports.byHour')}</h2>
          <Chart
            label={t('admin.reports.byHour')}
            height={220}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
              xAxis: {
                type: 'category',
                data: r.byHour
                  .filter((h) => h.hour >= 7 && h.hour <= 17)
                  .map((h) => String(h.hour).padStart(2, '0')),
              },
              yAxis: [
                { type: 'value', minInterval: 1 },
                { type: 'value', splitLine: { show: false } },
              ],
              series: [
                {
                  name: t('admin.reports.tile.issued'),
                  type: 'bar',
                  data: r.byHour.filter((h) => h.hour >= 7 && h.hour <= 17).map((h) => h.issued),
                },
                {
                  name: t('admin.reports.tile.waitMean'),
                  type: 'line',
                  yAxisIndex: 1,
                  data: r.byHour.filter((h) => h.hour >= 7 && h.hour <= 17).map((h) => h.meanWaitMinutes),
                },
              ],
            }}
          />
          <h2>{t('admin.reports.byService')}</h2>
          <div className="table-scroll">
            <table className="table stats-table" data-testid="report-services">
              <thead>
                <tr>
                  <th scope="col">{t('admin.col.service')}</th>
                  <th scope="col">{t('admin.col.agency')}</th>
                  <th scope="col" className="num">
                    {t('admin.reports.tile.issued')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.reports.tile.served')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.reports.tile.waitMean')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.reports.tile.waitP90')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.reports.tile.serviceMean')}
                  </th>
                  <th scope="col" className="num">
                    {t('admin.reports.tile.noShowRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.services.map((s) => (
                  <tr key={s.serviceId}>
                    <th scope="row">{s.serviceName}</th>
                    <td>{s.agencyName}</td>
                    <td className="num">{s.issued}</td>
                    <td className="num">{s.served}</td>
                    <td className="num">{min(s.wait.mean)}</td>
                    <td className="num">{min(s.wait.p90)}</td>
                    <td className="num">{min(s.service.mean)}</td>
                    <td className="num">{pct(s.noShowRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            {t('admin.reports.source.note', { rolled: r.source.rolledUpDays, live: r.source.liveDays })}
          </p>
        </div>
      )}
    </section>
  );
}
