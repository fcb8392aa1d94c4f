import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMall } from '../../app/mall';
import { peopleAhead, ticketUrl } from '../../app/tickets';
import type { PrintOutcome, Ticket } from '../../app/types';
import { QrCode } from '../../components/QrCode';
import { type Paper, TicketSlip } from './TicketSlip';

/** The issued ticket on screen; prints the slip once its QR code is ready. */
export function TicketResult({
  ticket,
  counters,
  fee,
  paper,
  print = null,
  onDone,
}: {
  ticket: Ticket;
  counters: string;
  fee: string;
  paper: Paper;
  /** The kiosk's network printer's outcome; null when the browser prints the slip. */
  print?: PrintOutcome | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const printed = useRef(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!ready || printed.current) return;
    printed.current = true;
    // The thermal printer already has the slip; a failed one falls back to the browser's printer.
    if (print?.status === 'printed') return;
    // Let the slip paint before the print dialog (or kiosk-printing) takes the page.
    const id = setTimeout(() => window.print(), 150);
    return () => clearTimeout(id);
  }, [ready, print]);
  const ahead = peopleAhead(ticket);
  const url = ticketUrl(mall.slug, ticket.trackingCode);
  return (
    <section className="kiosk-ticket" aria-live="assertive">
      <p className="kiosk-ticket-label">{t('kiosk.yourNumber')}</p>
      <p className="kiosk-ticket-number" data-testid="kiosk-ticket-number">
        {ticket.number}
      </p>
      <p className="kiosk-ticket-service">{ticket.serviceName}</p>
      {counters && <p>{t('slip.counters', { counters })}</p>}
      <p className="kiosk-fee">{t('slip.fee', { fee })}</p>
      {ahead !== null && <p className="kiosk-ahead">{t('slip.ahead', { count: ahead })}</p>}
      {ticket.priority && <p className="chip">{t(`priority.${ticket.priority}`)}</p>}
      <div className="kiosk-qr">
        <QrCode text={url} size={180} alt={t('slip.scan')} />
        <p>{t('slip.scan')}</p>
      </div>
      {print?.status === 'failed' && (
        <p className="alert" role="alert">
          {t('kiosk.printerFailed')}
        </p>
      )}
      <p className="kiosk-printed">
        {ready || print?.status === 'printed' ? t('kiosk.printed') : t('kiosk.printing')}
      </p>
      <div className="kiosk-actions">
        <button type="button" className="btn btn-secondary btn-big" onClick={() => window.print()}>
          {t('kiosk.printAgain')}
        </button>
        <button type="button" className="btn btn-big" onClick={onDone}>
          {t('kiosk.done')}
        </button>
      </div>
      <p className="muted small">{t('kiosk.autoReturn')}</p>
      <TicketSlip
        ticket={ticket}
        counters={counters}
        fee={fee}
        paper={paper}
        onReady={() => setReady(true)}
      />
    </section>
  );
}
