import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnswerOf, api, type BodyOf } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDay } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { OnScreenKeyboard } from '../kiosk/OnScreenKeyboard';

type Input = BodyOf<'post', '/api/v1/malls/{mall}/complaints'>;
export type Created = AnswerOf<'post', '/api/v1/malls/{mall}/complaints'>;
const TYPES = ['complaint', 'aspiration', 'information_request'] as const;

/**
 * The complaint form of the portal and the kiosk (a paired kiosk sends its device token, so the
 * report is recorded as filed at the kiosk). Only type, title and text are required; contacts are
 * optional and only used to tell the reporter when it is answered.
 */
export function ComplaintForm({
  token,
  onSent,
  keyboard = false,
}: {
  token?: string | null;
  onSent: (c: Created) => void;
  /** A kiosk without a physical keyboard: an on-screen one types into the field in focus. */
  keyboard?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const services = useApi('/api/v1/malls/{mall}/services', {
    params: { path: { mall: mall.slug }, query: { limit: 500 } },
  });
  const [type, setType] = useState<(typeof TYPES)[number]>('complaint');
  const [f, setF] = useState({
    title: '',
    body: '',
    serviceId: '',
    ticket: '',
    name: '',
    phone: '',
    email: '',
  });
  const [anonymous, setAnonymous] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const [focus, setFocus] = useState<keyof typeof f>('title');
  /** The value, change and focus handlers of one text field. */
  const bind = (k: Exclude<keyof typeof f, 'serviceId'>) => ({
    value: f[k],
    onChange: set(k),
    onFocus: () => setFocus(k),
  });
  const submit = async () => {
    setBusy(true);
    setError(null);
    const reporter = {
      name: f.name.trim() || undefined,
      phone: f.phone.trim() || undefined,
      email: f.email.trim() || undefined,
    };
    const body: Input = {
      type,
      title: f.title,
      body: f.body,
      ...(f.serviceId ? { serviceId: Number(f.serviceId) } : {}),
      ...(f.ticket.trim() ? { ticketTrackingCode: f.ticket.trim() } : {}),
      anonymous,
      confidential,
      ...(reporter.name || reporter.phone || reporter.email ? { reporter } : {}),
      locale: i18n.language === 'en' ? 'en' : 'id',
    };
    try {
      onSent(
        await api.post('/api/v1/malls/{mall}/complaints', {
          params: { path: { mall: mall.slug } },
          body,
          token: token ?? null,
        }),
      );
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="complaint-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('complaints.type')}</legend>
        {TYPES.map((x) => (
          <label key={x} className="check">
            <input type="radio" name="type" value={x} checked={type === x} onChange={() => setType(x)} />
            {t(`complaints.types.${x}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('complaints.titleLabel')}</span>
        <input {...bind('title')} required minLength={3} maxLength={150} />
      </label>
      <div className="field">
        <label htmlFor="complaint-body">{t('complaints.bodyLabel')}</label>
        <textarea
          id="complaint-body"
          {...bind('body')}
          required
          minLength={10}
          maxLength={4000}
          rows={5}
          aria-describedby="complaint-body-hint"
        />
        <small id="complaint-body-hint" className="muted">
          {t('complaints.bodyHint')}
        </small>
      </div>
      <label className="field">
        <span>{t('complaints.service')}</span>
        <select value={f.serviceId} onChange={set('serviceId')}>
          <option value="">{t('complaints.noService')}</option>
          {services.data?.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <label htmlFor="complaint-ticket">{t('complaints.ticket')}</label>
        <input
          id="complaint-ticket"
          {...bind('ticket')}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={64}
          aria-describedby="complaint-ticket-hint"
        />
        <small id="complaint-ticket-hint" className="muted">
          {t('complaints.ticketHint')}
        </small>
      </div>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {t('complaints.anonymous')}
      </label>
      <label className="check">
        <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />
        {t('complaints.confidential')}
      </label>
      <fieldset>
        <legend>{t('complaints.contact')}</legend>
        <p className="muted small">{t('complaints.contactHint')}</p>
        <label className="field">
          <span>{t('complaints.name')}</span>
          <input {...bind('name')} autoComplete="name" maxLength={120} />
        </label>
        <label className="field">
          <span>{t('complaints.phone')}</span>
          <input {...bind('phone')} type="tel" autoComplete="tel" inputMode="tel" maxLength={32} />
        </label>
        <label className="field">
          <span>{t('complaints.email')}</span>
          <input {...bind('email')} type="email" autoComplete="email" maxLength={254} />
        </label>
      </fieldset>
      {keyboard && focus !== 'serviceId' && (
        <div className="complaint-osk">
          <OnScreenKeyboard value={f[focus]} onChange={(v) => setF({ ...f, [focus]: v })} />
        </div>
      )}
      <div aria-live="polite">{error && <p className="alert">{error}</p>}</div>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? t('complaints.sending') : t('complaints.send')}
      </button>
    </form>
  );
}

/** What the reporter sees once it is sent: the tracking code, big, and the dispatch deadline. */
export function ComplaintSent({ created, children }: { created: Created; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  return (
    <section className="card complaint-sent" aria-live="polite">
      <h2>{t('complaints.sent')}</h2>
      <p>{t('complaints.yourCode')}</p>
      <p className="complaint-code mono" data-testid="complaint-code">
        {created.trackingCode}
      </p>
      <p>{t('complaints.keepCode')}</p>
      {created.dueAt && (
        <p className="muted">
          {t('complaints.dueBy', {
            date: formatDay(
              new Date(Date.parse(created.dueAt) - 1).toISOString(),
              mall.timezone,
              i18n.language,
            ),
          })}
        </p>
      )}
      {children}
    </section>
  );
}
