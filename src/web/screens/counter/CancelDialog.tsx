import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../app/types';
import { Modal } from '../../components/Modal';

/** Asks before cancelling the called ticket: a cancelled ticket can never be called again. */
export function CancelDialog({
  ticket,
  busy,
  onClose,
  onConfirm,
}: {
  ticket: Ticket;
  busy: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={t('counter.cancelTitle', { number: ticket.number })} onClose={onClose}>
      <p>{t('counter.cancelHelp')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn-warn" disabled={busy} onClick={onConfirm}>
          {t('counter.cancelConfirm')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('counter.keepTicket')}
        </button>
      </div>
    </Modal>
  );
}
