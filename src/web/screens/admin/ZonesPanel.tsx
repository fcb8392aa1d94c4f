import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useMall } from '../../app/mall';
import type { Zone } from '../../app/types';
import { FormStatus, useMutation } from './useMutation';

const EMPTY = { slug: '', name: '' };

/** Display zones (e.g. floors): list them, add one, or rename one by saving its code again. */
export function ZonesPanel({ zones, onSaved }: { zones: Zone[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const mall = useMall();
  const m = useMutation();
  const [d, setD] = useState(EMPTY);
  const save = async () => {
    const res = await m.run(
      (token) =>
        api.post('/api/v1/malls/{mall}/zones', { params: { path: { mall: mall.slug } }, body: d, token }),
      t('admin.zones.saved', { name: d.name }),
    );
    if (res) {
      setD(EMPTY);
      onSaved();
    }
  };
  return (
    <section className="card" aria-labelledby="zones-h">
      <h2 id="zones-h">{t('admin.zones.title')}</h2>
      <p className="muted small">{t('admin.zones.lead')}</p>
      {zones.length === 0 ? (
        <p className="muted">{t('admin.zones.none')}</p>
      ) : (
        <ul className="plain" data-testid="zone-list">
          {zones.map((z) => (
            <li key={z.id}>
              <span className="mono">{z.slug}</span> — {z.name}
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('admin.zones.slug')}</span>
          <input
            required
            pattern="[a-z0-9][a-z0-9\-]{0,62}"
            placeholder="lantai-1"
            value={d.slug}
            onChange={(e) => setD({ ...d, slug: e.target.value })}
          />
        </label>
        <label className="field grow">
          <span>{t('admin.zones.name')}</span>
          <input
            required
            maxLength={100}
            value={d.name}
            onChange={(e) => setD({ ...d, name: e.target.value })}
          />
        </label>
        <button type="submit" className="btn" disabled={m.busy}>
          {t('admin.zones.save')}
        </button>
      </form>
      <FormStatus error={m.error} done={m.done} />
    </section>
  );
}
