import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mallPath } from '../../app/api';
import { useMall } from '../../app/mall';
import type { Agency, Counter, ServiceSummary, Zone } from '../../app/types';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { type CounterDraft, CounterForm } from './CounterForm';
import { RetireButton } from './RetireButton';
import { FormStatus, useMutation } from './useMutation';
import { ZonesPanel } from './ZonesPanel';

const STATUSES = ['open', 'break', 'closed'] as const;

export function CountersAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { isMallAdmin, user } = useAdmin();
  const list = useApi<{ items: Counter[] }>(mallPath(mall.slug, '/counters'));
  const agencies = useApi<{ items: Agency[] }>(mallPath(mall.slug, '/agencies'));
  const services = useApi<{ items: ServiceSummary[] }>(mallPath(mall.slug, '/services?limit=1000'));
  const zones = useApi<{ items: Zone[] }>(mallPath(mall.slug, '/zones'));
  const [editing, setEditing] = useState<Counter | 'new' | null>(null);
  const m = useMutation();
  const mine = (agencyId: number) => isMallAdmin || agencyId === user.agencyId;
  const myAgencies = (agencies.data?.items ?? []).filter((a) => mine(a.id));

  const patch = async (c: Counter, body: object, done?: string) => {
    if (await m.send(mallPath(mall.slug, `/counters/${c.id}`), { method: 'PATCH', body }, done))
      list.reload();
  };
  const save = async (d: CounterDraft) => {
    const isNew = editing === 'new';
    const res = await m.send(
      mallPath(mall.slug, isNew ? '/counters' : `/counters/${(editing as Counter).id}`),
      {
        method: isNew ? 'POST' : 'PATCH',
        body: d,
      },
    );
    if (res) {
      setEditing(null);
      list.reload();
    }
  };

  return (
    <section aria-labelledby="ct-h">
      <div className="section-head">
        <h1 id="ct-h">{t('admin.section.counters')}</h1>
        <button type="button" className="btn" onClick={() => setEditing('new')} disabled={!myAgencies.length}>
          + {t('admin.counters.create')}
        </button>
      </div>
      <FormStatus error={m.error} done={m.done} />
      {editing && (
        <CounterForm
          key={editing === 'new' ? 'new' : editing.id}
          counter={editing === 'new' ? null : editing}
          agencies={myAgencies}
          services={services.data?.items ?? []}
          zones={zones.data?.items ?? []}
          busy={m.busy}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.col.counter')}</th>
            <th scope="col">{t('admin.col.agency')}</th>
            <th scope="col">{t('admin.counters.zone')}</th>
            <th scope="col">{t('admin.counters.services')}</th>
            <th scope="col">{t('admin.col.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('admin.col.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((c) => (
            <tr key={c.id}>
              <td className="nowrap">{c.name}</td>
              <td>{c.agencyName}</td>
              <td className="mono">{c.zone ?? '—'}</td>
              <td>
                {c.services.map((s) => (
                  <span key={s.id} className="chip" title={s.name}>
                    {s.queuePrefix} · {s.name.length > 28 ? `${s.name.slice(0, 27)}…` : s.name}
                  </span>
                ))}
              </td>
              <td>
                <select
                  aria-label={t('admin.counters.statusOf', { name: c.name })}
                  value={c.status}
                  disabled={!mine(c.agencyId) || m.busy}
                  onChange={(e) => void patch(c, { status: e.target.value })}
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`counterStatus.${s}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <div className="actions-cell">
                  {mine(c.agencyId) && (
                    <>
                      <button
                        type="button"
                        className="btn btn-small btn-secondary"
                        onClick={() => setEditing(c)}
                      >
                        {t('common.edit')}
                      </button>
                      <RetireButton
                        name={c.name}
                        retired={false}
                        busy={m.busy}
                        onChange={() =>
                          void patch(c, { retired: true }, t('admin.retiredDone', { name: c.name }))
                        }
                      />
                    </>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isMallAdmin && <ZonesPanel zones={zones.data?.items ?? []} onSaved={zones.reload} />}
    </section>
  );
}
