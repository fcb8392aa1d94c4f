import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CounterStreamEvent, type CounterStreamEventDto } from '../../../shared/contracts/events';
import { api, mallPath } from '../../app/api';
import { errorText } from '../../app/errors';
import { useEventStream } from '../../app/live';
import { useMall } from '../../app/mall';
import type { Counter, CounterQueue, Ticket } from '../../app/types';
import { CancelDialog } from './CancelDialog';
import { CallDialog, FinishDialog, TransferDialog, WalkInDialog } from './CounterDialogs';
import { CurrentTicket } from './CurrentTicket';
import { StatusSwitch } from './StatusSwitch';
import { useShortcuts } from './useShortcuts';
import { WaitingQueue } from './WaitingQueue';

type Dialog = { kind: 'finish' | 'transfer' | 'walkin' | 'cancel' } | { kind: 'call'; ticket: Ticket } | null;

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

  const act = useCallback(
    async (path: string, body?: unknown, ok?: (res: unknown) => string | null) => {
      setBusy(true);
      setMessage(null);
      try {
        const res = await api<unknown>(mallPath(mall.slug, path), {
          method: 'POST',
          body: body ?? {},
          token,
        });
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
    [mall.slug, token, t],
  );
  const ticketPath = (action: string) => `/tickets/${current?.id}/${action}`;
  const calledText = (res: unknown) => {
    const tk = res as Ticket | undefined;
    return tk ? t('counter.called', { number: tk.number }) : t('counter.nobodyWaiting');
  };
  const actions = {
    callNext: () => void act(`/counters/${counter.id}/call-next`, undefined, calledText),
    recall: () =>
      current &&
      void act(ticketPath('recall'), undefined, () => t('counter.recalled', { number: current.number })),
    start: () => current && void act(ticketPath('start')),
    finish: () => current && setDialog({ kind: 'finish' }),
    noShow: () => current && void act(ticketPath('no-show')),
    transfer: () => current && setDialog({ kind: 'transfer' }),
    cancel: () => current?.status === 'called' && setDialog({ kind: 'cancel' }),
    walkIn: () => setDialog({ kind: 'walkin' }),
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
          onChange={(s) => void act(`/counters/${counter.id}/status`, { status: s })}
        />
        <span className={`live-badge ${online ? 'on' : 'off'}`}>
          {online ? t('common.live') : t('common.offline')}
        </span>
      </div>
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
          onFinish={(outcome) => void act(ticketPath('finish'), { outcome })}
        />
      )}
      {dialog?.kind === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          busy={busy}
          onClose={() => setDialog(null)}
          onTransfer={(body) => void act(ticketPath('transfer'), body)}
        />
      )}
      {dialog?.kind === 'cancel' && current && (
        <CancelDialog
          ticket={current}
          busy={busy}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void act(ticketPath('cancel'), undefined, () =>
              t('counter.cancelled', { number: current.number }),
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
            void act(`/counters/${counter.id}/call`, { ticketId: dialog.ticket.id, reason }, calledText)
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
              '/tickets',
              { serviceId, source: 'counter', ...(priority ? { priority } : {}) },
              (res) => {
                const tk = (res as { ticket?: Ticket } & Partial<Ticket>) ?? {};
                return t('counter.walkInIssued', { number: tk.ticket?.number ?? tk.number ?? '' });
              },
            )
          }
        />
      )}
    </div>
  );
}
