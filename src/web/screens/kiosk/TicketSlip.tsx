import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { useMall } from '../../app/mall';
import { peopleAhead, ticketUrl } from '../../app/tickets';
import type { Ticket } from '../../app/types';
import { QrCode } from '../../components/QrCode';

export type Paper = 58 | 80;

/**
 * The printed ticket for 58/80 mm thermal paper. Rendered outside #root so the print stylesheet
 * can print only this; its @page size follows the kiosk's paper setting.
 */
export function TicketSlip({
  ticket,
  counters,
  fee,
  paper,
  onReady,
}: {
  ticket: Ticket;
  counters: string;
  fee: string;
  paper: Paper;
  onReady: () => void;
}) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const url = ticketUrl(mall.slug, ticket.trackingCode);
  const ahead = peopleAhead(ticket);
  useEffect(() => {
    document.body.classList.add('has-slip');
    return () => document.body.classList.remove('has-slip');
  }, []);
  return createPortal(
    <div className={`ticket-slip paper-${paper}`} aria-hidden="true">
      <style>{`@page { size: ${paper}mm ${paper === 58 ? 110 : 130}mm; margin: 0; }`}</style>
      <p className="slip-mall">{mall.name}</p>
      <p className="slip-label">{t('slip.number')}</p>
      <p className="slip-number">{ticket.number}</p>
      <p className="slip-service">{ticket.serviceName}</p>
      {counters && <p className="slip-line">{t('slip.counters', { counters })}</p>}
      <p className="slip-line">{t('slip.fee', { fee })}</p>
      {ahead !== null && <p className="slip-line">{t('slip.ahead', { count: ahead })}</p>}
      <p className="slip-line">{formatDateTime(ticket.issuedAt, mall.timezone, i18n.language)}</p>
      <QrCode text={url} size={paper === 58 ? 110 : 150} alt="" onReady={onReady} />
      <p className="slip-small">{t('slip.scan')}</p>
      <p className="slip-small mono">{ticket.trackingCode}</p>
      <p className="slip-small">{t('slip.free')}</p>
    </div>,
    document.body,
  );
}
