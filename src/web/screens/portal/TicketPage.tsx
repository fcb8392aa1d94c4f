import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TicketStreamEvent, type TicketStreamEventDto } from '../../../shared/contracts/events';
import { mallPath } from '../../app/api';
import { formatTime } from '../../app/format';
import { useEventStream } from '../../app/live';
import { useMall } from '../../app/mall';
import { peopleAhead } from '../../app/tickets';
import type { TicketView } from '../../app/types';
import { OpeningHours } from '../../components/OpeningHours';
import { PushOptIn } from '../../components/PushOptIn';
import { SurveyInvite } from '../survey/SurveyInvite';
import { NotifyPanel } from './NotifyPanel';

/**
 * The citizen's live ticket: position, estimated wait, "your turn is near", and the call itself.
 * Everything comes from the ticket's own stream (snapshot on connect, then changes); no polling.
 */
export function TicketPage() {
  const { t } = useTranslation();
  const mall = useMall();
  const code = useParams().code ?? '';
  const [ticket, setTicket] = useState<{ code: string; view: TicketView } | null>(null);
  const data = ticket?.code === code ? ticket.view : null;
  const finished = data ? ['done', 'no_show', 'cancelled', 'expired'].includes(data.status) : false;
  const onEvent = useCallback(
    (e: TicketStreamEventDto) => {
      if (e.type === 'ticket.snapshot') setTicket({ code, view: e.payload });
      else if (e.type === 'ticket.position') {
        const p = e.payload;
        setTicket(
          (x) =>
            x && {
              code: x.code,
              view: {
                ...x.view,
                status: p.status,
                position: p.position,
                estimatedWaitMinutes: p.etaMinutes,
                turnIsNear: p.turnIsNear,
              },
            },
        );
      } else if (e.type === 'ticket.called' && 'vibrate' in navigator) navigator.vibrate?.([300, 100, 300]);
      // `reset` needs nothing here: the server follows it with a fresh snapshot.
    },
    [code],
  );
  const { online, error } = useEventStream(
    mallPath(mall.slug, `/tickets/${encodeURIComponent(code)}/stream`),
    TicketStreamEvent,
    onEvent,
    { enabled: !finished },
  );
  const ahead = data ? peopleAhead(data) : null;
  const near = data?.status === 'waiting' && data.turnIsNear;
  const state = data ? (near ? 'near' : data.status) : 'loading';

  useEffect(() => {
    if (data) document.title = `${data.number} · ${t(`ticketPage.state.${state}`)}`;
  }, [data, state, t]);

  if (error?.status === 404)
    return (
      <section className="ticket-page">
        <h1>{t('ticketPage.notFound')}</h1>
        <p>{t('ticketPage.notFoundHelp')}</p>
        <Link to={`/${mall.slug}`}>{t('portal.backToCatalog')}</Link>
      </section>
    );
  if (!data)
    return (
      <section className="ticket-page" aria-busy="true">
        <p>{error ? t('common.loadFailed') : t('common.loading')}</p>
      </section>
    );

  return (
    <section className={`ticket-page state-${state}`} aria-labelledby="tp-number">
      <p className="muted">{t('ticketPage.yourNumber')}</p>
      <h1 id="tp-number" className="ticket-number">
        {data.number}
      </h1>
      <p className="ticket-service">{data.serviceName}</p>
      <div className="ticket-status" role="status" aria-live="polite">
        <p className="status-title">{t(`ticketPage.state.${state}`)}</p>
        {data.status === 'waiting' && (
          <>
            <p>{ahead === 0 ? t('ticketPage.nextInLine') : t('ticketPage.ahead', { count: ahead ?? 0 })}</p>
            {data.estimatedWaitMinutes !== null && (
              <p>{t('ticketPage.eta', { count: Math.max(1, Math.round(data.estimatedWaitMinutes)) })}</p>
            )}
            {near && <p className="near-hint">{t('ticketPage.nearHint')}</p>}
          </>
        )}
        {(data.status === 'called' || data.status === 'serving') && data.counter && (
          <p className="go-to">{t('ticketPage.goTo', { counter: data.counter.name })}</p>
        )}
        {data.status !== 'waiting' && data.status !== 'called' && data.status !== 'serving' && (
          <p>{t(`ticketPage.help.${data.status}`)}</p>
        )}
      </div>
      {data.status === 'waiting' && (
        <NotifyPanel
          mall={mall.slug}
          code={data.trackingCode}
          defaultWhenAhead={mall.notifyWhenAhead}
          pushSlot={
            <PushOptIn
              mallSlug={mall.slug}
              trackingCode={data.trackingCode}
              whenAhead={mall.notifyWhenAhead}
            />
          }
        />
      )}
      {data.status === 'done' && <SurveyInvite mall={mall.slug} code={data.trackingCode} />}
      <dl className="ticket-meta">
        <div>
          <dt>{t('ticketPage.issuedAt')}</dt>
          <dd>{formatTime(data.issuedAt, mall.timezone)}</dd>
        </div>
        {data.calledAt && (
          <div>
            <dt>{t('ticketPage.calledAt')}</dt>
            <dd>{formatTime(data.calledAt, mall.timezone)}</dd>
          </div>
        )}
        <div>
          <dt>{t('ticketPage.code')}</dt>
          <dd className="mono">{data.trackingCode}</dd>
        </div>
      </dl>
      {!finished && (
        <p className={`live-badge ${online ? 'on' : 'off'}`}>
          {online ? t('common.live') : t('ticketPage.refreshing')}
        </p>
      )}
      {data.nextTicket && (
        <p className="card next-ticket">
          {t('ticketPage.nextStep', { service: data.nextTicket.serviceName })}{' '}
          <Link to={`/${mall.slug}/ticket/${encodeURIComponent(data.nextTicket.trackingCode)}`}>
            {data.nextTicket.number}
          </Link>
        </p>
      )}
      <p>
        <Link to={`/${mall.slug}/services/${data.serviceId}`}>{t('ticketPage.requirements')}</Link>
      </p>
      <OpeningHours />
    </section>
  );
}
