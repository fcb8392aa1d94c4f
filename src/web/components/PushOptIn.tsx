import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, mallPath } from '../app/api';
import { errorText } from '../app/errors';
import { asSubscriptionDto, PushUnavailable, pushSupport, subscribePush } from '../app/push';

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
  const { t } = useTranslation();
  const [support] = useState(pushSupport);
  const key = storageKey(mallSlug, trackingCode);
  const [state, setState] = useState<State>(() =>
    support === 'denied' ? 'denied' : support === 'ready' && remembered(key) ? 'on' : 'idle',
  );
  const [error, setError] = useState<string | null>(null);

  if (support === 'unsupported') return null;
  if (support === 'insecure')
    return (
      <p className="push-opt-in muted" data-push="insecure">
        {t('push.insecure')}
      </p>
    );

  async function optIn() {
    setState('working');
    setError(null);
    try {
      const subscription = asSubscriptionDto(await subscribePush(mallSlug));
      await api(mallPath(mallSlug, `/tickets/${encodeURIComponent(trackingCode)}/notify`), {
        method: 'POST',
        body: { channel: 'webpush', subscription, ...(whenAhead === undefined ? {} : { whenAhead }) },
      });
      try {
        localStorage.setItem(key, '1');
      } catch {
        // private mode: the page just offers the button again next time
      }
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

  return (
    <div className="push-opt-in" data-push={state}>
      {state === 'on' ? (
        <p role="status">✓ {t('push.on')}</p>
      ) : state === 'denied' ? (
        <p role="note">{t('push.denied')}</p>
      ) : (
        <>
          <button type="button" className="btn btn-secondary" onClick={optIn} disabled={state === 'working'}>
            {state === 'working' ? t('push.working') : t('push.button')}
          </button>
          {state === 'dismissed' && <p role="status">{t('push.dismissed')}</p>}
          {state === 'failed' && <p role="alert">{error ?? t('push.failed')}</p>}
        </>
      )}
    </div>
  );
}
