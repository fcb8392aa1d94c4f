import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contracts/limits';
import type { AgencyView, Counter, ServiceSummary, Zone } from '../../app/types';
import { AdminForm, Field, NamedOptions } from './FormParts';

export interface CounterDraft {
  agencyId: number;
  number: number;
  name: string;
  zone: string | null;
  serviceIds: number[];
}

/** Create or edit a counter: its agency, number, zone and the services it serves. */
export function CounterForm({
  counter,
  agencies,
  services,
  zones,
  busy,
  onSave,
  onCancel,
}: {
  counter: Counter | null;
  agencies: AgencyView[];
  services: ServiceSummary[];
  zones: Zone[];
  busy: boolean;
  onSave: (d: CounterDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<CounterDraft>(
    counter
      ? {
          agencyId: counter.agencyId,
          number: counter.number,
          name: counter.name,
          zone: counter.zone,
          serviceIds: counter.serviceIds,
        }
      : { agencyId: agencies[0]?.id ?? 0, number: 1, name: '', zone: null, serviceIds: [] },
  );
  const own = services.filter((s) => s.agencyId === d.agencyId && !s.retired);
  const toggle = (id: number) =>
    setD((x) => ({
      ...x,
      serviceIds: x.serviceIds.includes(id) ? x.serviceIds.filter((s) => s !== id) : [...x.serviceIds, id],
    }));
  return (
    <AdminForm
      title={counter ? t('admin.counters.edit', { name: counter.name }) : t('admin.counters.create')}
      busy={busy}
      onCancel={onCancel}
      onSubmit={() => onSave(d)}
    >
      <Field label={t('portal.agency')}>
        <select
          value={d.agencyId}
          onChange={(e) => setD({ ...d, agencyId: Number(e.target.value), serviceIds: [] })}
        >
          <NamedOptions items={agencies} />
        </select>
      </Field>
      <Field label={t('admin.counters.number')}>
        <input
          type="number"
          min={1}
          max={999}
          required
          value={d.number}
          onChange={(e) =>
            setD({ ...d, number: Number(e.target.value), name: d.name || `Loket ${e.target.value}` })
          }
        />
      </Field>
      <Field label={t('admin.counters.name')}>
        <input
          required
          maxLength={LIMITS.counterName}
          value={d.name}
          onChange={(e) => setD({ ...d, name: e.target.value })}
        />
      </Field>
      <Field label={t('admin.counters.zone')}>
        <select value={d.zone ?? ''} onChange={(e) => setD({ ...d, zone: e.target.value || null })}>
          <option value="">{t('admin.counters.noZone')}</option>
          {zones.map((z) => (
            <option key={z.id} value={z.slug}>
              {z.name} ({z.slug})
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="span-2 check-list">
        <legend>{t('admin.counters.services')}</legend>
        {own.length === 0 && <p className="muted">{t('admin.counters.noServices')}</p>}
        {own.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" checked={d.serviceIds.includes(s.id)} onChange={() => toggle(s.id)} />{' '}
            {s.queuePrefix} — {s.name}
          </label>
        ))}
      </fieldset>
    </AdminForm>
  );
}
