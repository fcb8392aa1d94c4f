import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Retire (or reactivate) one record. Retiring asks once inline — a second, explicit button — so a
 * slip of the mouse never takes a counter or service out of the hall.
 */
export function RetireButton({
  name,
  retired,
  busy,
  onChange,
}: {
  name: string;
  retired: boolean;
  busy: boolean;
  onChange: (retired: boolean) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);

  if (retired)
    return (
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy}
        aria-label={t('admin.reactivateOf', { name })}
        onClick={() => onChange(false)}
      >
        {t('admin.reactivate')}
      </button>
    );
  if (!asking)
    return (
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy}
        aria-label={t('admin.retireOf', { name })}
        onClick={() => setAsking(true)}
      >
        {t('admin.retire')}
      </button>
    );
  return (
    <fieldset className="confirm-inline">
      <legend>{t('admin.retireAsk', { name })}</legend>
      <button
        ref={yes}
        type="button"
        className="btn btn-small btn-warn"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onChange(true);
        }}
      >
        {t('admin.retireYes')}
      </button>
      <button type="button" className="btn btn-small btn-secondary" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </fieldset>
  );
}
