import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import '../../styles/survey.css';
import { SurveyForm } from './SurveyForm';

/**
 * The survey on the citizen's phone: from the ticket page or the slip's QR (`?ticket=CODE`, tied to
 * that finished ticket, once) or from the portal (`?service=ID`, or a service picked here).
 */
export function SurveyPage() {
  const { t } = useTranslation();
  const mall = useMall();
  const [params] = useSearchParams();
  const code = params.get('ticket')?.trim() || null;
  const [picked, setPicked] = useState(params.get('service') ?? '');
  const [done, setDone] = useState(false);
  const at = { mall: mall.slug };
  const elements = useApi('/api/v1/malls/{mall}/surveys/elements', { params: { path: at } });
  const ticket = useApi(code ? '/api/v1/malls/{mall}/tickets/{trackingCode}/survey' : null, {
    params: { path: { ...at, trackingCode: code ?? '' } },
  });
  const services = useApi(code ? null : '/api/v1/malls/{mall}/services', {
    params: { path: at, query: { limit: 500 } },
  });
  const serviceId = code ? (ticket.data?.serviceId ?? null) : picked ? Number(picked) : null;
  const back = code && (
    <p>
      <Link to={`/${mall.slug}/ticket/${encodeURIComponent(code)}`}>{t('survey.backToTicket')}</Link>
    </p>
  );

  let body: React.ReactNode;
  if (done)
    body = (
      <p className="success survey-thanks" role="status">
        {t('survey.thanks')}
      </p>
    );
  else if (elements.error || ticket.error) body = <p className="alert">{t('survey.loadFailed')}</p>;
  else if (!elements.data || (code && !ticket.data)) body = <p className="muted">{t('common.loading')}</p>;
  else if (ticket.data?.state === 'answered') body = <p className="success">{t('survey.answered')}</p>;
  else if (ticket.data?.state === 'not_finished') body = <p className="notice">{t('survey.notFinished')}</p>;
  else
    body = (
      <>
        {!code && (
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
        )}
        <SurveyForm
          mall={mall.slug}
          serviceId={serviceId}
          elements={elements.data.elements}
          ticketCode={code ?? undefined}
          channel={code ? 'ticket' : 'portal'}
          onDone={() => {
            setDone(true);
            window.scrollTo({ top: 0 });
          }}
        />
      </>
    );

  return (
    <section className="survey-page" aria-labelledby="survey-h">
      <h1 id="survey-h">{t('survey.title')}</h1>
      {ticket.data && (
        <p className="survey-ticket">
          {t('survey.ticketLine', { number: ticket.data.number, service: ticket.data.serviceName })}
        </p>
      )}
      {!done && <p className="lead">{t('survey.lead')}</p>}
      {body}
      {back}
    </section>
  );
}
