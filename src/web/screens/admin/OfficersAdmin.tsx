import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatTime } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { localToday } from './StatsAdmin';
import { FormStatus, useMutation } from './useMutation';

/**
 * Officers at the counters: break and closure requests to decide (mall admins), who signed in when,
 * and each officer's work per counter — serving, calling, idle while citizens waited.
 */
export function OfficersAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const at = { mall: mall.slug };
  const [date, setDate] = useState(localToday(mall.timezone));
  const requests = useApi('/api/v1/malls/{mall}/counter-requests', {
    params: { path: at, query: { status: 'pending' } },
    token,
  });
  const attendance = useApi(
    '/api/v1/malls/{mall}/attendance',
    { params: { path: at, query: { date } }, token },
    { keepPrevious: true },
  );
  const work = useApi(
    '/api/v1/malls/{mall}/reports/officers',
    { params: { path: at, query: { from: date, to: date } }, token },
    { keepPrevious: true },
  );
  const m = useMutation();
  const decide = async (id: number, approve: boolean) => {
    const done = await m.run(
      (tk) =>
        api.post('/api/v1/malls/{mall}/counter-requests/{id}/decision', {
          params: { path: { ...at, id } },
          body: { approve },
          token: tk,
        }),
      approve ? t('admin.officers.approved') : t('admin.officers.rejected'),
    );
    if (done) requests.reload();
  };
  const time = (iso: string | null) => (iso ? formatTime(iso, mall.timezone) : '—');
  const canDecide = may('counter.approve');
  return (
    <section aria-labelledby="officers-h">
      <h2 id="officers-h">{t('admin.section.officers')}</h2>
      <h3>{t('admin.officers.requests')}</h3>
      <FormStatus error={m.error} done={m.done} />
      {requests.data && requests.data.items.length === 0 && (
        <p className="muted">{t('admin.officers.noRequests')}</p>
      )}
      {requests.data && requests.data.items.length > 0 && (
        <table className="table" data-testid="counter-requests">
          <thead>
            <tr>
              <th>{t('admin.col.counter')}</th>
              <th>{t('admin.officers.officer')}</th>
              <th>{t('admin.officers.kind')}</th>
              <th>{t('admin.officers.reason')}</th>
              <th>{t('admin.officers.asked')}</th>
              {canDecide && <th>{t('admin.col.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {requests.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.counterNumber}</td>
                <td>{r.displayName}</td>
                <td>
                  {t(`counter.attendance.kinds.${r.kind}`)}
                  {r.minutes ? ` · ${r.minutes} ${t('admin.officers.min')}` : ''}
                </td>
                <td>{r.reason}</td>
                <td>{time(r.createdAt)}</td>
                {canDecide && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn"
                      disabled={m.busy}
                      onClick={() => void decide(r.id, true)}
                    >
                      {t('admin.officers.approve')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      disabled={m.busy}
                      onClick={() => void decide(r.id, false)}
                    >
                      {t('admin.officers.reject')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('admin.officers.day')}</h3>
      <label className="inline-field">
        {t('admin.officers.date')}
        <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
      </label>
      {attendance.data && attendance.data.items.length === 0 && (
        <p className="muted">{t('admin.officers.nobody')}</p>
      )}
      {attendance.data && attendance.data.items.length > 0 && work.data && (
        <table className="table" data-testid="officer-work">
          <thead>
            <tr>
              <th>{t('admin.officers.officer')}</th>
              <th>{t('admin.officers.firstIn')}</th>
              <th>{t('admin.officers.lastOut')}</th>
              <th>{t('admin.col.counter')}</th>
              <th>{t('admin.officers.signedIn')}</th>
              <th>{t('admin.officers.serving')}</th>
              <th>{t('admin.officers.calling')}</th>
              <th>{t('admin.officers.idleWaiting')}</th>
              <th>{t('admin.officers.served')}</th>
            </tr>
          </thead>
          <tbody>
            {attendance.data.items.flatMap((a) =>
              work
                .data!.items.filter((w) => w.userId === a.userId)
                .map((w, i) => (
                  <tr key={`${a.userId}-${w.counterId}`}>
                    <td>{i === 0 ? a.displayName : ''}</td>
                    <td>{i === 0 ? time(a.firstIn) : ''}</td>
                    <td>{i === 0 ? (a.lastOut ? time(a.lastOut) : t('admin.officers.stillIn')) : ''}</td>
                    <td>{w.counterNumber}</td>
                    <td>{Math.round(w.signedInMinutes)}</td>
                    <td>{Math.round(w.servingMinutes)}</td>
                    <td>{Math.round(w.calledNotStartedMinutes)}</td>
                    <td className={w.idleWhileWaitingMinutes >= 15 ? 'warn' : undefined}>
                      {Math.round(w.idleWhileWaitingMinutes)}
                    </td>
                    <td>{w.served}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      )}
      <p className="muted small">{t('admin.officers.help')}</p>
    </section>
  );
}
