import { useTranslation } from 'react-i18next';
import type { DisplayState } from '../../app/types';

/**
 * Waiting counts per service, busiest first (services with nobody waiting are left out), each with
 * today's mean wait so a citizen can judge how long the line moves.
 */
export function WaitingList({ waiting }: { waiting: DisplayState['waiting'] }) {
  const { t } = useTranslation();
  const rows = waiting
    .filter((w) => w.waiting > 0)
    .sort((a, b) => b.waiting - a.waiting)
    .slice(0, 12);
  const total = waiting.reduce((n, w) => n + w.waiting, 0);
  return (
    <section className="waiting" aria-labelledby="waiting-h">
      <h2 id="waiting-h">{t('display.waiting')}</h2>
      <p className="waiting-total">{t('display.waitingTotal', { count: total })}</p>
      <ul>
        {rows.map((w) => (
          <li key={w.serviceId}>
            <span className="waiting-prefix">{w.queuePrefix}</span>
            <span className="waiting-info">
              <span className="waiting-name">{w.serviceName}</span>
              {w.averageWaitMinutes !== null && (
                <span className="waiting-avg">
                  {t('display.averageWait', { count: Math.round(w.averageWaitMinutes) })}
                </span>
              )}
            </span>
            <span className="waiting-count">{w.waiting}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
