import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, Zone } from '../../app/types';
import { AdminForm, Field } from './FormParts';

export interface DeviceDraft {
  kind: 'kiosk' | 'display';
  name: string;
  zone: string | null;
  printer: string | null;
}

/** Register a kiosk or display, or edit one: name, zone (displays show it) and a kiosk's printer. */
export function DeviceForm({
  device,
  zones,
  busy,
  onSave,
  onCancel,
}: {
  device: Device | null;
  zones: Zone[];
  busy: boolean;
  onSave: (d: DeviceDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<DeviceDraft>(
    device
      ? { kind: device.kind, name: device.name, zone: device.zone, printer: device.printer }
      : { kind: 'kiosk', name: '', zone: null, printer: null },
  );
  return (
    <AdminForm
      title={device ? t('admin.devices.edit', { name: device.name }) : t('admin.devices.create')}
      busy={busy}
      onCancel={onCancel}
      onSubmit={() => onSave(d)}
    >
      <Field label={t('admin.devices.kind')}>
        <select
          value={d.kind}
          disabled={Boolean(device)}
          onChange={(e) => setD({ ...d, kind: e.target.value as DeviceDraft['kind'] })}
        >
          <option value="kiosk">{t('admin.devices.kinds.kiosk')}</option>
          <option value="display">{t('admin.devices.kinds.display')}</option>
        </select>
      </Field>
      <Field label={t('admin.devices.name')}>
        <input
          required
          maxLength={120}
          value={d.name}
          placeholder={t('admin.devices.namePlaceholder')}
          onChange={(e) => setD({ ...d, name: e.target.value })}
        />
      </Field>
      <Field label={t('admin.devices.zone')}>
        <select value={d.zone ?? ''} onChange={(e) => setD({ ...d, zone: e.target.value || null })}>
          <option value="">{t('admin.devices.wholeMall')}</option>
          {zones.map((z) => (
            <option key={z.id} value={z.slug}>
              {z.name} ({z.slug})
            </option>
          ))}
        </select>
      </Field>
      {d.kind === 'kiosk' && (
        <Field label={t('admin.devices.printer')}>
          <input
            value={d.printer ?? ''}
            maxLength={200}
            pattern="[A-Za-z0-9.\-]{1,190}:[0-9]{1,5}"
            placeholder="192.168.1.50:9100"
            onChange={(e) => setD({ ...d, printer: e.target.value.trim() || null })}
          />
        </Field>
      )}
      {d.kind === 'kiosk' && <p className="muted small span-2">{t('admin.devices.printerHelp')}</p>}
    </AdminForm>
  );
}
