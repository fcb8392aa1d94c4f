import { useTranslation } from 'react-i18next';
import { DisplayEvent } from '../../../shared/contracts/events';
import { mallPath } from '../../app/api';
import { errorText } from '../../app/errors';
import { useEventStream, useInterval, useThrottled } from '../../app/live';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { Chart } from '../../components/Chart';
import '../../styles/stats.css';
import { useAdmin } from './adminContext';

const STATE_COLORS = { busy: '#1f7a4d', idle: '#e0a100', break: '#7b61c4', closed: '#9aa0a6' } as const;

/**
 * The mall's live dashboard: who waits for what and how long, counters busy/idle/on break/closed,
 * today's calls per hour and figures, SLA breaches and today's IKM. Re-reads its snapshot when the
 * hall's live stream reports a change (at most every 400 ms), and every 15 s so waits keep ageing.
 */
export function DashboardAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const dash = useApi(
    '/api/v1/malls/{mall}/dashboard',
    { params: { path: { mall: mall.slug } }, token },
    {
      keepPrevious: true,
    },
  );
  const refetch = useThrottled(dash.reload, 400);
  const { online } = useEventStream(mallPath(mall.slug, '/displays/all/stream'), DisplayEvent, refetch);
  useInterval(dash.reload, 15_000);
  const d = dash.data;
  const hours = d ? d.callsPerHour.filter((h) => h.hour >= 7 && h.hour <= 17) : [];
  const waiting = d ? d.waiting.slice(0, 12).reverse() : [];
  const num = (v: number | null | undefined, digits = 1) =>
    v === null || v === undefined ? '—' : v.toLocaleString('id-ID', { maximumFractionDigits: digits });

  return (
    <section aria-labelledby="dash-h" className="stats-screen dashboard">
      <div className="section-head">
        <h1 id="dash-h">{t('admin.section.dashboard')}</h1>
        <span className={`live-badge ${online ? 'on' : 'off'}`} data-testid="dash-live">
          {online ? t('common.live') : t('common.offline')}
        </span>
      </div>
      {dash.error && (
        <p className="alert">{t('admin.reports.error', { message: errorText(t, dash.error) })}</p>
      )}
      {!d && !dash.error && <p className="muted">{t('admin.reports.loading')}</p>}
      {d && (
        <>
          <div className="stats stats-counts" data-testid="dash-tiles">
            <div className="stat">
              <span className="stat-value" data-testid="dash-waiting">
                {d.totalWaiting}
              </span>
              <span className="stat-label">{t('admin.dashboard.waiting')}</span>
            </div>
            <div className="stat">
              <span className="stat-value">{d.longestWait ? `${num(d.longestWait.minutes, 0)}′` : '—'}</span>
              <span className="stat-label">
                {t('admin.dashboard.longest')}
                {d.longestWait ? ` · ${d.longestWait.number}` : ''}
              </span>
            </div>
            <div className="stat">
              <span className="stat-value" data-testid="dash-busy">
                {d.counterStates.busy}/{d.counters.length}
              </span>
              <span className="stat-label">{t('admin.dashboard.busy')}</span>
            </div>
            <div className="stat">
              <span className="stat-value" data-testid="dash-served">
                {d.today.served}
              </span>
              <span className="stat-label">{t('admin.dashboard.servedToday')}</span>
            </div>
            <div className="stat">
              <span className="stat-value">{num(d.today.wait.mean)}′</span>
              <span className="stat-label">{t('admin.dashboard.meanWaitToday')}</span>
            </div>
            <div className="stat">
              <span className="stat-value">{d.ikmToday?.ikm != null ? num(d.ikmToday.ikm, 2) : '—'}</span>
              <span className="stat-label">
                {t('admin.dashboard.ikmToday', { n: d.ikmToday?.responses ?? 0 })}
              </span>
            </div>
          </div>
          <p className={d.slaBreaches.applications || d.slaBreaches.complaints ? 'alert' : 'muted'}>
            {t('admin.dashboard.sla', {
              applications: d.slaBreaches.applications ?? '—',
              complaints: d.slaBreaches.complaints ?? '—',
            })}
          </p>
          <div className="two-col">
            <div>
              <h2>{t('admin.dashboard.waitingPerService')}</h2>
              {waiting.length === 0 ? (
                <p className="muted">{t('admin.hall.nobody')}</p>
              ) : (
                <Chart
                  label={t('admin.dashboard.waitingPerService')}
                  height={Math.max(180, waiting.length * 28 + 60)}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: {
                      type: 'category',
                      data: waiting.map((w) => w.serviceName),
                      axisLabel: { width: 200, overflow: 'truncate' },
                    },
                    series: [
                      {
                        name: t('admin.dashboard.waiting'),
                        type: 'bar',
                        data: waiting.map((w) => w.waiting),
                        itemStyle: { color: '#1565c0' },
                      },
                      {
                        name: t('admin.dashboard.longestMinutes'),
                        type: 'bar',
                        data: waiting.map((w) => w.longestWaitMinutes),
                        itemStyle: { color: '#e65100' },
                      },
                    ],
                  }}
                />
              )}
            </div>
            <div>
              <h2>{t('admin.dashboard.counters')}</h2>
              <Chart
                label={t('admin.dashboard.counters')}
                height={220}
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      // Above the legend, with labels only for the states some counter is in.
                      center: ['50%', '44%'],
                      radius: ['36%', '60%'],
                      label: { formatter: '{b}: {c}' },
                      data: (['busy', 'idle', 'break', 'closed'] as const).map((s) => ({
                        name: t(`admin.dashboard.state.${s}`),
                        value: d.counterStates[s],
                        itemStyle: { color: STATE_COLORS[s] },
                        label: { show: d.counterStates[s] > 0 },
                        labelLine: { show: d.counterStates[s] > 0 },
                      })),
                    },
                  ],
                }}
              />
              <h2>{t('admin.dashboard.callsPerHour')}</h2>
              <Chart
                label={t('admin.dashboard.callsPerHour')}
                height={200}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
                  xAxis: { type: 'category', data: hours.map((h) => `${String(h.hour).padStart(2, '0')}`) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [{ type: 'bar', data: hours.map((h) => h.calls), itemStyle: { color: '#2e7d32' } }],
                }}
              />
            </div>
          </div>
          <h2>{t('admin.dashboard.counterList')}</h2>
          <div className="counter-chips">
            {d.counters.map((c) => (
              <span
                key={c.counterId}
                className={`chip chip-state-${c.state}`}
                title={t(`admin.dashboard.state.${c.state}`)}
              >
                {c.name}: {c.current ?? t(`admin.dashboard.state.${c.state}`)}
              </span>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
