import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/complaints.css';
import { ComplaintSteps, DueLine } from '../complaints/ComplaintSteps';
import { useAdmin } from './adminContext';
import { FormStatus, useMutation } from './useMutation';

const STATUSES = ['submitted', 'on_hold', 'dispatched', 'answered', 'closed', 'archived'] as const;
type Status = (typeof STATUSES)[number];

/**
 * The complaint desk: the mall's desk (verify and dispatch, hold, re-route, archive; the reporter's
 * contact by audited read) and, for agency staff, the complaints dispatched to their agency
 * (answer, or return as not their authority). The server decides who sees what.
 */
export function ComplaintsDesk() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token, user, may } = useAdmin();
  const mallDesk = user.permissions['complaint.manage'] === 'mall';
  const [status, setStatus] = useState<Status | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  const list = useApi(
    '/api/v1/malls/{mall}/complaints',
    {
      params: {
        path: { mall: mall.slug },
        query: { status: status || undefined, overdue: overdue ? 'true' : undefined, limit: 100 },
      },
      token,
    },
    { keepPrevious: true },
  );
  return (
    <section>
      <h1>{mallDesk ? t('complaints.desk.title') : t('complaints.desk.agencyTitle')}</h1>
      <div className="complaint-filters">
        <label className="field">
          <span>{t('complaints.desk.filterStatus')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('complaints.desk.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`complaints.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('complaints.desk.overdueOnly')}
        </label>
      </div>
      <div className="complaint-desk">
        <section className="complaint-list" aria-label={t('complaints.nav')}>
          {list.data?.items.length === 0 && <p className="muted">{t('complaints.desk.none')}</p>}
          {list.data?.items.map((c) => (
            <button key={c.id} type="button" aria-current={picked === c.id} onClick={() => setPicked(c.id)}>
              <strong>{c.title}</strong>
              <br />
              <span className="small">
                {t(`complaints.status.${c.status}`)} · {c.agencyName ?? '—'} ·{' '}
                {formatDateTime(c.submittedAt, mall.timezone, i18n.language)}
              </span>
              {c.overdue && <span className="small overdue"> · {t('complaints.desk.overdue')}</span>}
            </button>
          ))}
        </section>
        <div>
          {picked ? (
            <ComplaintDetail
              key={picked}
              id={picked}
              mallDesk={mallDesk}
              mayAnswer={may('complaint.answer')}
              onChanged={list.reload}
            />
          ) : (
            <p className="muted">{t('complaints.desk.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function ComplaintDetail({
  id,
  mallDesk,
  mayAnswer,
  onChanged,
}: {
  id: number;
  mallDesk: boolean;
  mayAnswer: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const path = { mall: mall.slug, id };
  const c = useApi('/api/v1/malls/{mall}/complaints/{id}', { params: { path }, token });
  const agencies = useApi(mallDesk ? '/api/v1/malls/{mall}/agencies' : null, {
    params: { path: { mall: mall.slug } },
    token,
  });
  const m = useMutation();
  const [agencyId, setAgencyId] = useState('');
  const [text, setText] = useState('');
  const [contact, setContact] = useState<{
    name: string | null;
    phone: string | null;
    email: string | null;
  } | null>(null);
  if (!c.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const r = c.data;
  const done = async (call: Promise<unknown> | null) => {
    if ((await call) !== null) {
      setText('');
      setAgencyId('');
      c.reload();
      onChanged();
    }
  };
  const post = (action: 'dispatch' | 'hold' | 'reroute' | 'archive' | 'answer' | 'return', body: object) =>
    done(
      m.run(
        (tok) =>
          api.post(
            `/api/v1/malls/{mall}/complaints/{id}/${action}` as '/api/v1/malls/{mall}/complaints/{id}/hold',
            {
              params: { path },
              body: body as { reason: string },
              token: tok,
            },
          ),
        t('complaints.desk.done'),
      ),
    );
  const canAnswer =
    mayAnswer && may('complaint.answer', r.agencyId ?? undefined) && r.status === 'dispatched';
  return (
    <article className="card" data-testid="complaint-detail">
      <p>
        <span className="chip">{t(`complaints.types.${r.type}`)}</span>{' '}
        <span className="chip" data-testid="desk-status">
          {t(`complaints.status.${r.status}`)}
        </span>
        {r.overdue && <span className="chip chip-warn"> {t('complaints.desk.overdue')}</span>}
      </p>
      <h2>{r.title}</h2>
      <p className="complaint-message">{r.body}</p>
      <DueLine dueAt={r.dueAt} dueKind={r.dueKind} />
      <dl>
        <dt>{t('complaints.desk.channel')}</dt>
        <dd>{t(`complaints.desk.channels.${r.channel}`)}</dd>
        <dt>{t('complaints.desk.agency')}</dt>
        <dd>{r.agencyName ?? '—'}</dd>
        {r.serviceName && (
          <>
            <dt>{t('complaints.service')}</dt>
            <dd>{r.serviceName}</dd>
          </>
        )}
        {r.ticketNumber && (
          <>
            <dt>{t('complaints.desk.ticket')}</dt>
            <dd>
              {r.ticketNumber} · {t('complaints.desk.counter')} {r.counterName ?? '—'} ·{' '}
              {t('complaints.desk.officer')} {r.officerName ?? '—'}
            </dd>
          </>
        )}
        <dt>{t('complaints.desk.flags')}</dt>
        <dd>
          {[
            r.anonymous && t('complaints.desk.anonymous'),
            r.confidential && t('complaints.desk.confidential'),
          ]
            .filter(Boolean)
            .join(', ') || '—'}
        </dd>
        <dt>{t('complaints.desk.reporter')}</dt>
        <dd>
          {r.reporter
            ? [
                contact?.name ?? r.reporter.name,
                contact?.phone ?? r.reporter.phoneMasked,
                contact?.email ?? r.reporter.emailMasked,
              ]
                .filter(Boolean)
                .join(' · ') || '—'
            : t('complaints.desk.hiddenReporter')}
          {r.reporter &&
            (r.reporter.phoneMasked || r.reporter.emailMasked) &&
            !contact &&
            may('complaint.readReporter') && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-btn"
                  onClick={async () =>
                    setContact(
                      await api.get('/api/v1/malls/{mall}/complaints/{id}/reporter', {
                        params: { path },
                        token,
                      }),
                    )
                  }
                >
                  {t('complaints.desk.showContact')}
                </button>
              </>
            )}
        </dd>
      </dl>
      <FormStatus error={m.error} done={m.done} />
      {mallDesk && (r.status === 'submitted' || r.status === 'on_hold' || r.status === 'dispatched') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (r.status === 'dispatched') void post('reroute', { agencyId: Number(agencyId), reason: text });
            else void post('dispatch', { agencyId: Number(agencyId), note: text || undefined });
          }}
        >
          <label className="field">
            <span>{t('complaints.desk.agency')}</span>
            <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)} required>
              <option value="">{t('complaints.desk.pickAgency')}</option>
              {agencies.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{r.status === 'dispatched' ? t('complaints.desk.reason') : t('complaints.desk.note')}</span>
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
              maxLength={500}
              required={r.status === 'dispatched'}
            />
          </label>
          <button type="submit" className="btn" disabled={m.busy}>
            {r.status === 'dispatched' ? t('complaints.desk.reroute') : t('complaints.desk.dispatch')}
          </button>
        </form>
      )}
      {mallDesk && r.status !== 'closed' && r.status !== 'archived' && (
        <ReasonForm
          busy={m.busy}
          label={t('complaints.desk.reasonForReporter')}
          actions={[
            ...(r.status === 'submitted' ? [{ key: 'hold', text: t('complaints.desk.hold') }] : []),
            { key: 'archive', text: t('complaints.desk.archive') },
          ]}
          onSubmit={(action, reason) => post(action as 'hold', { reason })}
        />
      )}
      {canAnswer && (
        <ReasonForm
          busy={m.busy}
          label={t('complaints.desk.answerLabel')}
          rows={4}
          actions={[
            { key: 'answer', text: t('complaints.desk.answer') },
            ...(!mallDesk ? [{ key: 'return', text: t('complaints.desk.return') }] : []),
          ]}
          onSubmit={(action, value) =>
            post(action as 'answer', action === 'answer' ? { message: value } : { reason: value })
          }
        />
      )}
      <h3>{t('complaints.history')}</h3>
      <ComplaintSteps steps={r.steps} />
    </article>
  );
}

/** One text box with a button per action that needs it (hold/archive reasons, the answer, a return). */
function ReasonForm({
  label,
  actions,
  onSubmit,
  busy,
  rows = 2,
}: {
  label: string;
  actions: { key: string; text: string }[];
  onSubmit: (action: string, text: string) => void;
  busy: boolean;
  rows?: number;
}) {
  const [text, setText] = useState('');
  const id = `reason-${actions.map((a) => a.key).join('-')}`;
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <label className="field" htmlFor={id}>
        <span>{label}</span>
      </label>
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} rows={rows} maxLength={4000} />
      <p className="complaint-actions">
        {actions.map((a) => (
          <button
            key={a.key}
            type="button"
            className={a.key === 'answer' ? 'btn' : 'btn btn-secondary'}
            disabled={busy || text.trim().length < 3}
            onClick={() => {
              onSubmit(a.key, text);
              setText('');
            }}
          >
            {a.text}
          </button>
        ))}
      </p>
    </form>
  );
}

/** On every admin page of the mall desk: how many reports are past their deadline (escalated). */
export function OverdueComplaintsBanner() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const overdue = useApi('/api/v1/malls/{mall}/complaints', {
    params: { path: { mall: mall.slug }, query: { overdue: 'true', limit: 1 } },
    token,
  });
  const n = overdue.data?.total ?? 0;
  if (!n) return null;
  return (
    <p className="notice" role="status" data-testid="overdue-complaints">
      {t('complaints.desk.overdueBanner', { count: n })}{' '}
      <Link to={`/${mall.slug}/admin/complaints`}>{t('complaints.desk.openDesk')}</Link>
    </p>
  );
}
