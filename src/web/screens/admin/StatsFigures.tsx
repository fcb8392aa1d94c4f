import { useTranslation } from 'react-i18next';
import type { DurationStats, QueueStats } from '../../app/types';

type Totals = QueueStats['totals'];

/** Formats minutes (or any figure) with at most one decimal in the current language; null is "—". */
export function useNumber(): (x: number | null) => string {
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  return (x) => (x === null ? '—' : fmt.format(x));
}

const STEPS = ['wait', 'walk', 'service'] as const;

/** Waiting, walking and service time: how many steps had both events, then mean, p50 and p90. */
export function TimesTable({ times }: { times: Totals['times'] }) {
  const { t } = useTranslation();
  const num = useNumber();
  const cols = ['mean', 'p50', 'p90', 'n'] as const;
  return (
    <table className="table stats-table stats-times" data-testid="stats-times">
      <thead>
        <tr>
          <th scope="col">{t('admin.stats.step')}</th>
          {cols.map((c) => (
            <th scope="col" className="num" key={c}>
              {t(`admin.stats.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {STEPS.map((step) => {
          const d: DurationStats = times[step];
          return (
            <tr key={step}>
              <th scope="row">{t(`admin.stats.${step}`)}</th>
              {cols.map((c) => (
                <td className="num" key={c}>
                  {num(d[c])}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The priority share and the priority rule's effect, as the API counts them. */
export function PriorityFigures({ priority: p }: { priority: Totals['priority'] }) {
  const { t, i18n } = useTranslation();
  const num = useNumber();
  const pct = (x: number | null) =>
    x === null
      ? '—'
      : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(x);
  const rows: [string, string, boolean?][] = [
    ['priorityShare', pct(p.share)],
    ['priorityIssued', num(p.issued)],
    ['meanWaitPriority', num(p.meanWaitPriority)],
    ['meanWaitRegular', num(p.meanWaitRegular)],
    ['regularCalled', num(p.regularCalledWhilePriorityWaiting)],
    ['byStreakLimit', num(p.byStreakLimit), true],
    ['byMaxWait', num(p.byMaxWait), true],
    ['other', num(p.other), true],
  ];
  return (
    <table className="table stats-table" data-testid="stats-priority">
      <tbody>
        {rows.map(([key, value, sub]) => (
          <tr key={key}>
            <th scope="row" className={sub ? 'sub-row' : undefined}>
              {t(`admin.stats.${key}`)}
            </th>
            <td className="num">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
