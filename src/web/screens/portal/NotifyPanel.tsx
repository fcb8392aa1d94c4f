import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotifySubscription } from '../../../shared/contracts/notifications';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone';
import { type AnswerOf, api } from '../../app/api';
import { errorText } from '../../app/errors';

const NOTIFY = '/api/v1/malls/{mall}/tickets/{trackingCode}/notify';
type Subscription = AnswerOf<'post', typeof NOTIFY>;
const TEXT_CHANNELS = ['whatsapp', 'sms', 'email'] as const;
type TextChannel = (typeof TEXT_CHANNELS)[number];
const textChannel = (c: Subscription['channel']): TextChannel | undefined =>
  TEXT_CHANNELS.find((x) => x === c);
/** The thresholds offered; the mall's default is added when it is not among them. */
const WHEN_CHOICES = [0, 1, 2, 3, 5, 10];

/**
 * What this phone asked for on this ticket, kept in the browser (the server never lists addresses
 * back): the confirmation survives a reload without another request.
 */
const storeKey = (code: string) => `satu-atap:notify:${code}`;
function loadSaved(code: string): Subscription[] {
  try {
    // Read back through the contract's schema: an old or edited entry is simply dropped.
    const v = NotifySubscription.array().safeParse(JSON.parse(localStorage.getItem(storeKey(code)) ?? '[]'));
    return v.success ? v.data : [];
  } catch {
    return [];
  }
}
function save(code: string, subs: Subscription[]) {
  try {
    if (subs.length) localStorage.setItem(storeKey(code), JSON.stringify(subs));
    else localStorage.removeItem(storeKey(code));
  } catch {
    // private mode: the confirmation simply does not survive a reload
  }
}

/**
 * "Beri tahu saya": the citizen leaves a WhatsApp/SMS number or an e-mail address and is told when
 * `whenAhead` people are left ahead and when called. `pushSlot` is where the web push opt-in button
 * goes (it subscribes through the same endpoint with channel "webpush"). No request until the
 * citizen submits.
 */
export function NotifyPanel(props: {
  mall: string;
  code: string;
  defaultWhenAhead: number;
  pushSlot?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [saved, setSaved] = useState<Subscription[]>(() => loadSaved(props.code));
  const [editing, setEditing] = useState(saved.length === 0);
  const [channel, setChannel] = useState<TextChannel>('whatsapp');
  const [address, setAddress] = useState('');
  const [whenAhead, setWhenAhead] = useState(props.defaultWhenAhead);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    setSaved(loadSaved(props.code));
  }, [props.code]);
  const remember = (subs: Subscription[]) => {
    setSaved(subs);
    save(props.code, subs);
  };
  const at = { mall: props.mall, trackingCode: props.code };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNote(null);
    // The server checks again; this only saves a round trip for the common typing mistakes.
    if (channel !== 'email' && !normalizeIndonesianPhone(address)) return setError(t('errors.INVALID_PHONE'));
    if (channel === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.trim()))
      return setError(t('notify.invalidEmail'));
    setBusy(true);
    setError(null);
    try {
      const sub = await api.post(NOTIFY, {
        params: { path: at },
        body: { channel, address: address.trim(), whenAhead, locale: i18n.language === 'en' ? 'en' : 'id' },
      });
      remember([...saved.filter((s) => s.channel !== sub.channel), sub]);
      setAddress('');
      setEditing(false);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  async function stop(s: Subscription) {
    setBusy(true);
    setError(null);
    try {
      await api.delete(NOTIFY, { params: { path: at, query: { channel: s.channel } } });
      const rest = saved.filter((x) => x.channel !== s.channel);
      remember(rest);
      setNote(t('notify.stopped', { channel: t(`notify.channels.${s.channel}`) }));
      if (!rest.length) setEditing(true);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  const whenChoices = [...new Set([...WHEN_CHOICES, props.defaultWhenAhead])].sort((a, b) => a - b);
  const phone = channel !== 'email';
  return (
    <section className="card notify-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('notify.title')}</h2>
      {saved.map((s) => (
        <div key={s.channel} className="success notify-done" role="status">
          <p>
            {t('notify.done', {
              channel: t(`notify.channels.${s.channel}`),
              address: s.addressMasked,
              when: t('notify.doneWhen', { count: s.whenAhead }),
            })}
          </p>
          <div className="notify-actions">
            {s.channel !== 'webpush' && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={busy}
                onClick={() => {
                  setChannel(textChannel(s.channel) ?? 'whatsapp');
                  setWhenAhead(s.whenAhead);
                  setEditing(true);
                }}
              >
                {t('notify.change')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={busy}
              onClick={() => stop(s)}
            >
              {t('notify.stop')}
            </button>
          </div>
        </div>
      ))}
      {note && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      {!editing && (
        <button type="button" className="link-btn" onClick={() => setEditing(true)}>
          {t('notify.another')}
        </button>
      )}
      {editing && (
        <form onSubmit={submit} noValidate>
          {!saved.length && <p className="muted">{t('notify.intro')}</p>}
          <fieldset className="notify-channels">
            <legend>{t('notify.channel')}</legend>
            {TEXT_CHANNELS.map((c) => (
              <label key={c} className={`notify-channel${channel === c ? ' active' : ''}`}>
                <input
                  type="radio"
                  name={`${ids}-channel`}
                  value={c}
                  checked={channel === c}
                  onChange={() => {
                    setChannel(c);
                    setError(null);
                  }}
                />
                {t(`notify.channels.${c}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${ids}-address`}>
              {phone ? t(`notify.phoneLabel.${channel}`) : t('notify.emailLabel')}
            </label>
            <input
              id={`${ids}-address`}
              type={phone ? 'tel' : 'email'}
              inputMode={phone ? 'tel' : 'email'}
              autoComplete={phone ? 'tel' : 'email'}
              placeholder={phone ? '0812-3456-7890' : 'nama@contoh.id'}
              maxLength={phone ? 40 : 254}
              required
              value={address}
              aria-invalid={error ? true : undefined}
              aria-describedby={phone ? `${ids}-hint` : undefined}
              onChange={(e) => setAddress(e.target.value)}
            />
            {phone && (
              <small id={`${ids}-hint`} className="muted">
                {t('notify.phoneHint')}
              </small>
            )}
          </div>
          <label className="field">
            <span>{t('notify.whenLabel')}</span>
            <select value={whenAhead} onChange={(e) => setWhenAhead(Number(e.target.value))}>
              {whenChoices.map((n) => (
                <option key={n} value={n}>
                  {t('notify.whenOption', { count: n })}
                </option>
              ))}
            </select>
          </label>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn notify-submit" disabled={busy || !address.trim()}>
            {busy ? t('notify.sending') : t('notify.submit')}
          </button>
          <p className="small muted">{t('notify.privacy')}</p>
        </form>
      )}
      {props.pushSlot}
    </section>
  );
}
