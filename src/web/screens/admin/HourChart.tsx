import { useTranslation } from 'react-i18next';
import type { HourQueueStats } from '../../app/types';
import { useNumber } from './StatsFigures';

const W = 960;
const H = 230;
const TOP = 22;
const BOTTOM = 28;
const PLOT = H - TOP - BOTTOM;

/** The hours worth drawing: at least 07–17, widened to every hour that saw a ticket. */
function span(hours: HourQueueStats[]): HourQueueStats[] {
  const busy = hours.filter((h) => h.issued > 0 || h.meanWaitMinutes !== null).map((h) => h.hour);
  const lo = Math.min(7, ...busy);
  const hi = Math.max(17, ...busy);
  return hours.filter((h) => h.hour >= lo && h.hour <= hi);
}

/**
 * Tickets issued and mean wait per hour of the mall's day as paired bars in plain SVG, each series
 * scaled to its own maximum; the figures are printed over the bars and repeated in a hidden table.
 */
export function HourChart({ hours }: { hours: HourQueueStats[] }) {
  const { t } = useTranslation();
  const num = useNumber();
  const shown = span(hours);
  const maxIssued = Math.max(1, ...shown.map((h) => h.issued));
  const maxWait = Math.max(1, ...shown.map((h) => h.meanWaitMinutes ?? 0));
  const slot = W / shown.length;
  const bar = Math.min(26, slot * 0.36);
  const hh = (h: number) => `${String(h).padStart(2, '0')}`;
  return (
    <figure className="hour-chart" data-testid="stats-hours">
      <figcaption className="legend">
        <span className="key key-issued" aria-hidden="true" /> {t('admin.stats.legendIssued')}
        <span className="key key-wait" aria-hidden="true" /> {t('admin.stats.meanWait')}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('admin.stats.chart')}>
        <line x1={0} x2={W} y1={TOP + PLOT} y2={TOP + PLOT} className="axis" />
        {shown.map((h, i) => {
          const x = i * slot + slot / 2;
          const hi = (h.issued / maxIssued) * PLOT;
          const hw = ((h.meanWaitMinutes ?? 0) / maxWait) * PLOT;
          const label = t('admin.stats.hourBar', {
            hour: hh(h.hour),
            issued: h.issued,
            wait: num(h.meanWaitMinutes),
          });
          return (
            <g key={h.hour}>
              <title>{label}</title>
              <rect className="bar-issued" x={x - bar - 1} y={TOP + PLOT - hi} width={bar} height={hi} />
              <rect className="bar-wait" x={x + 1} y={TOP + PLOT - hw} width={bar} height={hw} />
              {h.issued > 0 && (
                <text x={x - bar / 2 - 1} y={TOP + PLOT - hi - 5} className="val">
                  {h.issued}
                </text>
              )}
              {h.meanWaitMinutes !== null && (
                <text x={x + bar / 2 + 1} y={TOP + PLOT - hw - 5} className="val">
                  {num(h.meanWaitMinutes)}
                </text>
              )}
              <text x={x} y={H - 8} className="tick">
                {hh(h.hour)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{t('admin.stats.chart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.stats.hour')}</th>
            <th scope="col">{t('admin.stats.issued')}</th>
            <th scope="col">{t('admin.stats.meanWait')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((h) => (
            <tr key={h.hour}>
              <th scope="row">{hh(h.hour)}:00</th>
              <td>{h.issued}</td>
              <td>{num(h.meanWaitMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
