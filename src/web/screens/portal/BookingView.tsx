import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { localMoment } from '../../../shared/domain/local-time';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';

const CODE = /^[A-Z2-9]{8}$/;

/** Find my booking: by code; shows it masked with its QR; cancel with the phone's last four digits. */
export function BookingView() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const navigate = useNavigate();
  const code = (useParams().code ?? '').toUpperCase();
  const valid = CODE.test(code);
  const { data, error, reload } = useApi(valid ? '/api/v1/malls/{mall}/bookings/{code}' : null, {
    params: { path: { mall: mall.slug, code } },
  });
  const [typed, setTyped] = useState('');
  const [last4, setLast4] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  const find = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/${mall.slug}/booking/${typed.trim().toUpperCase()}`);
  };
  const cancel = async (e: FormEvent) => {
    e.preventDefault();
    setActionError(null);
    try {
      await api.post('/api/v1/malls/{mall}/bookings/{code}/cancel', {
        params: { path: { mall: mall.slug, code } },
        body: { phoneLast4: last4 },
      });
      reload();
    } catch (err) {
      setActionError(errorText(t, err));
    }
  };
  const time = (iso: string) => localMoment(new Date(iso), mall.timezone).time;

  return (
    <article className="booking">
      <h1>{data ? t('booking.done') : t('booking.find')}</h1>
      {(!valid || error) && (
        <form className="card" onSubmit={find}>
          <label className="field">
            <span>{t('booking.findLead')}</span>
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              maxLength={8}
              autoCapitalize="characters"
              required
            />
          </label>
          {valid && error && <p className="alert">{errorText(t, error)}</p>}
          <button type="submit" className="btn btn-primary">
            {t('booking.findButton')}
          </button>
        </form>
      )}
      {data && (
        <section className="card booking-card" aria-labelledby="booking-code">
          <p className="muted">{t('booking.code')}</p>
          <p id="booking-code" className="booking-code">
            {data.code}
          </p>
          <img
            className="booking-qr"
            alt={`QR ${data.code}`}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qrSvg)}`}
          />
          <p className="status">{t(`booking.status.${data.status}`)}</p>
          {data.flag === 'holiday' && <p className="notice">{t('booking.holidayFlag')}</p>}
          <p>
            <strong>{data.serviceName}</strong>
            <br />
            {formatLocalDate(data.date, i18n.language)} · {data.session.start}–{data.session.end}
            <br />
            {data.name} · {data.nikMasked} · {data.phoneMasked}
          </p>
          <p className="muted">
            {t('booking.checkInWindow', { from: time(data.checkInFrom), until: time(data.checkInUntil) })}
          </p>
          {data.ticket && (
            <p>
              <Link to={`/${mall.slug}/ticket/${data.ticket.trackingCode}`}>
                {t('booking.ticket', { number: data.ticket.number })}
              </Link>
            </p>
          )}
          <p className="muted small">{t('booking.keepCode')}</p>
        </section>
      )}
      {data?.status === 'booked' && (
        <form className="card" onSubmit={cancel}>
          <h2>{t('booking.cancelTitle')}</h2>
          <label className="field">
            <span>{t('booking.last4')}</span>
            <input
              inputMode="numeric"
              pattern="\d{4}"
              maxLength={4}
              required
              value={last4}
              onChange={(e) => setLast4(e.target.value)}
            />
          </label>
          {actionError && <p className="alert">{actionError}</p>}
          <button type="submit" className="btn btn-secondary">
            {t('booking.cancel')}
          </button>
        </form>
      )}
    </article>
  );
}
