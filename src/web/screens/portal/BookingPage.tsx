import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { addCalendarDays, localMoment } from '../../../shared/domain/local-time';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';

/** Portal: service → day → session (places left) → NIK, name, phone → the booking (code and QR). */
export function BookingPage() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const navigate = useNavigate();
  const services = useApi('/api/v1/malls/{mall}/services', {
    params: { path: { mall: mall.slug }, query: { limit: 500 } },
  });
  const [serviceId, setServiceId] = useState<number | null>(null);
  const today = localMoment(new Date(), mall.timezone).date;
  const [date, setDate] = useState(today);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [form, setForm] = useState({ nik: '', name: '', phone: '', email: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const slots = useApi(serviceId ? '/api/v1/malls/{mall}/services/{id}/slots' : null, {
    params: { path: { mall: mall.slug, id: serviceId ?? 0 }, query: { date } },
  });
  const bookable = services.data?.items.filter((s) => s.bookable) ?? [];
  const days = Array.from({ length: 14 }, (_, i) => addCalendarDays(today, i));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!serviceId || !sessionId) return;
    setBusy(true);
    setError(null);
    try {
      const b = await api.post('/api/v1/malls/{mall}/bookings', {
        params: { path: { mall: mall.slug } },
        body: {
          serviceId,
          date,
          sessionId,
          nik: form.nik,
          name: form.name,
          phone: form.phone,
          ...(form.email.trim() ? { email: form.email.trim() } : {}),
          locale: i18n.language === 'en' ? 'en' : 'id',
        },
      });
      navigate(`/${mall.slug}/booking/${b.code}`);
    } catch (err) {
      setError(errorText(t, err));
      slots.reload();
    } finally {
      setBusy(false);
    }
  }

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <article className="booking">
      <h1>{t('booking.title')}</h1>
      <p className="muted">{t('booking.lead')}</p>
      <p>
        <Link to={`/${mall.slug}/booking/find`}>{t('booking.find')}</Link>
      </p>
      <label className="field">
        <span>{t('booking.service')}</span>
        <select
          value={serviceId ?? ''}
          onChange={(e) => {
            setServiceId(e.target.value ? Number(e.target.value) : null);
            setSessionId(null);
          }}
        >
          <option value="">{t('booking.pickService')}</option>
          {bookable.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} — {s.agencyName}
            </option>
          ))}
        </select>
      </label>
      {serviceId && (
        <fieldset className="booking-days">
          <legend>{t('booking.day')}</legend>
          {days.map((d) => (
            <button
              key={d}
              type="button"
              className={`chip${d === date ? ' chip-on' : ''}`}
              aria-pressed={d === date}
              onClick={() => {
                setDate(d);
                setSessionId(null);
              }}
            >
              {formatLocalDate(d, i18n.language)}
            </button>
          ))}
        </fieldset>
      )}
      {serviceId && slots.data && (
        <fieldset className="booking-sessions">
          <legend>{t('booking.session')}</legend>
          {slots.data.closed && (
            <p className="notice">
              {t(`booking.closed.${slots.data.closed}`, { name: slots.data.closedName ?? '' })}
            </p>
          )}
          {!slots.data.closed && !slots.data.sessions.length && (
            <p className="muted">{t('booking.noSessions')}</p>
          )}
          {slots.data.sessions.map((s) => (
            <label key={s.id} className={`session-option${s.remaining ? '' : ' session-full'}`}>
              <input
                type="radio"
                name="session"
                value={s.id}
                disabled={!s.remaining}
                checked={sessionId === s.id}
                onChange={() => setSessionId(s.id)}
              />
              <span>
                {s.start}–{s.end}
              </span>
              <span className="muted">
                {s.remaining ? t('booking.remaining', { count: s.remaining }) : t('booking.full')}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {sessionId && (
        <form className="card booking-form" onSubmit={submit}>
          <label className="field">
            <span>{t('booking.nik')}</span>
            <input
              inputMode="numeric"
              autoComplete="off"
              required
              maxLength={40}
              value={form.nik}
              onChange={set('nik')}
            />
          </label>
          <label className="field">
            <span>{t('booking.name')}</span>
            <input
              autoComplete="name"
              required
              minLength={2}
              maxLength={120}
              value={form.name}
              onChange={set('name')}
            />
          </label>
          <label className="field">
            <span>{t('booking.phone')}</span>
            <input
              type="tel"
              autoComplete="tel"
              required
              maxLength={40}
              value={form.phone}
              onChange={set('phone')}
            />
          </label>
          <label className="field">
            <span>{t('booking.email')}</span>
            <input
              type="email"
              autoComplete="email"
              maxLength={200}
              value={form.email}
              onChange={set('email')}
            />
          </label>
          <p className="muted small">{t('booking.privacy')}</p>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-big" disabled={busy}>
            {t('booking.submit')}
          </button>
        </form>
      )}
    </article>
  );
}
