import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { changedFields, isEmpty } from '../../app/changes';
import { formatDateTime } from '../../app/format';
import { useInterval } from '../../app/live';
import { useMall } from '../../app/mall';
import type { Device, DeviceWithCode } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable, EditButton, RowActions, SmallButton } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { SectionHead, useEditing } from './adminList';
import { DeviceCode } from './DeviceCode';
import { type DeviceDraft, DeviceForm } from './DeviceForm';
import { DisplayAudioChip, useDisplayAudio } from './DisplayAudioPanel';
import { RevokeButton } from './RevokeButton';
import { FormStatus, useMutation } from './useMutation';

/**
 * Kiosks and display boards of the mall: register one (its pairing code shows as text and QR),
 * see which are online and when each was last seen, give a new code, set a kiosk's printer, revoke.
 */
export function DevicesAdmin() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const isMallAdmin = may('device.manage');
  const at = { path: { mall: mall.slug } };
  const list = useApi(isMallAdmin ? '/api/v1/malls/{mall}/devices' : null, { params: at, token });
  const zones = useApi('/api/v1/malls/{mall}/zones', { params: at });
  const ed = useEditing<Device>();
  const m = useMutation();
  const [code, setCode] = useState<DeviceWithCode | null>(null);
  // What each display reported about its sound (announcements module): silent boards stand out here.
  const audio = useDisplayAudio();
  // Status and last seen move on their own: refresh while the panel is open.
  useInterval(() => list.reload(), 30_000);

  if (!isMallAdmin) return <p className="alert">{t('admin.devices.mallAdminOnly')}</p>;

  const save = async (d: DeviceDraft) => {
    if (!ed.current) {
      const body = { ...d, printer: d.kind === 'kiosk' ? d.printer : null };
      const made = await m.run(
        (token) => api.post('/api/v1/malls/{mall}/devices', { params: at, body, token }),
        t('admin.devices.created', { name: d.name }),
      );
      if (made) {
        ed.close();
        setCode(made);
        list.reload();
      }
      return;
    }
    const cur = ed.current;
    const body = changedFields(
      { name: cur.name, zone: cur.zone, printer: cur.printer },
      { name: d.name, zone: d.zone, printer: d.kind === 'kiosk' ? d.printer : null },
    );
    if (isEmpty(body)) return m.unchanged(ed.close);
    const params = { path: { mall: mall.slug, id: cur.id } };
    if (await m.run((token) => api.patch('/api/v1/malls/{mall}/devices/{id}', { params, body, token }))) {
      ed.close();
      list.reload();
    }
  };
  const newCode = async (d: Device) => {
    const params = { path: { mall: mall.slug, id: d.id } };
    const made = await m.run(
      (token) => api.post('/api/v1/malls/{mall}/devices/{id}/pairing-code', { params, token }),
      t('admin.devices.newCodeDone', { name: d.name }),
    );
    if (made) {
      setCode(made);
      list.reload();
    }
  };
  const revoke = async (d: Device) => {
    const params = { path: { mall: mall.slug, id: d.id } };
    const ok = await m.run(
      (token) => api.delete('/api/v1/malls/{mall}/devices/{id}', { params, token }),
      t('admin.devices.revoked', { name: d.name }),
    );
    if (ok !== null) {
      if (code?.id === d.id) setCode(null);
      list.reload();
    }
  };

  return (
    <section aria-labelledby="dev-h">
      <SectionHead id="dev-h" title={t('admin.section.devices')}>
        <button type="button" className="btn" onClick={() => ed.open('new')}>
          + {t('admin.devices.create')}
        </button>
      </SectionHead>
      <p className="muted small">{t('admin.devices.lead')}</p>
      <FormStatus error={m.error} done={m.done} />
      {code && <DeviceCode device={code} onClose={() => setCode(null)} />}
      {ed.editing && (
        <DeviceForm
          key={ed.formKey}
          device={ed.current}
          zones={zones.data?.items ?? []}
          busy={m.busy}
          onSave={(d) => void save(d)}
          onCancel={ed.close}
        />
      )}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('admin.devices.none')}</p>}
      <DataTable
        columns={[
          t('admin.devices.name'),
          t('admin.devices.kind'),
          t('admin.devices.zone'),
          t('admin.col.status'),
          t('admin.devices.lastSeen'),
          t('admin.voice.displays.column'),
          t('admin.devices.printer'),
        ]}
      >
        {list.data?.items.map((d) => (
          <tr key={d.id} data-testid={`device-${d.id}`}>
            <td>{d.name}</td>
            <td>{t(`admin.devices.kinds.${d.kind}`)}</td>
            <td className="mono">{d.zone ?? '—'}</td>
            <td>
              <span className={`chip chip-device-${d.status}`}>{t(`admin.devices.status.${d.status}`)}</span>
            </td>
            <td className="nowrap">
              {d.lastSeenAt ? formatDateTime(d.lastSeenAt, mall.timezone, i18n.language) : '—'}
            </td>
            <td>
              {d.kind === 'display' ? (
                <DisplayAudioChip report={audio.find((a) => a.deviceId === d.id)} />
              ) : (
                '—'
              )}
            </td>
            <td>
              {d.printer ? (
                <span className="mono">{d.printer}</span>
              ) : d.kind === 'kiosk' ? (
                t('admin.devices.browserPrint')
              ) : (
                '—'
              )}
              {d.lastPrintError && (
                <p className="alert small" role="status">
                  {t('admin.devices.printFailed', {
                    time: formatDateTime(d.lastPrintAt, mall.timezone, i18n.language),
                    error: d.lastPrintError,
                  })}
                </p>
              )}
            </td>
            <RowActions>
              <EditButton label={t('admin.devices.edit', { name: d.name })} onClick={() => ed.open(d)} />
              <SmallButton
                disabled={m.busy}
                onClick={() => void newCode(d)}
                label={t('admin.devices.newCodeOf', { name: d.name })}
              >
                {t('admin.devices.newCode')}
              </SmallButton>
              <RevokeButton name={d.name} busy={m.busy} onRevoke={() => void revoke(d)} />
            </RowActions>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
