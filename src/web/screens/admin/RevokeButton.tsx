import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Revoking a device asks once inline: the kiosk or board stops working at that moment. */
export function RevokeButton({
  name,
  busy,
  onRevoke,
}: {
  name: string;
  busy: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy}
        aria-label={t('admin.devices.revokeOf', { name })}
        onClick={() => setAsking(true)}
      >
        {t('admin.devices.revoke')}
      </button>
    );
  return (
    <fieldset className="confirm-inline">
      <legend>{t('admin.devices.revokeAsk', { name })}</legend>
      <button
        ref={yes}
        type="button"
        className="btn btn-small btn-warn"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onRevoke();
        }}
      >
        {t('admin.devices.revokeYes')}
      </button>
      <button type="button" className="btn btn-small btn-secondary" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </fieldset>
  );
}
