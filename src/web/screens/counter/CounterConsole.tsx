import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CounterStreamEvent, type CounterStreamEventDto } from '../../../shared/contracts/events';
import { api, mallPath } from '../../app/api';
import { errorText } from '../../app/errors';
import { useEventStream } from '../../app/live';
import { useMall } from '../../app/mall';
import type { Counter, CounterQueue, Ticket } from '../../app/types';
import { IntakeDialog } from '../backoffice/IntakeDialog';
import { AttendanceBar } from './AttendanceBar';
import { BookingCheckIn } from './BookingCheckIn';
import { CancelDialog } from './CancelDialog';
import { CallDialog, FinishDialog, TransferDialog, WalkInDialog } from './CounterDialogs';
import { CurrentTicket } from './CurrentTicket';
import { StatusSwitch } from './StatusSwitch';
import { useShortcuts } from './useShortcuts';
import { WaitingQueue } from './WaitingQueue';

type Dialog =
  | { kind: 'finish' | 'transfer' | 'walkin' | 'cancel' | 'intake' }
  | { kind: 'call'; ticket: Ticket }
  | null;

export function CounterConsole({ counter, token }: { counter: Counter; token: string }) {
  const { t } = useTranslation();
  const mall = useMall();
  const [queue, setQueue] = useState<CounterQueue | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The counter's own stream sends its line and ticket on connect and after every change.
  const onEvent = useCallback((e: CounterStreamEventDto) => {
    if (e.type === 'counter.queue') setQueue(e.payload);
  }, []);
  const { online, error } = useEventStream(
    mallPath(mall.slug, `/counters/${counter.id}/stream`),
    CounterStreamEvent,
    onEvent,
    { token },
  );
  const q = { data: queue, error };
  const current = q.data?.current ?? null;
  const status = q.data?.counter.status ?? counter.status;

  /** Runs one typed call of the console; `ok` turns its answer into the message shown. */
  const act = useCallback(
    async <R,>(call: () => Promise<R>, ok?: (res: R) => string | null) => {
      setBusy(true);
      setMessage(null);
      try {
        const res = await call();
        const text = ok?.(res) ?? null;
        if (text) setMessage({ kind: 'ok', text });
        setDialog(null);
      } catch (err) {
        setMessage({
          kind: 'error',
          text: errorText(t, err),
        });
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const mallParam = { mall: mall.slug };
  const onCounter = { params: { path: { ...mallParam, counterId: counter.id } }, token };
  const onTicket = (id: number) => ({ params: { path: { ...mallParam, id } }, token });
  const calledText = (tk: Ticket | null | undefined) =>
    tk ? t('counter.called', { number: tk.number }) : t('counter.nobodyWaiting');
  const actions = {
    callNext: () =>
      void act(() => api.post('/api/v1/malls/{mall}/counters/{counterId}/call-next', onCounter), calledText),
    recall: () =>
      current &&
      void act(
        () => api.post('/api/v1/malls/{mall}/tickets/{id}/recall', onTicket(current.id)),
        () => t('counter.recalled', { number: current.number }),
      ),
    start: () =>
      current && void act(() => api.post('/api/v1/malls/{mall}/tickets/{id}/start', onTicket(current.id))),
    finish: () => current && setDialog({ kind: 'finish' }),
    noShow: () =>
      current && void act(() => api.post('/api/v1/malls/{mall}/tickets/{id}/no-show', onTicket(current.id))),
    transfer: () => current && setDialog({ kind: 'transfer' }),
    cancel: () => current?.status === 'called' && setDialog({ kind: 'cancel' }),
    walkIn: () => setDialog({ kind: 'walkin' }),
    intake: () => current?.status === 'serving' && setDialog({ kind: 'intake' }),
  };
  useShortcuts(
    {
      n: () => !current && actions.callNext(),
      r: () => current?.status === 'called' && actions.recall(),
      s: () => current?.status === 'called' && actions.start(),
      f: () => current && actions.finish(),
      x: () => current?.status === 'called' && actions.noShow(),
      t: () => current && actions.transfer(),
      w: actions.walkIn,
      a: () => current?.status === 'serving' && actions.intake(),
    },
    !busy && dialog === null,
  );

  return (
    <div className="console">
      <div className="console-bar">
        <h1>
          {counter.name} <span className="muted small">{counter.agencyName}</span>
        </h1>
        <StatusSwitch
          value={status}
          busy={busy}
          onChange={(status) =>
            void act(() =>
              api.post('/api/v1/malls/{mall}/counters/{counterId}/status', {
                ...onCounter,
                body: { status },
              }),
            )
          }
        />
        <span className={`live-badge ${online ? 'on' : 'off'}`}>
          {online ? t('common.live') : t('common.offline')}
        </span>
      </div>
      <AttendanceBar mall={mall.slug} counterId={counter.id} token={token} />
      <BookingCheckIn mall={mall.slug} token={token} />
      <div className="msg-area" aria-live="polite">
        {message && <p className={message.kind === 'error' ? 'alert' : 'success'}>{message.text}</p>}
        {q.error && q.error.status !== 401 && (
          <p className="alert">
            {q.error.status === 404 ? t('counter.queueUnavailable') : t('common.loadFailed')}
          </p>
        )}
      </div>
      <div className="console-grid">
        <CurrentTicket ticket={current} busy={busy} status={status} actions={actions} />
        <WaitingQueue
          tickets={q.data?.waiting ?? []}
          canCall={!current && !busy}
          onCall={(ticket) => setDialog({ kind: 'call', ticket })}
        />
      </div>
      {dialog?.kind === 'finish' && current && (
        <FinishDialog
          ticket={current}
          busy={busy}
          onClose={() => setDialog(null)}
          onFinish={(outcome) =>
            void act(() =>
              api.post('/api/v1/malls/{mall}/tickets/{id}/finish', {
                ...onTicket(current.id),
                body: { outcome },
              }),
            )
          }
        />
      )}
      {dialog?.kind === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          busy={busy}
          onClose={() => setDialog(null)}
          onTransfer={(body) =>
            void act(() =>
              api.post('/api/v1/malls/{mall}/tickets/{id}/transfer', { ...onTicket(current.id), body }),
            )
          }
        />
      )}
      {dialog?.kind === 'intake' && current && (
        <IntakeDialog
          ticket={current}
          counterId={counter.id}
          token={token}
          onClose={() => setDialog(null)}
          onIncomplete={(missing) =>
            void act(() =>
              api.post('/api/v1/malls/{mall}/tickets/{id}/finish', {
                ...onTicket(current.id),
                body: { outcome: 'incomplete_documents', note: missing.join('; ').slice(0, 500) },
              }),
            )
          }
        />
      )}
      {dialog?.kind === 'cancel' && current && (
        <CancelDialog
          ticket={current}
          busy={busy}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void act(
              () => api.post('/api/v1/malls/{mall}/tickets/{id}/cancel', onTicket(current.id)),
              () => t('counter.cancelled', { number: current.number }),
            )
          }
        />
      )}
      {dialog?.kind === 'call' && (
        <CallDialog
          ticket={dialog.ticket}
          busy={busy}
          onClose={() => setDialog(null)}
          onCall={(reason) =>
            void act(
              () =>
                api.post('/api/v1/malls/{mall}/counters/{counterId}/call', {
                  ...onCounter,
                  body: { ticketId: dialog.ticket.id, reason },
                }),
              calledText,
            )
          }
        />
      )}
      {dialog?.kind === 'walkin' && (
        <WalkInDialog
          counter={counter}
          busy={busy}
          onClose={() => setDialog(null)}
          onIssue={(serviceId, priority) =>
            void act(
              () =>
                api.post('/api/v1/malls/{mall}/tickets', {
                  params: { path: mallParam },
                  body: { serviceId, source: 'counter', ...(priority ? { priority } : {}) },
                  token,
                }),
              (tk) => t('counter.walkInIssued', { number: tk.number }),
            )
          }
        />
      )}
    </div>
  );
}
