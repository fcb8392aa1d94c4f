import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { BrandMark } from '../../components/BrandMark';
import { LangSwitch } from '../../components/LangSwitch';
import '../../styles/survey.css';
import { SurveyForm } from './SurveyForm';

const NEXT_SECONDS = 8;
const storageKey = (mall: string) => `satu-atap:survey-tablet:${mall}`;

/**
 * Counter tablet mode (`/{mall}/survey/tablet`): the officer picks the counter's service once (kept
 * on the tablet), each citizen answers, a thank-you shows and the form clears for the next one.
 */
export function SurveyTablet() {
  const { t } = useTranslation();
  const mall = useMall();
  const [serviceId, setServiceId] = useState<number | null>(() => {
    const v = Number(localStorage.getItem(storageKey(mall.slug)));
    return Number.isInteger(v) && v > 0 ? v : null;
  });
  const [picked, setPicked] = useState('');
  const [round, setRound] = useState(0);
  const [thanks, setThanks] = useState(0);
  const at = { mall: mall.slug };
  const elements = useApi('/api/v1/malls/{mall}/surveys/elements', { params: { path: at } });
  const services = useApi('/api/v1/malls/{mall}/services', { params: { path: at, query: { limit: 500 } } });
  const service = services.data?.items.find((s) => s.id === serviceId);

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => {
      if (thanks === 1) setRound((r) => r + 1);
      setThanks((n) => Math.max(0, n - 1));
    }, 1000);
    return () => clearTimeout(timer);
  }, [thanks]);

  const choose = (id: number | null) => {
    if (id) localStorage.setItem(storageKey(mall.slug), String(id));
    else localStorage.removeItem(storageKey(mall.slug));
    setServiceId(id);
  };

  return (
    <div className="survey-tablet">
      <header className="survey-tablet-head">
        <BrandMark />
        <div>
          <h1>{t('survey.title')}</h1>
          <p className="muted">{service ? `${mall.name} · ${service.name}` : mall.name}</p>
        </div>
        <LangSwitch className="btn-small" />
      </header>
      <main className="survey-page">
        {!serviceId ? (
          <form
            className="card"
            onSubmit={(e) => {
              e.preventDefault();
              if (picked) choose(Number(picked));
            }}
          >
            <p>{t('survey.tabletSetup')}</p>
            <label className="field">
              <span>{t('survey.service')}</span>
              <select value={picked} onChange={(e) => setPicked(e.target.value)} required>
                <option value="">{t('survey.chooseService')}</option>
                {services.data?.items
                  .filter((s) => s.servedAtMall)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </select>
            </label>
            <button type="submit" className="btn" disabled={!picked}>
              {t('survey.tabletStart')}
            </button>
          </form>
        ) : thanks > 0 ? (
          <div className="survey-thanks-big" role="status">
            <p className="success">{t('survey.thanks')}</p>
            <p className="muted">{t('survey.thanksNext', { count: thanks })}</p>
            <button type="button" className="btn btn-secondary" onClick={() => setThanks(1)}>
              {t('survey.again')}
            </button>
          </div>
        ) : !elements.data ? (
          <p className="muted">{elements.error ? t('survey.loadFailed') : t('common.loading')}</p>
        ) : (
          <>
            <p className="lead">{t('survey.lead')}</p>
            <SurveyForm
              key={round}
              mall={mall.slug}
              serviceId={serviceId}
              elements={elements.data.elements}
              channel="counter"
              onDone={() => {
                setThanks(NEXT_SECONDS);
                window.scrollTo({ top: 0 });
              }}
            />
            <p>
              <button type="button" className="link-btn" onClick={() => choose(null)}>
                {t('survey.tabletChange')}
              </button>
            </p>
          </>
        )}
      </main>
    </div>
  );
}
