import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterQueueStats, ServiceQueueStats } from '../../app/types';
import { useNumber } from './StatsFigures';

type SortKey = 'name' | 'issued' | 'served' | 'wait' | 'p90';
const VALUE: Record<SortKey, (r: ServiceQueueStats) => number | string | null> = {
  name: (r) => r.serviceName,
  issued: (r) => r.counts.issued,
  served: (r) => r.counts.served,
  wait: (r) => r.times.wait.mean,
  p90: (r) => r.times.wait.p90,
};

/** Ascending or descending; rows without a figure always go last. */
function compare(a: number | string | null, b: number | string | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' || typeof b === 'string') return String(a).localeCompare(String(b), 'id') * dir;
  return (a - b) * dir;
}

/** Per service: counts and waiting time, sortable by any column (mean wait, longest first, by default). */
export function ServiceStatsTable({
  rows,
  agencyName,
}: {
  rows: ServiceQueueStats[];
  agencyName: Map<number, string>;
}) {
  const { t } = useTranslation();
  const num = useNumber();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'wait', dir: -1 });
  const sorted = [...rows].sort((a, b) => compare(VALUE[sort.key](a), VALUE[sort.key](b), sort.dir));
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : key === 'name' ? 1 : -1 })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  if (rows.length === 0) return <p className="muted">{t('admin.stats.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table stats-table stats-services" data-testid="stats-services">
        <caption className="sr-only">
          {t('admin.stats.perService')}. {t('admin.stats.sortHint')}
        </caption>
        <thead>
          <tr>
            {header('name', t('admin.col.service'), false)}
            <th scope="col">{t('admin.col.agency')}</th>
            {header('issued', t('admin.stats.colIssued'))}
            {header('served', t('admin.stats.colServed'))}
            <th scope="col" className="num">
              {t('admin.stats.colNoShows')}
            </th>
            {header('wait', t('admin.stats.meanWait'))}
            {header('p90', t('admin.stats.p90Wait'))}
            <th scope="col" className="num">
              {t('admin.stats.meanService')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.serviceId}>
              <th scope="row">{r.serviceName}</th>
              <td className="agency-cell">{agencyName.get(r.agencyId) ?? '—'}</td>
              <td className="num">{r.counts.issued}</td>
              <td className="num">{r.counts.served}</td>
              <td className="num">{r.counts.noShows}</td>
              <td className="num">{num(r.times.wait.mean)}</td>
              <td className="num">{num(r.times.wait.p90)}</td>
              <td className="num">{num(r.times.service.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Per counter: steps finished there and the mean service time. */
export function CounterStatsTable({ rows }: { rows: CounterQueueStats[] }) {
  const { t } = useTranslation();
  const num = useNumber();
  if (rows.length === 0) return <p className="muted">{t('admin.stats.empty')}</p>;
  return (
    <table className="table stats-table stats-counters" data-testid="stats-counters">
      <thead>
        <tr>
          <th scope="col">{t('admin.col.counter')}</th>
          <th scope="col" className="num">
            {t('admin.stats.colServed')}
          </th>
          <th scope="col" className="num">
            {t('admin.stats.meanService')}
          </th>
        </tr>
      </thead>
      <tbody>
        {[...rows]
          .sort((a, b) => a.number - b.number)
          .map((r) => (
            <tr key={r.counterId}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.served}</td>
              <td className="num">{num(r.meanServiceMinutes)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
