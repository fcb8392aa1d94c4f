import { useTranslation } from 'react-i18next';
import { DisplayEvent } from '../../../shared/contracts/events';
import { mallPath } from '../../app/api';
import { formatTime } from '../../app/format';
import { useEventStream, useInterval, useThrottled } from '../../app/live';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { HallQueues } from './HallQueues';

/** Live hall: every counter's state and ticket, waiting per service, latest calls. */
export function HallView() {
  const { t } = useTranslation();
  const mall = useMall();
  const state = useApi('/api/v1/malls/{mall}/displays/{zone}/state', {
    params: { path: { mall: mall.slug, zone: 'all' } },
  });
  const counters = useApi('/api/v1/malls/{mall}/counters', { params: { path: { mall: mall.slug } } });
  const refetch = useThrottled(() => {
    state.reload();
    counters.reload();
  }, 500);
  // The hall's wait figures (oldest, mean) are not in the events: a change re-reads the snapshot.
  const { online } = useEventStream(mallPath(mall.slug, '/displays/all/stream'), DisplayEvent, refetch, {
    enabled: !state.error,
  });
  useInterval(state.reload, 20_000);
  const s = state.data;
  const totalWaiting = s?.waiting.reduce((n, w) => n + w.waiting, 0) ?? 0;
  const open = (s?.counters ?? counters.data?.items ?? []).filter((c) => c.status === 'open').length;
  const byId = new Map(s?.counters.map((c) => [c.id, c]) ?? []);

  return (
    <section aria-labelledby="hall-h">
      <div className="section-head">
        <h1 id="hall-h">{t('admin.section.hall')}</h1>
        <span className={`live-badge ${online ? 'on' : 'off'}`}>
          {online ? t('common.live') : t('common.offline')}
        </span>
      </div>
      {state.error && <p className="notice">{t('admin.hall.unavailable')}</p>}
      <div className="stats">
        <div className="stat">
          <span className="stat-value">{totalWaiting}</span>
          <span className="stat-label">{t('admin.hall.waiting')}</span>
        </div>
        <div className="stat">
          <span className="stat-value">
            {open}/{counters.data?.items.length ?? '—'}
          </span>
          <span className="stat-label">{t('admin.hall.openCounters')}</span>
        </div>
        <div className="stat">
          <span className="stat-value">{s?.recentCalls.length ?? 0}</span>
          <span className="stat-label">{t('admin.hall.recentCalls')}</span>
        </div>
      </div>
      <div className="two-col">
        <div>
          <h2>{t('admin.hall.counters')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.col.counter')}</th>
                <th scope="col">{t('admin.col.agency')}</th>
                <th scope="col">{t('admin.col.status')}</th>
                <th scope="col">{t('admin.col.current')}</th>
              </tr>
            </thead>
            <tbody>
              {counters.data?.items.map((c) => {
                const live = byId.get(c.id);
                const status = live?.status ?? c.status;
                return (
                  <tr key={c.id}>
                    <td className="nowrap">{c.name}</td>
                    <td>{c.agencyName}</td>
                    <td>
                      <span className={`chip chip-status-${status}`}>{t(`counterStatus.${status}`)}</span>
                    </td>
                    <td className="mono">{live?.current?.number ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div>
          <h2>{t('admin.hall.queues')}</h2>
          <HallQueues waiting={s?.waiting ?? []} />
          {s && totalWaiting === 0 && <p className="muted">{t('admin.hall.nobody')}</p>}
          <h2>{t('admin.hall.latest')}</h2>
          <ul className="plain">
            {s?.recentCalls.map((c) => (
              <li key={`${c.number}-${c.at}`}>
                <strong className="mono">{c.number}</strong> → {c.counterName} ·{' '}
                {formatTime(c.at, mall.timezone)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
