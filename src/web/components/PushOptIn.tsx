import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../app/api';
import { errorText } from '../app/errors';
import { asSubscriptionDto, PushUnavailable, pushSupport, subscribePush } from '../app/push';

const NOTIFY = '/api/v1/malls/{mall}/tickets/{trackingCode}/notify';

type State = 'idle' | 'working' | 'on' | 'denied' | 'dismissed' | 'failed';

const storageKey = (mall: string, code: string) => `satu-atap:push:${mall}:${code}`;
function remembered(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1' && Notification.permission === 'granted';
  } catch {
    return false;
  }
}

/**
 * "Beri tahu saya di perangkat ini": subscribes this browser to Web Push and asks the notify
 * endpoint to push this ticket's "near" and "called" messages to it. Hidden where the browser has
 * no push at all; on a plain-HTTP page (a LAN address) it says that push needs HTTPS instead of
 * offering a button that cannot work; when notifications are blocked it says how to allow them.
 */
export function PushOptIn({
  mallSlug,
  trackingCode,
  whenAhead,
}: {
  mallSlug: string;
  trackingCode: string;
  whenAhead?: number;
}) {
  const { t, i18n } = useTranslation();
  const [support] = useState(pushSupport);
  const key = storageKey(mallSlug, trackingCode);
  const [state, setState] = useState<State>(() =>
    support === 'denied' ? 'denied' : support === 'ready' && remembered(key) ? 'on' : 'idle',
  );
  const [error, setError] = useState<string | null>(null);

  if (support === 'unsupported') return null;
  if (support === 'insecure')
    return (
      <p className="push-opt-in notice" data-push="insecure">
        {t('push.insecure')}
      </p>
    );

  const at = { mall: mallSlug, trackingCode };
  const remember = (on: boolean) => {
    try {
      if (on) localStorage.setItem(key, '1');
      else localStorage.removeItem(key);
    } catch {
      // private mode: the page just offers the button again next time
    }
  };

  async function optIn() {
    setState('working');
    setError(null);
    try {
      const subscription = asSubscriptionDto(await subscribePush(mallSlug));
      await api.post(NOTIFY, {
        params: { path: at },
        body: {
          channel: 'webpush',
          subscription,
          locale: i18n.language === 'en' ? 'en' : 'id',
          ...(whenAhead === undefined ? {} : { whenAhead }),
        },
      });
      remember(true);
      setState('on');
    } catch (err) {
      if (err instanceof PushUnavailable)
        setState(err.reason === 'denied' ? 'denied' : err.reason === 'dismissed' ? 'dismissed' : 'failed');
      else {
        setState('failed');
        setError(err instanceof ApiError ? errorText(t, err) : t('push.failed'));
      }
    }
  }

  /** Stops this ticket's pushes (the browser keeps its subscription for other tickets). */
  async function stop() {
    setState('working');
    setError(null);
    try {
      await api.delete(NOTIFY, { params: { path: at, query: { channel: 'webpush' } } });
      remember(false);
      setState('idle');
    } catch (err) {
      setState('on');
      setError(errorText(t, err));
    }
  }

  return (
    <div className="push-opt-in" data-push={state}>
      {state === 'on' ? (
        <>
          <p className="success" role="status">
            ✓ {t('push.on')}
          </p>
          <button type="button" className="btn btn-secondary btn-small" onClick={stop}>
            {t('push.stop')}
          </button>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
        </>
      ) : state === 'denied' ? (
        <p className="notice" role="note">
          {t('push.denied')}
        </p>
      ) : (
        <>
          <button type="button" className="btn btn-secondary" onClick={optIn} disabled={state === 'working'}>
            {state === 'working' ? t('push.working') : t('push.button')}
          </button>
          {state === 'dismissed' && (
            <p className="notice" role="status">
              {t('push.dismissed')}
            </p>
          )}
          {state === 'failed' && (
            <p className="alert" role="alert">
              {error ?? t('push.failed')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
