import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMall } from '../../app/mall';

/** "Already have a ticket?": enter the code printed on it to follow it live. */
export function TrackForm() {
  const { t } = useTranslation();
  const mall = useMall();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  return (
    <details className="card track">
      <summary>{t('portal.trackTitle')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const c = code.trim();
          if (c) navigate(`/${mall.slug}/ticket/${encodeURIComponent(c)}`);
        }}
      >
        <label className="field">
          <span>{t('portal.trackLabel')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
          />
        </label>
        <button type="submit" className="btn">
          {t('portal.trackButton')}
        </button>
      </form>
    </details>
  );
}
