import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format';
import { useMall } from '../../app/mall';
import type { DisplayState } from '../../app/types';

export function RecentCalls({ calls }: { calls: DisplayState['recentCalls'] }) {
  const { t } = useTranslation();
  const mall = useMall();
  return (
    <section className="recent" aria-labelledby="recent-h">
      <h2 id="recent-h">{t('display.recentCalls')}</h2>
      {calls.length === 0 ? (
        <p className="dim">—</p>
      ) : (
        <table>
          <tbody>
            {calls.map((c) => (
              <tr key={`${c.number}-${c.counterNumber}-${c.at}`}>
                <td className="recent-number">{c.number}</td>
                <td>{c.counterName}</td>
                <td className="dim">{formatTime(c.at, mall.timezone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
