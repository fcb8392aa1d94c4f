import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks once inline before an action that cannot be undone (revoke a device or a key, delete a webhook). */
export function ConfirmButton({
  label,
  labelOf,
  ask,
  yes,
  busy,
  onConfirm,
}: {
  label: string;
  labelOf: string;
  ask: string;
  yes: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yesRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        className="btn btn-small btn-secondary"
        disabled={busy}
        aria-label={labelOf}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <fieldset className="confirm-inline">
      <legend>{ask}</legend>
      <button
        ref={yesRef}
        type="button"
        className="btn btn-small btn-warn"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {yes}
      </button>
      <button type="button" className="btn btn-small btn-secondary" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </fieldset>
  );
}
