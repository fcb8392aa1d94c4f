import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMall } from '../../app/mall';
import { PRIORITIES } from '../../app/tickets';
import type { Counter, FinishBody, Priority, ServiceSummary, Ticket, TransferBody } from '../../app/types';
import { useApi } from '../../app/useApi';
import { Modal } from '../../components/Modal';

const OUTCOMES = ['done', 'incomplete_documents', 'referred'] as const;

function groupByAgency(services: ServiceSummary[]): [string, ServiceSummary[]][] {
  const m = new Map<string, ServiceSummary[]>();
  for (const s of services) m.set(s.agencyName, [...(m.get(s.agencyName) ?? []), s]);
  return [...m.entries()];
}

interface Base {
  busy: boolean;
  onClose: () => void;
}

export function FinishDialog({
  ticket,
  busy,
  onClose,
  onFinish,
}: Base & { ticket: Ticket; onFinish: (o: FinishBody['outcome']) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<FinishBody['outcome']>('done');
  return (
    <Modal title={t('counter.finishTitle', { number: ticket.number })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onFinish(outcome);
        }}
      >
        <fieldset className="radio-list">
          <legend>{t('counter.outcome')}</legend>
          {OUTCOMES.map((o) => (
            <label key={o}>
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />{' '}
              {t(`outcome.${o}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn" disabled={busy}>
          {t('counter.finish')}
        </button>
      </form>
    </Modal>
  );
}

export function CallDialog({
  ticket,
  busy,
  onClose,
  onCall,
}: Base & { ticket: Ticket; onCall: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal title={t('counter.callTitle', { number: ticket.number })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onCall(reason.trim());
        }}
      >
        <p className="muted">{t('counter.callHelp')}</p>
        <label className="field">
          <span>{t('counter.reason')}</span>
          <textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={3}
            rows={3}
          />
        </label>
        <button type="submit" className="btn" disabled={busy || !reason.trim()}>
          {t('counter.callThis')}
        </button>
      </form>
    </Modal>
  );
}

export function TransferDialog({
  ticket,
  busy,
  onClose,
  onTransfer,
}: Base & { ticket: Ticket; onTransfer: (body: TransferBody) => void }) {
  const { t } = useTranslation();
  const mall = useMall();
  const services = useApi('/api/v1/malls/{mall}/services', {
    params: { path: { mall: mall.slug }, query: { limit: 1000 } },
  });
  const counters = useApi('/api/v1/malls/{mall}/counters', { params: { path: { mall: mall.slug } } });
  const [serviceId, setServiceId] = useState('');
  const [counterId, setCounterId] = useState('');
  const [returnToCounter, setReturn] = useState(false);
  return (
    <Modal title={t('counter.transferTitle', { number: ticket.number })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onTransfer({
            ...(serviceId ? { serviceId: Number(serviceId) } : {}),
            ...(counterId ? { counterId: Number(counterId) } : {}),
            returnToCounter,
          });
        }}
      >
        <label className="field">
          <span>{t('counter.toService')}</span>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('counter.sameService')}</option>
            {groupByAgency(services.data?.items.filter((s) => s.servedAtMall) ?? []).map(([agency, list]) => (
              <optgroup key={agency} label={agency}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('counter.toCounter')}</span>
          <select value={counterId} onChange={(e) => setCounterId(e.target.value)}>
            <option value="">{t('counter.anyCounter')}</option>
            {counters.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.agencyName}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={returnToCounter} onChange={(e) => setReturn(e.target.checked)} />{' '}
          {t('counter.returnToCounter')}
        </label>
        <button type="submit" className="btn" disabled={busy || (!serviceId && !counterId)}>
          {t('counter.transfer')}
        </button>
      </form>
    </Modal>
  );
}

export function WalkInDialog({
  counter,
  busy,
  onClose,
  onIssue,
}: Base & { counter: Counter; onIssue: (serviceId: number, p: Priority | null) => void }) {
  const { t } = useTranslation();
  const [serviceId, setServiceId] = useState(String(counter.services[0]?.id ?? ''));
  const [priority, setPriority] = useState<Priority | ''>('');
  return (
    <Modal title={t('counter.walkInTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (serviceId) onIssue(Number(serviceId), priority || null);
        }}
      >
        <label className="field">
          <span>{t('counter.col.service')}</span>
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
            {counter.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.queuePrefix} — {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('counter.priority')}</span>
          <select value={priority} onChange={(e) => setPriority(e.target.value as Priority | '')}>
            <option value="">{t('priority.none')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn" disabled={busy || !serviceId}>
          {t('counter.issue')}
        </button>
      </form>
    </Modal>
  );
}
