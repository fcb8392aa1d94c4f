import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';

/**
 * A citizen who booked online checks in at the counter: the officer types the booking code (or scans
 * it into the field); inside the session's window the booking joins the live queue by the booking
 * rule, and checking in twice shows the same ticket.
 */
export function BookingCheckIn({ mall, token }: { mall: string; token: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async () => {
    const c = code.trim().toUpperCase();
    if (!c) return;
    setBusy(true);
    setNote(null);
    try {
      const r = await api.post('/api/v1/malls/{mall}/bookings/{code}/check-in', {
        params: { path: { mall, code: c } },
        token,
      });
      setNote({
        kind: 'ok',
        text: t(r.alreadyCheckedIn ? 'counter.booking.again' : 'counter.booking.done', {
          number: r.ticket.number,
          name: r.booking.name,
          service: r.booking.serviceName,
          session: `${r.booking.session.start}–${r.booking.session.end}`,
        }),
      });
      setCode('');
    } catch (err) {
      setNote({ kind: 'error', text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="attendance-bar booking-checkin"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('counter.booking.code')}{' '}
        <input
          value={code}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('counter.booking.placeholder')}
        />
      </label>
      <button type="submit" className="btn btn-secondary" disabled={busy || code.trim().length === 0}>
        {t('counter.booking.checkIn')}
      </button>
      {note && (
        <span className={`small ${note.kind === 'error' ? 'alert' : 'success'}`} aria-live="polite">
          {note.text}
        </span>
      )}
    </form>
  );
}
