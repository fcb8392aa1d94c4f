import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Counter, ServiceSummary, Zone } from '../../app/types';

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
  agencies: Agency[];
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
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(d);
      }}
    >
      <h2 className="span-2">
        {counter ? t('admin.counters.edit', { name: counter.name }) : t('admin.counters.create')}
      </h2>
      <label className="field">
        <span>{t('portal.agency')}</span>
        <select
          value={d.agencyId}
          onChange={(e) => setD({ ...d, agencyId: Number(e.target.value), serviceIds: [] })}
        >
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.counters.number')}</span>
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
      </label>
      <label className="field">
        <span>{t('admin.counters.name')}</span>
        <input required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('admin.counters.zone')}</span>
        <select value={d.zone ?? ''} onChange={(e) => setD({ ...d, zone: e.target.value || null })}>
          <option value="">{t('admin.counters.noZone')}</option>
          {zones.map((z) => (
            <option key={z.id} value={z.slug}>
              {z.name} ({z.slug})
            </option>
          ))}
        </select>
      </label>
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
      <div className="form-actions span-2">
        <button type="submit" className="btn" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
