import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime, formatFee, formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/backoffice.css';

/** The citizen follows an application by its tracking code: status, history, due date; nothing personal. */
export function TrackPage() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const code = (useParams().code ?? '').toUpperCase();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const r = useApi(code ? '/api/v1/track/{trackingCode}' : null, {
    params: { path: { trackingCode: code } },
  });
  const go = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) navigate(`/${mall.slug}/track/${encodeURIComponent(typed.trim().toUpperCase())}`);
  };
  const d = r.data;
  const lang = i18n.language;
  return (
    <section className="track-page" aria-labelledby="track-h">
      <h1 id="track-h">{t('backoffice.track.title')}</h1>
      <form className="track-form" onSubmit={go}>
        <label>
          {t('backoffice.track.code')}
          <input value={typed} maxLength={32} onChange={(e) => setTyped(e.target.value)} className="mono" />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('backoffice.track.find')}
        </button>
      </form>
      {r.error && <p className="alert">{t('backoffice.track.notFound')}</p>}
      {d && (
        <article className="card track-card">
          <p className="muted">
            {d.service} · {d.agency}
          </p>
          <p className="track-status" role="status" data-testid="track-status">
            <span className={`chip app-${d.status}`}>{t(`backoffice.status.${d.status}`)}</span>
          </p>
          {d.paused && <p className="notice">{t('backoffice.track.paused')}</p>}
          <p>
            {t('backoffice.track.dueDate')}: <strong>{formatLocalDate(d.dueDate, lang)}</strong>
          </p>
          <p>
            {t('backoffice.track.fee')}: {formatFee(t, d.feeAmount)}
            {d.feeAmount ? ` · ${d.paid ? t('backoffice.track.paid') : t('backoffice.track.unpaid')}` : ''}
          </p>
          {d.whatToBring.length > 0 && (
            <>
              <h2>{t('backoffice.track.whatToBring')}</h2>
              <ul>
                {d.whatToBring.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          )}
          {d.document && (
            <p className="success">
              {t('backoffice.track.document')}{' '}
              <a href={`/verify/${d.document.verifyCode}`}>{t('backoffice.track.checkDocument')}</a>
            </p>
          )}
          <ol className="app-history">
            {d.history.map((h) => (
              <li key={`${h.at}-${h.status}`}>
                <strong>{t(`backoffice.status.${h.status}`)}</strong> ·{' '}
                {formatDateTime(h.at, mall.timezone, lang)}
              </li>
            ))}
          </ol>
        </article>
      )}
    </section>
  );
}
