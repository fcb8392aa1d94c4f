import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../app/device';
import { OnScreenKeyboard } from '../kiosk/OnScreenKeyboard';

const KNOWN = [
  'PAIRING_CODE_INVALID',
  'PAIRING_CODE_USED',
  'PAIRING_CODE_EXPIRED',
  'REVOKED',
  'WRONG_DEVICE',
  'NETWORK',
];

/**
 * Shown by a kiosk (and offered by a display) that has no device token: the code from the admin's
 * Devices panel is typed here, with the on-screen keyboard on touch kiosks.
 */
export function PairingScreen({
  kind,
  error,
  onPair,
}: {
  kind: DeviceKind;
  error: string | null;
  onPair: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!code.trim()) return;
    setBusy(true);
    await onPair(code.trim());
    setBusy(false);
  };
  return (
    <section className="pairing" aria-labelledby="pairing-h">
      <h1 id="pairing-h" className="kiosk-title">
        {t(kind === 'kiosk' ? 'device.kioskTitle' : 'device.displayTitle')}
      </h1>
      <p className="pairing-explain">{t('device.explain')}</p>
      {error && (
        <p className="alert" role="alert">
          {t(`device.errors.${KNOWN.includes(error) ? error : 'other'}`)}
        </p>
      )}
      <form className="pairing-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="pairing-code">{t('device.codeLabel')}</label>
        <input
          id="pairing-code"
          className="kiosk-input pairing-code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          placeholder={t('device.codePlaceholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
        />
        <button type="submit" className="btn btn-big" disabled={busy || !code.trim()}>
          {busy ? t('device.pairing') : t('device.pair')}
        </button>
      </form>
      {kind === 'kiosk' && <OnScreenKeyboard value={code} onChange={(v) => setCode(v.toUpperCase())} />}
    </section>
  );
}
