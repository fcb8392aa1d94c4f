import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnswerOf, ApiError, api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatFee, formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import type { Ticket } from '../../app/types';
import { useApi } from '../../app/useApi';
import { Modal } from '../../components/Modal';

type Filed = AnswerOf<'post', '/api/v1/malls/{mall}/applications'>;
type Paid = AnswerOf<'post', '/api/v1/malls/{mall}/applications/{id}/payments'>;
const METHODS = ['cash', 'qris', 'transfer'] as const;

/**
 * Intake from the ticket being served: the checklist is the service's standard in force, every
 * requirement ticked or the file is refused (and the ticket can be finished as "incomplete
 * documents"); then the standard's fee is taken (never typed) and the receipt printed.
 */
export function IntakeDialog({
  ticket,
  counterId,
  token,
  onClose,
  onIncomplete,
}: {
  ticket: Ticket;
  counterId: number;
  token: string;
  onClose: () => void;
  onIncomplete: (missing: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const svc = useApi('/api/v1/malls/{mall}/services/{id}', {
    params: { path: { mall: mall.slug, id: ticket.serviceId } },
  });
  const reqs = svc.data?.standard.requirements ?? [];
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [name, setName] = useState('');
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [paid, setPaid] = useState<Paid | null>(null);
  const path = { mall: mall.slug };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMissing([]);
    try {
      const res = await api.post('/api/v1/malls/{mall}/applications', {
        params: { path },
        token,
        body: {
          serviceId: ticket.serviceId,
          ticketId: ticket.id,
          counterId,
          applicant: { name, nik, phone },
          checklist: reqs.map((requirement) => ({ requirement, present: !!ticked[requirement] })),
          locale: i18n.language === 'en' ? 'en' : 'id',
        },
      });
      setFiled(res);
    } catch (err) {
      const details =
        err instanceof ApiError ? (err.details as { missing?: unknown } | undefined) : undefined;
      if (err instanceof ApiError && err.code === 'REQUIREMENTS_MISSING' && Array.isArray(details?.missing))
        setMissing(details.missing.map(String));
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const pay = async (method: (typeof METHODS)[number]) => {
    if (!filed) return;
    setBusy(true);
    setError(null);
    try {
      setPaid(
        await api.post('/api/v1/malls/{mall}/applications/{id}/payments', {
          params: { path: { ...path, id: filed.id } },
          token,
          body: { method },
        }),
      );
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('backoffice.intake.title', { service: ticket.serviceName })} onClose={onClose}>
      {error && (
        <div className="alert" role="alert">
          <p>{error}</p>
          {missing.length > 0 && (
            <>
              <p>{t('backoffice.intake.missing')}</p>
              <ul>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <button type="button" className="btn btn-warn" onClick={() => onIncomplete(missing)}>
                {t('backoffice.intake.finishIncomplete')}
              </button>
            </>
          )}
        </div>
      )}
      {!filed ? (
        <form className="form intake-form" onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>
              {t('backoffice.intake.checklist', { version: svc.data?.standard.version ?? '—' })}
            </legend>
            {reqs.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={!!ticked[r]}
                  onChange={(e) => setTicked((x) => ({ ...x, [r]: e.target.checked }))}
                />{' '}
                {r}
              </label>
            ))}
          </fieldset>
          <label>
            {t('backoffice.intake.name')}
            <input
              required
              minLength={2}
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <label>
            {t('backoffice.intake.nik')}
            <input
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={32}
              value={nik}
              onChange={(e) => setNik(e.target.value)}
            />
          </label>
          <label>
            {t('backoffice.intake.phone')}
            <input
              required
              type="tel"
              inputMode="tel"
              maxLength={32}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || !svc.data}>
            {t('backoffice.intake.submit')}
          </button>
        </form>
      ) : (
        <div className="intake-done" data-testid="intake-done">
          <p className="success">{t('backoffice.intake.filed', { code: filed.trackingCode })}</p>
          <p>{t('backoffice.intake.due', { date: formatLocalDate(filed.dueDate, i18n.language) })}</p>
          {filed.feeAmount === 0 ? (
            <p>{t('backoffice.intake.free')}</p>
          ) : (
            <p>{t('backoffice.intake.fee', { fee: formatFee(t, filed.feeAmount) })}</p>
          )}
          {filed.feeAmount !== 0 && filed.feeAmount !== null && !paid && (
            <div className="actions-row">
              {METHODS.map((m) => (
                <button key={m} type="button" className="btn" disabled={busy} onClick={() => void pay(m)}>
                  {t('backoffice.intake.pay', { method: t(`backoffice.method.${m}`) })}
                </button>
              ))}
            </div>
          )}
          {paid && (
            <p className="success" data-testid="paid">
              {t('backoffice.intake.paid', { number: paid.receiptNumber })}{' '}
              <a
                className="btn btn-secondary"
                href={`/${mall.slug}/receipt/${paid.id}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('backoffice.intake.printReceipt')}
              </a>
            </p>
          )}
        </div>
      )}
    </Modal>
  );
}
