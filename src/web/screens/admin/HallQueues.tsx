import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DisplayState } from '../../app/types';

const minutes = (t: TFunction, m: number | null) =>
  m === null ? '—' : t('common.minutes', { count: Math.round(m) });

/**
 * Lines per service with their wait figures: how long the longest-waiting ticket has been in line,
 * and today's mean from issue to first call. Lines nobody waits in stay listed when they had calls.
 */
export function HallQueues({ waiting }: { waiting: DisplayState['waiting'] }) {
  const { t } = useTranslation();
  const rows = waiting.filter((w) => w.waiting > 0 || w.averageWaitMinutes !== null);
  return (
    <table className="table" data-testid="hall-queues">
      <thead>
        <tr>
          <th scope="col">{t('admin.col.prefix')}</th>
          <th scope="col">{t('admin.col.service')}</th>
          <th scope="col" className="num">
            {t('admin.col.waiting')}
          </th>
          <th scope="col" className="num">
            {t('admin.col.oldestWait')}
          </th>
          <th scope="col" className="num">
            {t('admin.col.averageWait')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((w) => (
          <tr key={w.serviceId}>
            <td className="mono">{w.queuePrefix}</td>
            <td>{w.serviceName}</td>
            <td className="num">{w.waiting}</td>
            <td className="num nowrap">{minutes(t, w.oldestWaitMinutes)}</td>
            <td className="num nowrap">{minutes(t, w.averageWaitMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
