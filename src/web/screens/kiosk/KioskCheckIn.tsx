import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import type { Ticket } from '../../app/types';

/**
 * "Saya sudah pesan": a QR scanner types the code and Enter into the focused field (a keyboard
 * wedge), or the citizen types it; inside the booking's window the kiosk answers its queue ticket.
 */
export function KioskCheckIn(props: {
  token: string | null;
  onTicket: (t: Ticket) => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post('/api/v1/malls/{mall}/bookings/{code}/check-in', {
        params: { path: { mall: mall.slug, code: code.trim().toUpperCase() } },
        token: props.token ?? undefined,
      });
      props.onTicket(r.ticket);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return props.onRevoked();
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="kiosk-checkin" onSubmit={submit}>
      <h1 className="kiosk-title">{t('booking.kioskTitle')}</h1>
      <p className="kiosk-subtitle">{t('booking.kioskLead')}</p>
      <label className="field">
        <span>{t('booking.code')}</span>
        <input
          className="kiosk-code-input"
          // biome-ignore lint/a11y/noAutofocus: the kiosk's scanner types into the focused field
          autoFocus
          value={code}
          maxLength={8}
          autoCapitalize="characters"
          autoComplete="off"
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          required
        />
      </label>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-big" disabled={busy || code.trim().length !== 8}>
        {t('booking.kioskSubmit')}
      </button>
    </form>
  );
}
