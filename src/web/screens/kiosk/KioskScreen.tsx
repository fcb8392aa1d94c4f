import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { useDevice } from '../../app/device';
import { errorText } from '../../app/errors';
import { formatFee } from '../../app/format';
import { useMall } from '../../app/mall';
import type {
  AgencyView,
  PrintOutcome,
  Priority,
  ServiceDetail,
  ServiceSummary,
  Ticket,
} from '../../app/types';
import { useApi } from '../../app/useApi';
import '../../styles/kiosk.css';
import '../../styles/print.css';
import { SearchIcon } from '../../components/Icons';
import { OpeningHours } from '../../components/OpeningHours';
import { KioskComplaint } from '../complaints/KioskComplaint';
import { PairingScreen } from '../device/PairingScreen';
import { AgencyGrid } from './AgencyGrid';
import { KioskCheckIn } from './KioskCheckIn';
import { KioskHeader } from './KioskHeader';
import { KioskSearch } from './KioskSearch';
import { ServiceList } from './ServiceList';
import { ServiceStep } from './ServiceStep';
import { TicketResult } from './TicketResult';
import type { Paper } from './TicketSlip';
import { useIdle } from './useIdle';

type Step =
  | { kind: 'start' }
  | { kind: 'agency'; agency: AgencyView }
  | { kind: 'search' }
  | { kind: 'complaint' }
  | { kind: 'booked' }
  | { kind: 'service'; serviceId: number; back: Step }
  | { kind: 'ticket'; ticket: Ticket; counters: string; print: PrintOutcome | null; fee: string };

function paperSetting(): Paper {
  const fromUrl = new URLSearchParams(window.location.search).get('paper');
  if (fromUrl === '58' || fromUrl === '80') localStorage.setItem('satu-atap:kiosk:paper', fromUrl);
  return localStorage.getItem('satu-atap:kiosk:paper') === '58' ? 58 : 80;
}

/** Portrait touch kiosk: agency → service (or search) → published standard → priority → ticket. */
export function KioskScreen() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [busy, setBusy] = useState(false);
  const [takeError, setTakeError] = useState<string | null>(null);
  const [paper] = useState(paperSetting);
  const device = useDevice(mall.slug, 'kiosk');
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: { mall: mall.slug } } });
  const agencyId = step.kind === 'agency' ? step.agency.id : null;
  const services = useApi(agencyId ? '/api/v1/malls/{mall}/services' : null, {
    params: { path: { mall: mall.slug }, query: { agencyId: agencyId ?? undefined, limit: 200 } },
  });
  const home = useCallback(() => {
    setStep({ kind: 'start' });
    setTakeError(null);
    // The next citizen starts in Bahasa Indonesia.
    if (i18n.language !== 'id') void i18n.changeLanguage('id');
  }, [i18n]);
  useIdle(step.kind === 'ticket' ? 30_000 : 75_000, step.kind !== 'start', home);

  const openService = (s: ServiceSummary) => {
    setTakeError(null);
    setStep({ kind: 'service', serviceId: s.id, back: step });
  };

  const take = async (service: ServiceDetail, priority: Priority | null) => {
    setBusy(true);
    setTakeError(null);
    try {
      const { print = null, ...ticket } = await api.post('/api/v1/malls/{mall}/tickets', {
        params: { path: { mall: mall.slug } },
        body: { serviceId: service.id, source: 'kiosk', ...(priority ? { priority } : {}) },
        token: device.token,
      });
      const counters = service.counters.map((c) => c.number).join(', ');
      setStep({
        kind: 'ticket',
        ticket,
        counters: counters ? `${t('kiosk.counterWord')} ${counters}` : '',
        print,
        // The fee of the standard in force, printed exactly as published (no room for pungli).
        fee: formatFee(t, service.standard.fee),
      });
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      // Revoked (or never paired): back to the pairing step.
      if (e?.status === 401) {
        device.forget('REVOKED');
        home();
        return;
      }
      setTakeError(errorText(t, err, { agency: service.agency.name, hotline: service.agency.hotline }));
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    if (step.kind === 'service') setStep(step.back);
    else home();
  };

  if (device.state.status !== 'paired') {
    return (
      <div className="kiosk">
        <KioskHeader />
        <main className="kiosk-main">
          {device.state.status === 'checking' ? (
            <p aria-busy="true">{t('device.checking')}</p>
          ) : (
            <PairingScreen kind="kiosk" error={device.state.error} onPair={device.pair} />
          )}
        </main>
      </div>
    );
  }

  return (
    <div className="kiosk">
      <KioskHeader />
      <main className="kiosk-main">
        {step.kind === 'start' && (
          <>
            <h1 className="kiosk-title">{t('kiosk.welcome')}</h1>
            <button type="button" className="kiosk-search-btn" onClick={() => setStep({ kind: 'search' })}>
              <SearchIcon /> {t('kiosk.searchButton')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-big kiosk-booked-btn"
              onClick={() => setStep({ kind: 'booked' })}
            >
              {t('booking.kioskButton')}
            </button>
            <OpeningHours />
            <h2 className="kiosk-subtitle">{t('kiosk.pickAgency')}</h2>
            {agencies.error && <p className="alert">{t('common.loadFailed')}</p>}
            {agencies.data && (
              <AgencyGrid
                agencies={agencies.data.items}
                onPick={(a) => setStep({ kind: 'agency', agency: a })}
              />
            )}
            <button
              type="button"
              className="btn btn-secondary btn-big kiosk-complaint-btn"
              onClick={() => setStep({ kind: 'complaint' })}
            >
              {t('complaints.kioskButton')}
            </button>
          </>
        )}
        {step.kind === 'complaint' && <KioskComplaint token={device.token} onDone={home} />}
        {step.kind === 'booked' && (
          <KioskCheckIn
            token={device.token}
            onTicket={(ticket) => setStep({ kind: 'ticket', ticket, counters: '', print: null, fee: '' })}
            onRevoked={() => {
              device.forget('REVOKED');
              home();
            }}
          />
        )}
        {step.kind === 'agency' && (
          <>
            <h1 className="kiosk-title">{step.agency.name}</h1>
            <h2 className="kiosk-subtitle">{t('kiosk.pickService')}</h2>
            {services.data ? (
              <ServiceList
                services={services.data.items}
                onPick={openService}
                label={t('kiosk.pickService')}
              />
            ) : (
              <p aria-busy="true">{t('common.loading')}</p>
            )}
          </>
        )}
        {step.kind === 'search' && <KioskSearch onPick={openService} />}
        {step.kind === 'service' && (
          <ServiceStep serviceId={step.serviceId} busy={busy} error={takeError} onTake={take} />
        )}
        {step.kind === 'ticket' && (
          <TicketResult
            ticket={step.ticket}
            counters={step.counters}
            fee={step.fee}
            paper={paper}
            print={step.print}
            onDone={home}
          />
        )}
      </main>
      {step.kind !== 'start' && step.kind !== 'ticket' && (
        <nav className="kiosk-nav" aria-label={t('kiosk.navigation')}>
          <button type="button" className="btn btn-secondary btn-big" onClick={back}>
            ← {t('common.back')}
          </button>
          <button type="button" className="btn btn-secondary btn-big" onClick={home}>
            {t('kiosk.startOver')}
          </button>
        </nav>
      )}
    </div>
  );
}
