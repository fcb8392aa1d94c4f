import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DisplayEvent, type DisplayEventDto } from '../../../shared/contracts/events';
import { api, mallPath } from '../../app/api';
import { useDevice } from '../../app/device';
import { useEventStream, useInterval } from '../../app/live';
import { useMall } from '../../app/mall';
import '../../styles/display.css';
import { applyBoardEvent, type Board, EMPTY_BOARD } from './board';
import { CounterBoard } from './CounterBoard';
import { DisplayHeader } from './DisplayHeader';
import { RecentCalls } from './RecentCalls';
import { Spotlight } from './Spotlight';
import { Ticker } from './Ticker';
import { useAnnouncer } from './useAnnouncer';
import { WaitingList } from './WaitingList';

/** Calls replayed after a reconnect are shown but only announced when still this fresh. */
const ANNOUNCE_MAX_AGE_MS = 120_000;
/** Today's mean waits move slowly and are not in the events: the snapshot refreshes them this often. */
const AVERAGES_EVERY_MS = 300_000;

/**
 * A paired board (opened once with ?pair=CODE) shows its device's zone and checks in so the admin
 * sees it online; an unpaired board still works (the stream is public) with ?zone= or the whole mall.
 */
export function DisplayScreen() {
  const { t } = useTranslation();
  const mall = useMall();
  const [params] = useSearchParams();
  const device = useDevice(mall.slug, 'display');
  if (device.state.status === 'checking') return <div className="display" aria-busy="true" />;
  const zone = (device.state.status === 'paired' && device.state.device?.zone) || params.get('zone') || 'all';
  const pairError = device.state.status === 'unpaired' ? device.state.error : null;
  return (
    <>
      <DisplayBoard key={zone} zone={zone} />
      {pairError && (
        <p className="alert display-pair-error" role="alert">
          {t(`device.errors.${pairError in ERRORS ? pairError : 'other'}`)}
        </p>
      )}
    </>
  );
}
const ERRORS = {
  PAIRING_CODE_INVALID: 1,
  PAIRING_CODE_USED: 1,
  PAIRING_CODE_EXPIRED: 1,
  REVOKED: 1,
  WRONG_DEVICE: 1,
  NETWORK: 1,
};

/** TV board (1920×1080, no input): calls per counter, latest calls, waiting counts, voice. */
function DisplayBoard({ zone }: { zone: string }) {
  const { t } = useTranslation();
  const mall = useMall();
  const [params] = useSearchParams();
  const [state, setState] = useState<Board>(EMPTY_BOARD);
  const [loaded, setLoaded] = useState(false);
  const [stream, setStream] = useState<{ ready: boolean; since: number | null }>({
    ready: false,
    since: null,
  });
  const watermark = useRef<number | null>(null);
  const seen = useRef(new Set<number>());
  const loadedAt = useRef(Date.now());
  const { current, queued, enqueue } = useAnnouncer();

  // One snapshot on load (and after a reset or now and then for the averages); the stream does the rest.
  const load = useCallback(async () => {
    try {
      const s = await api.get('/api/v1/malls/{mall}/displays/{zone}/state', {
        params: { path: { mall: mall.slug, zone } },
      });
      if (watermark.current === null) {
        watermark.current = s.lastEventId;
        // The stream starts right after the snapshot, so nothing between the two is missed.
        setStream({ ready: true, since: watermark.current });
      }
      setState(s);
      setLoaded(true);
    } catch {
      // Offline or not available yet: keep the last state; listen anyway (new events only).
      setStream((x) => (x.ready ? x : { ready: true, since: null }));
    }
  }, [mall.slug, zone]);
  useEffect(() => {
    void load();
  }, [load]);
  useInterval(() => void load(), AVERAGES_EVERY_MS);

  const onEvent = useCallback(
    (e: DisplayEventDto) => {
      if (e.type === 'reset') {
        void load();
        return;
      }
      setState((s) => applyBoardEvent(s, e));
      if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') return;
      const p = e.payload;
      const isNew =
        !seen.current.has(e.seq) &&
        (watermark.current === null
          ? Date.parse(e.at) >= loadedAt.current - 2000
          : e.seq > watermark.current);
      seen.current.add(e.seq);
      if (isNew && Date.now() - Date.parse(p.at || e.at) < ANNOUNCE_MAX_AGE_MS)
        enqueue({
          key: String(e.seq),
          number: p.number,
          counterName: p.counterName,
          serviceName: p.serviceName,
          text: p.text,
          spokenText: p.spokenText,
          recall: e.type === 'ticket.recalled',
        });
    },
    [enqueue, load],
  );
  const { online } = useEventStream(
    mallPath(mall.slug, `/displays/${encodeURIComponent(zone)}/stream`),
    DisplayEvent,
    onEvent,
    { enabled: stream.ready, since: stream.since },
  );
  const last = state.recentCalls[0] ?? null;

  return (
    <div className={`display ${current ? 'announcing' : ''}`}>
      <DisplayHeader online={online} zone={zone} />
      <main className="display-main">
        <div className="display-left">
          <Spotlight current={current} last={last} />
          <RecentCalls calls={state.recentCalls.slice(current ? 0 : 1, 7)} />
        </div>
        <CounterBoard counters={state.counters} flashing={current?.number ?? null} loaded={loaded} />
        <WaitingList waiting={state.waiting} />
      </main>
      <Ticker text={params.get('text') || t('display.ticker', { mall: mall.name })} />
      <div className="sr-only" aria-live="assertive" data-testid="announcer" data-queued={queued}>
        {current?.text ?? ''}
      </div>
    </div>
  );
}
