import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format';
import { useMall } from '../../app/mall';
import type { DeviceWithCode } from '../../app/types';
import { QrCode } from '../../components/QrCode';

/** The code in two groups of four, easier to read out and type on a kiosk. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * A fresh pairing code: as text to type on the device, and as a QR code / link that opens the
 * device's screen already paired. Shown once; only its hash is stored.
 */
export function DeviceCode({ device, onClose }: { device: DeviceWithCode; onClose: () => void }) {
  const { t } = useTranslation();
  const mall = useMall();
  const link = `${window.location.origin}/${mall.slug}/${device.kind}?pair=${device.pairingCode}`;
  return (
    <section className="card device-code" aria-labelledby="device-code-h">
      <h2 id="device-code-h">{t('admin.devices.codeTitle', { name: device.name })}</h2>
      <div className="device-code-body">
        <QrCode text={link} size={180} alt={t('admin.devices.qrAlt', { name: device.name })} />
        <div>
          <p className="muted small">{t('admin.devices.codeLead')}</p>
          <p className="device-code-text mono" data-testid="pairing-code">
            {groupCode(device.pairingCode)}
          </p>
          <p className="small">
            {t('admin.devices.validUntil', { time: formatTime(device.pairingExpiresAt, mall.timezone) })}
          </p>
          <p className="small break-all">
            <a href={link} target="_blank" rel="noreferrer">
              {link}
            </a>
          </p>
          <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </section>
  );
}
