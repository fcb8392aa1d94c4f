import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { Modal } from '../../components/Modal';

type Session = { startedAt: string; endedAt: string | null };

const stored = (counterId: number): Session | null => {
  try {
    const raw = sessionStorage.getItem(`counter-session-${counterId}`);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed &&
      typeof parsed === 'object' &&
      'startedAt' in parsed &&
      typeof parsed.startedAt === 'string'
      ? { startedAt: parsed.startedAt, endedAt: null }
      : null;
  } catch {
    return null;
  }
};

/**
 * The officer's attendance at this counter (sign in when starting, out when leaving) and a request
 * for a break or a closure, which the mall admin decides.
 */
export function AttendanceBar({
  mall,
  counterId,
  token,
}: {
  mall: string;
  counterId: number;
  token: string;
}) {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<Session | null>(() => stored(counterId));
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const params = { params: { path: { mall, counterId } }, token };
  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ kind: 'ok', text: await fn() });
    } catch (err) {
      setNote({ kind: 'error', text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      hour: '2-digit',
      minute: '2-digit',
    });
  const signIn = () =>
    run(async () => {
      const s = await api.post('/api/v1/malls/{mall}/counters/{counterId}/sign-in', params);
      sessionStorage.setItem(`counter-session-${counterId}`, JSON.stringify({ startedAt: s.startedAt }));
      setSession({ startedAt: s.startedAt, endedAt: null });
      return t('counter.attendance.signedIn', { time: time(s.startedAt) });
    });
  const signOut = () =>
    run(async () => {
      await api.post('/api/v1/malls/{mall}/counters/{counterId}/sign-out', params);
      sessionStorage.removeItem(`counter-session-${counterId}`);
      setSession(null);
      return t('counter.attendance.signedOut');
    });
  return (
    <div className="attendance-bar">
      {session ? (
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void signOut()}>
          {t('counter.attendance.signOut')}
        </button>
      ) : (
        <button type="button" className="btn" disabled={busy} onClick={() => void signIn()}>
          {t('counter.attendance.signIn')}
        </button>
      )}
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setAsking(true)}>
        {t('counter.attendance.ask')}
      </button>
      <span className={`small ${note?.kind === 'error' ? 'alert' : 'muted'}`} aria-live="polite">
        {note?.text ??
          (session
            ? t('counter.attendance.signedIn', { time: time(session.startedAt) })
            : t('counter.attendance.notSignedIn'))}
      </span>
      {asking && (
        <RequestDialog
          busy={busy}
          onClose={() => setAsking(false)}
          onSend={(body) =>
            void run(async () => {
              await api.post('/api/v1/malls/{mall}/counters/{counterId}/requests', { ...params, body });
              setAsking(false);
              return t('counter.attendance.sent');
            })
          }
        />
      )}
    </div>
  );
}

function RequestDialog({
  busy,
  onClose,
  onSend,
}: {
  busy: boolean;
  onClose: () => void;
  onSend: (body: { kind: 'break' | 'closure'; reason: string; minutes?: number }) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'break' | 'closure'>('break');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('15');
  const mins = Number(minutes);
  return (
    <Modal title={t('counter.attendance.askTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSend({
            kind,
            reason: reason.trim(),
            ...(Number.isInteger(mins) && mins > 0 ? { minutes: Math.min(600, mins) } : {}),
          });
        }}
      >
        <p className="muted">{t('counter.attendance.askHelp')}</p>
        <fieldset className="segmented">
          <legend>{t('counter.attendance.kind')}</legend>
          {(['break', 'closure'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={`seg ${kind === k ? 'active' : ''}`}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
            >
              {t(`counter.attendance.kinds.${k}`)}
            </button>
          ))}
        </fieldset>
        <label>
          {t('counter.attendance.reason')}
          <input
            value={reason}
            required
            minLength={3}
            maxLength={LIMITS.counterRequestReason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label>
          {t('counter.attendance.minutes')}
          <input
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy || reason.trim().length < 3}>
            {t('counter.attendance.send')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
