import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type AnswerOf, api } from '../../app/api';
import { errorText } from '../../app/errors';
import { useApi } from '../../app/useApi';
import '../../styles/portal.css';
import '../../styles/backoffice.css';

type Match = AnswerOf<'post', '/api/v1/documents/verify'>;

/** The public check behind the QR code on every issued document, in Bahasa Indonesia first. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const code = (useParams().code ?? '').toUpperCase();
  const r = useApi(code ? '/api/v1/documents/{verifyCode}' : null, {
    params: { path: { verifyCode: code } },
  });
  const [match, setMatch] = useState<Match | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setMatch(null);
    try {
      setMatch(await api.post('/api/v1/documents/verify', { body: file, contentType: 'application/pdf' }));
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  const d = r.data;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Jakarta',
    }).format(new Date(iso));
  return (
    <main className="verify-page" aria-labelledby="verify-h">
      <h1 id="verify-h">{t('backoffice.verify.title')}</h1>
      <p className="mono verify-code">{code}</p>
      {r.error && <p className="alert">{t('backoffice.verify.notFound')}</p>}
      {d && (
        <article className={`card verify-card ${d.valid ? 'ok' : 'bad'}`}>
          <p className="verify-verdict" role="status" data-testid="verify-verdict">
            {d.valid ? `✓ ${t('backoffice.verify.valid')}` : `✗ ${t('backoffice.verify.revoked')}`}
          </p>
          {d.demo && <p className="notice">{t('backoffice.verify.demo')}</p>}
          <dl>
            <dt>{t('backoffice.verify.number')}</dt>
            <dd className="mono">{d.number}</dd>
            <dt>{t('backoffice.verify.service')}</dt>
            <dd>{d.service}</dd>
            <dt>{t('backoffice.verify.agency')}</dt>
            <dd>{d.agency}</dd>
            <dt>{t('backoffice.verify.mall')}</dt>
            <dd>{d.mall}</dd>
            <dt>{t('backoffice.verify.issuedAt')}</dt>
            <dd>{when(d.issuedAt)}</dd>
            {d.revoked && (
              <>
                <dt>{t('backoffice.verify.reason')}</dt>
                <dd>{d.revokedReason}</dd>
              </>
            )}
            <dt>SHA-256</dt>
            <dd className="mono small break">{d.sha256}</dd>
          </dl>
          <p>
            <a className="btn" href={`/api/v1/documents/${d.verifyCode}/pdf`}>
              {t('backoffice.verify.download')}
            </a>
          </p>
          <label className="verify-upload">
            {t('backoffice.verify.upload')}
            <input type="file" accept="application/pdf" onChange={(e) => void upload(e.target.files?.[0])} />
          </label>
          {error && <p className="alert">{error}</p>}
          {match && (
            <p className={match.valid ? 'success' : 'alert'} data-testid="verify-match">
              {match.document?.verifyCode === d.verifyCode
                ? t('backoffice.verify.same')
                : t('backoffice.verify.different')}
            </p>
          )}
        </article>
      )}
    </main>
  );
}
