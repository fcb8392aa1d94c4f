import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/complaints.css';
import { ComplaintForm, ComplaintSent, type Created } from './ComplaintForm';

/** Portal: file a report, open one by its tracking code, and read the public (non-confidential) list. */
export function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const navigate = useNavigate();
  const [created, setCreated] = useState<Created | null>(null);
  const [code, setCode] = useState('');
  const list = useApi('/api/v1/malls/{mall}/complaints/public', {
    params: { path: { mall: mall.slug }, query: { limit: 10 } },
  });
  return (
    <div className="complaints-page">
      <h1>{t('complaints.title')}</h1>
      <p className="lead">{t('complaints.lead')}</p>
      <details className="card track">
        <summary>{t('complaints.trackTitle')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) navigate(`/${mall.slug}/complaints/${encodeURIComponent(code.trim())}`);
          }}
        >
          <label className="field">
            <span>{t('complaints.trackLabel')}</span>
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
            />
          </label>
          <button type="submit" className="btn">
            {t('complaints.trackButton')}
          </button>
        </form>
      </details>
      {created ? (
        <ComplaintSent created={created}>
          <p className="complaint-actions">
            <Link className="btn" to={`/${mall.slug}/complaints/${created.trackingCode}`}>
              {t('complaints.open')}
            </Link>
            <button type="button" className="btn btn-secondary" onClick={() => setCreated(null)}>
              {t('complaints.another')}
            </button>
          </p>
        </ComplaintSent>
      ) : (
        <section className="card">
          <ComplaintForm onSent={setCreated} />
        </section>
      )}
      <section>
        <h2>{t('complaints.publicTitle')}</h2>
        {list.data?.items.length === 0 && <p className="muted">{t('complaints.publicEmpty')}</p>}
        <ul className="plain complaint-public">
          {list.data?.items.map((c) => (
            <li key={c.id} className="card">
              <p>
                <span className="chip">{t(`complaints.types.${c.type}`)}</span>{' '}
                <span className="chip">{t(`complaints.status.${c.status}`)}</span>{' '}
                <span className="muted small">
                  {formatDateTime(c.submittedAt, mall.timezone, i18n.language)}
                </span>
              </p>
              <h3>{c.title}</h3>
              <p>{c.body}</p>
              {c.answers.map((a) => (
                <blockquote key={a.at} className="complaint-answer">
                  <strong>{t('complaints.answer', { agency: a.agencyName ?? '—' })}</strong>
                  <p>{a.message}</p>
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
