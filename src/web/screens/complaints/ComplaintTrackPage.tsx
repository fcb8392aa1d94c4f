import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/complaints.css';
import { ComplaintSteps, DueLine } from './ComplaintSteps';

/** The reporter's page, by tracking code: state, deadline, answers and history; reply or accept. */
export function ComplaintTrackPage() {
  const { t } = useTranslation();
  const mall = useMall();
  const code = useParams().code ?? '';
  const path = { mall: mall.slug, code };
  const c = useApi('/api/v1/malls/{mall}/complaints/track/{code}', { params: { path } });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const act = async (run: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    setNote(null);
    try {
      await run();
      setNote({ ok: true, text: ok });
      setMessage('');
      c.reload();
    } catch (err) {
      setNote({ ok: false, text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  if (c.error)
    return (
      <p className="alert">
        {c.error instanceof ApiError && c.error.status === 404
          ? t('complaints.notFound')
          : errorText(t, c.error)}
      </p>
    );
  if (!c.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const r = c.data;
  return (
    <article className="complaint-track">
      <p>
        <span className="chip">{t(`complaints.types.${r.type}`)}</span>{' '}
        <span className="chip chip-status" data-testid="complaint-status">
          {t(`complaints.status.${r.status}`)}
        </span>
      </p>
      <h1>{r.title}</h1>
      <p className="muted mono small">{r.trackingCode}</p>
      <p>{r.body}</p>
      {(r.agencyName || r.serviceName || r.counterName) && (
        <p className="muted">{[r.agencyName, r.serviceName, r.counterName].filter(Boolean).join(' · ')}</p>
      )}
      <DueLine dueAt={r.dueAt} dueKind={r.dueKind} />
      <h2>{t('complaints.history')}</h2>
      <ComplaintSteps steps={r.steps} />
      <div aria-live="polite">{note && <p className={note.ok ? 'success' : 'alert'}>{note.text}</p>}</div>
      {r.canAccept && (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            act(
              () => api.post('/api/v1/malls/{mall}/complaints/track/{code}/accept', { params: { path } }),
              t('complaints.accepted'),
            )
          }
        >
          {t('complaints.accept')}
        </button>
      )}
      {r.canReply && (
        <form
          className="card complaint-reply"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () =>
                api.post('/api/v1/malls/{mall}/complaints/track/{code}/replies', {
                  params: { path },
                  body: { message },
                }),
              t('complaints.replySent'),
            );
          }}
        >
          <label className="field">
            <span>{t('complaints.replyLabel')}</span>
            <textarea
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              required
              maxLength={4000}
              rows={3}
            />
          </label>
          <p className="muted small">{t('complaints.replyHint')}</p>
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {t('complaints.reply')}
          </button>
        </form>
      )}
    </article>
  );
}
