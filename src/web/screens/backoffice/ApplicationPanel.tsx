import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_TRANSITIONS } from '../../../shared/contracts/applications';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDateTime, formatFee, formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';

/** One application on the desk: history, pauses, the moves the status machine allows, the document. */
export function ApplicationPanel({
  id,
  token,
  userId,
  onBack,
}: {
  id: number;
  token: string;
  userId: number;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const lang = i18n.language;
  const path = { mall: mall.slug, id };
  const app = useApi('/api/v1/malls/{mall}/applications/{id}', { params: { path }, token });
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const a = app.data;
  const run = async (call: () => Promise<unknown>, ok?: string) => {
    setBusy(true);
    setMsg(null);
    try {
      await call();
      if (ok) setMsg({ kind: 'ok', text: ok });
      setNote('');
      setReason('');
      app.reload();
    } catch (err) {
      setMsg({ kind: 'error', text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  if (app.error) return <p className="alert">{errorText(t, app.error)}</p>;
  if (!a) return <p aria-busy="true">{t('common.loading')}</p>;
  const moves = APPLICATION_TRANSITIONS[a.status];
  const docUrl = a.documentVerifyCode ? `/api/v1/documents/${a.documentVerifyCode}/pdf` : null;
  return (
    <section className="card app-panel" aria-labelledby="app-h">
      <p>
        <button type="button" className="btn btn-small btn-secondary" onClick={onBack}>
          ← {t('backoffice.desk.back')}
        </button>
      </p>
      <h1 id="app-h">
        <span className="mono">{a.trackingCode}</span> · {a.serviceName}
      </h1>
      <p>
        <span className={`chip app-${a.status}`} data-testid="app-status">
          {t(`backoffice.status.${a.status}`)}
        </span>{' '}
        <span className={`due-badge due-${a.due}`}>{t(`backoffice.due.${a.due}`)}</span>{' '}
        <strong data-testid="app-due">{formatLocalDate(a.dueDate, lang)}</strong>
      </p>
      <dl className="app-facts">
        <dt>{t('backoffice.desk.applicant')}</dt>
        <dd>
          {a.applicant.name} · <span className="mono">{a.applicant.nikMasked}</span> ·{' '}
          <span className="mono">{a.applicant.phoneMasked}</span>
        </dd>
        <dt>{t('backoffice.desk.fee')}</dt>
        <dd>
          {formatFee(t, a.feeAmount)} · {t('backoffice.desk.standardVersion', { v: a.standardVersion })}
        </dd>
        <dt>{t('backoffice.desk.assigned')}</dt>
        <dd>
          {a.assignedTo?.username ?? '—'}{' '}
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={busy}
            onClick={() =>
              void run(() =>
                api.post('/api/v1/malls/{mall}/applications/{id}/assign', {
                  params: { path },
                  token,
                  body: { userId: a.assignedTo?.id === userId ? null : userId },
                }),
              )
            }
          >
            {a.assignedTo?.id === userId ? t('backoffice.desk.unassign') : t('backoffice.desk.assignMe')}
          </button>
        </dd>
      </dl>
      <div aria-live="polite">
        {msg && <p className={msg.kind === 'error' ? 'alert' : 'success'}>{msg.text}</p>}
      </div>
      {moves.length > 0 && (
        <div className="app-moves">
          <label>
            {t('backoffice.desk.note')}
            <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {moves.includes('rejected') && (
            <label>
              {t('backoffice.desk.reason')}
              <input maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          <div className="actions-row">
            {moves.map((s) => (
              <button
                key={s}
                type="button"
                className={`btn ${s === 'rejected' ? 'btn-warn' : ''}`}
                disabled={busy}
                onClick={() =>
                  void run(() =>
                    api.post('/api/v1/malls/{mall}/applications/{id}/status', {
                      params: { path },
                      token,
                      body: {
                        status: s,
                        ...(note.trim() ? { note: note.trim() } : {}),
                        ...(reason.trim() ? { reason: reason.trim() } : {}),
                      },
                    }),
                  )
                }
              >
                {t('backoffice.desk.moveTo', { status: t(`backoffice.status.${s}`) })}
              </button>
            ))}
          </div>
        </div>
      )}
      {['approved', 'ready', 'collected', 'delivered'].includes(a.status) && (
        <div className="actions-row">
          {docUrl ? (
            <>
              <a className="btn" href={docUrl} target="_blank" rel="noreferrer" data-testid="doc-pdf">
                {t('backoffice.desk.pdf')}
              </a>
              <a
                className="btn btn-secondary"
                href={`/verify/${a.documentVerifyCode}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('backoffice.desk.verifyPage')}
              </a>
            </>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  api.post('/api/v1/malls/{mall}/applications/{id}/document', {
                    params: { path },
                    token,
                    body: {},
                  }),
                )
              }
            >
              {t('backoffice.desk.issue')}
            </button>
          )}
        </div>
      )}
      <h2>{t('backoffice.desk.history')}</h2>
      <ol className="app-history">
        {a.history.map((h) => (
          <li key={`${h.at}-${h.status}`}>
            <strong>{t(`backoffice.status.${h.status}`)}</strong> ·{' '}
            {formatDateTime(h.at, mall.timezone, lang)}
            {h.actor && <span className="muted"> · {h.actor}</span>}
            {(h.note || h.reason) && <div className="muted">{h.reason ?? h.note}</div>}
          </li>
        ))}
      </ol>
      {a.pauses.length > 0 && (
        <>
          <h2>{t('backoffice.desk.pauses')}</h2>
          <ul data-testid="app-pauses">
            {a.pauses.map((p) => (
              <li key={p.startedAt}>
                {p.endedAt
                  ? t('backoffice.desk.paused', {
                      from: formatDateTime(p.startedAt, mall.timezone, lang),
                      to: formatDateTime(p.endedAt, mall.timezone, lang),
                      n: p.paused,
                      unit: t(`backoffice.desk.unit.${p.unit}`),
                    })
                  : t('backoffice.desk.pauseOpen', {
                      from: formatDateTime(p.startedAt, mall.timezone, lang),
                    })}
                {p.dueAfter && ` → ${formatLocalDate(p.dueAfter, lang)}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.payments.length > 0 && (
        <>
          <h2>{t('backoffice.desk.payments')}</h2>
          <ul>
            {a.payments.map((p) => (
              <li key={p.id}>
                <a href={`/${mall.slug}/receipt/${p.id}`} target="_blank" rel="noreferrer" className="mono">
                  {p.receiptNumber}
                </a>{' '}
                {t(`backoffice.kind.${p.kind}`)} · {formatFee(t, p.amount)} ·{' '}
                {t(`backoffice.method.${p.method}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
