import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format';
import { useMall } from '../../app/mall';
import type { Ticket } from '../../app/types';

/** The counter's waiting line in call order; any ticket can be called out of turn with a reason. */
export function WaitingQueue({
  tickets,
  canCall,
  onCall,
}: {
  tickets: Ticket[];
  canCall: boolean;
  onCall: (t: Ticket) => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  return (
    <section className="card queue" aria-labelledby="queue-h">
      <h2 id="queue-h">{t('counter.waiting', { count: tickets.length })}</h2>
      {tickets.length === 0 ? (
        <p className="muted">{t('counter.emptyQueue')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('counter.col.number')}</th>
              <th scope="col">{t('counter.col.service')}</th>
              <th scope="col">{t('counter.col.issued')}</th>
              <th scope="col">
                <span className="sr-only">{t('counter.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((tk) => (
              <tr key={tk.id} data-testid="queue-row">
                <td className="queue-number">
                  {tk.number}
                  {tk.priority && <span className="chip chip-priority">{t(`priority.${tk.priority}`)}</span>}
                </td>
                <td>{tk.serviceName}</td>
                <td>{formatTime(tk.issuedAt, mall.timezone)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small btn-secondary"
                    disabled={!canCall}
                    onClick={() => onCall(tk)}
                  >
                    {t('counter.callThis')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
