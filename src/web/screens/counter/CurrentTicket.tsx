import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format';
import { useMall } from '../../app/mall';
import type { Ticket } from '../../app/types';

export interface CounterActions {
  callNext: () => void;
  recall: () => void;
  start: () => void;
  finish: () => void;
  noShow: () => void;
  transfer: () => void;
  /** Cancels the called ticket (after asking); no shortcut, so it never happens by a stray key. */
  cancel: () => void;
  walkIn: () => void;
  /** Opens an application (back office) for the ticket being served. */
  intake: () => void;
}

function Action({
  label,
  kbd,
  onClick,
  disabled,
  variant = '',
}: {
  label: string;
  kbd?: string;
  onClick: () => void;
  disabled: boolean;
  variant?: string;
}) {
  return (
    <button
      type="button"
      className={`btn action ${variant}`}
      onClick={onClick}
      disabled={disabled}
      aria-keyshortcuts={kbd}
    >
      <span>{label}</span>
      {kbd && <kbd>{kbd}</kbd>}
    </button>
  );
}

/** The ticket at this counter and what the officer can do with it. */
export function CurrentTicket({
  ticket,
  busy,
  status,
  actions,
}: {
  ticket: Ticket | null;
  busy: boolean;
  status: string;
  actions: CounterActions;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const called = ticket?.status === 'called';
  return (
    <section className="card current" aria-labelledby="current-h">
      <h2 id="current-h">{t('counter.current')}</h2>
      {ticket ? (
        <div className={`current-ticket st-${ticket.status}`}>
          <p className="current-number" data-testid="counter-current">
            {ticket.number}
          </p>
          <p className="current-service">{ticket.serviceName}</p>
          <p>
            <span className={`chip chip-${ticket.status}`}>{t(`ticketStatus.${ticket.status}`)}</span>{' '}
            {ticket.priority && (
              <span className="chip chip-priority">{t(`priority.${ticket.priority}`)}</span>
            )}
          </p>
          <p className="muted small">
            {t('counter.issuedAt', { time: formatTime(ticket.issuedAt, mall.timezone) })}
          </p>
        </div>
      ) : (
        <p className="current-empty">{status === 'open' ? t('counter.idle') : t('counter.notOpen')}</p>
      )}
      <div className="actions">
        <Action
          label={t('counter.callNext')}
          kbd="N"
          onClick={actions.callNext}
          disabled={busy || !!ticket || status !== 'open'}
          variant="btn-primary-big"
        />
        <Action label={t('counter.recall')} kbd="R" onClick={actions.recall} disabled={busy || !called} />
        <Action label={t('counter.start')} kbd="S" onClick={actions.start} disabled={busy || !called} />
        <Action label={t('counter.finish')} kbd="F" onClick={actions.finish} disabled={busy || !ticket} />
        <Action
          label={t('counter.noShow')}
          kbd="X"
          onClick={actions.noShow}
          disabled={busy || !called}
          variant="btn-warn"
        />
        <Action label={t('counter.transfer')} kbd="T" onClick={actions.transfer} disabled={busy || !ticket} />
        <Action
          label={t('counter.cancel')}
          onClick={actions.cancel}
          disabled={busy || !called}
          variant="btn-warn"
        />
        <Action
          label={t('backoffice.intake.open')}
          kbd="A"
          onClick={actions.intake}
          disabled={busy || ticket?.status !== 'serving'}
          variant="btn-secondary"
        />
        <Action
          label={t('counter.walkIn')}
          kbd="W"
          onClick={actions.walkIn}
          disabled={busy}
          variant="btn-secondary"
        />
      </div>
    </section>
  );
}
