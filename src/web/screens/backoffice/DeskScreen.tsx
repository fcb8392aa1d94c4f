import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { LoginForm } from '../../components/LoginForm';
import { StaffHeader } from '../../components/StaffHeader';
import '../../styles/backoffice.css';
import { ApplicationPanel } from './ApplicationPanel';

const STATUSES = [
  'received',
  'in_process',
  'needs_correction',
  'approved',
  'rejected',
  'ready',
  'collected',
  'delivered',
] as const;
type Status = (typeof STATUSES)[number];

/** The agency's desk: its applications, soonest deadline first; nearly-due and overdue stand out. */
export function DeskScreen() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const auth = useAuth(mall.slug);
  const [status, setStatus] = useState<Status | ''>('');
  const [due, setDue] = useState<'near' | 'overdue' | ''>('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const list = useApi(
    auth.token ? '/api/v1/malls/{mall}/applications' : null,
    {
      params: {
        path: { mall: mall.slug },
        query: {
          ...(status ? { status } : {}),
          ...(due ? { due } : {}),
          ...(q.trim() ? { q: q.trim() } : {}),
        },
      },
      token: auth.token ?? undefined,
    },
    { keepPrevious: true },
  );
  return (
    <div className="desk-app">
      <StaffHeader
        title={t('backoffice.desk.title')}
        signedInAs={auth.user?.displayName ?? null}
        onLogout={auth.logout}
      />
      <main className="desk-main">
        {!auth.session && <LoginForm auth={auth} title={t('backoffice.desk.loginTitle')} />}
        {auth.session && open !== null && (
          <ApplicationPanel
            id={open}
            token={auth.session.token}
            userId={auth.session.user.id}
            onBack={() => {
              setOpen(null);
              list.reload();
            }}
          />
        )}
        {auth.session && open === null && (
          <section className="card" aria-labelledby="desk-h">
            <h1 id="desk-h">{t('backoffice.desk.title')}</h1>
            {list.data && (
              <p className="muted" data-testid="desk-counts">
                {t('backoffice.desk.counts', list.data.counts)}
              </p>
            )}
            <div className="desk-filters">
              <label>
                {t('backoffice.desk.filterStatus')}
                <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
                  <option value="">{t('backoffice.desk.all')}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`backoffice.status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('backoffice.desk.filterDue')}
                <select value={due} onChange={(e) => setDue(e.target.value as 'near' | 'overdue' | '')}>
                  <option value="">{t('backoffice.desk.all')}</option>
                  <option value="near">{t('backoffice.desk.near')}</option>
                  <option value="overdue">{t('backoffice.desk.overdue')}</option>
                </select>
              </label>
              <label className="grow">
                {t('backoffice.desk.search')}
                <input type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
              </label>
            </div>
            {list.data?.items.length === 0 && <p className="muted">{t('backoffice.desk.empty')}</p>}
            {!!list.data?.items.length && (
              <table className="table desk-table">
                <thead>
                  <tr>
                    <th>{t('backoffice.desk.code')}</th>
                    <th>{t('backoffice.desk.service')}</th>
                    <th>{t('backoffice.desk.applicant')}</th>
                    <th>{t('backoffice.desk.filterStatus')}</th>
                    <th>{t('backoffice.desk.dueDate')}</th>
                    <th>{t('backoffice.desk.assigned')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((a) => (
                    <tr key={a.id} className={`due-${a.due}`}>
                      <td>
                        <button type="button" className="link mono" onClick={() => setOpen(a.id)}>
                          {a.trackingCode}
                        </button>
                      </td>
                      <td>{a.serviceName}</td>
                      <td>
                        {a.applicant.name}
                        <br />
                        <span className="muted small mono">{a.applicant.nikMasked}</span>
                      </td>
                      <td>
                        <span className={`chip app-${a.status}`}>{t(`backoffice.status.${a.status}`)}</span>
                      </td>
                      <td>
                        {formatLocalDate(a.dueDate, i18n.language)}
                        <br />
                        <span className={`due-badge due-${a.due}`}>{t(`backoffice.due.${a.due}`)}</span>
                      </td>
                      <td>{a.assignedTo?.username ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
