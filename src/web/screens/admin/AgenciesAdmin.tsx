import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mallPath } from '../../app/api';
import { useMall } from '../../app/mall';
import type { Agency } from '../../app/types';
import { useApi } from '../../app/useApi';
import { type AgencyDraft, AgencyForm } from './AgencyForm';
import { useAdmin } from './adminContext';
import { RetireButton } from './RetireButton';
import { FormStatus, useMutation } from './useMutation';

export function AgenciesAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { isMallAdmin, user } = useAdmin();
  const list = useApi<{ items: Agency[] }>(mallPath(mall.slug, '/agencies?includeRetired=true'));
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const m = useMutation();
  const canEdit = (a: Agency) => isMallAdmin || a.id === user.agencyId;

  const save = async (d: AgencyDraft) => {
    const isNew = editing === 'new';
    const { key, ...patch } = d;
    const res = await m.send(
      mallPath(mall.slug, isNew ? '/agencies' : `/agencies/${(editing as Agency).id}`),
      { method: isNew ? 'POST' : 'PATCH', body: isNew ? d : patch },
    );
    if (res) {
      setEditing(null);
      list.reload();
    }
  };
  const setRetired = async (a: Agency, retired: boolean) => {
    const done = t(retired ? 'admin.retiredDone' : 'admin.reactivated', { name: a.name });
    const res = await m.send(
      mallPath(mall.slug, `/agencies/${a.id}`),
      { method: 'PATCH', body: { retired } },
      done,
    );
    if (res) list.reload();
  };

  return (
    <section aria-labelledby="ag-h">
      <div className="section-head">
        <h1 id="ag-h">{t('admin.section.agencies')}</h1>
        {isMallAdmin && (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            + {t('admin.agencies.create')}
          </button>
        )}
      </div>
      <FormStatus error={m.error} done={m.done} />
      {editing && (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          agency={editing === 'new' ? null : editing}
          busy={m.busy}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('admin.agencies.name')}</th>
            <th scope="col">{t('admin.agencies.type')}</th>
            <th scope="col">{t('admin.agencies.agreement')}</th>
            <th scope="col">{t('admin.agencies.hotline')}</th>
            <th scope="col" className="num">
              {t('admin.section.services')}
            </th>
            <th scope="col">
              <span className="sr-only">{t('admin.col.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((a) => (
            <tr key={a.id} className={a.retired ? 'retired' : ''}>
              <td>
                {a.name}
                {a.retired && <span className="chip">{t('admin.retired')}</span>}
              </td>
              <td>{t(`agencyType.${a.type}`)}</td>
              <td>
                <span className={`chip chip-agreement-${a.agreementStatus}`}>
                  {t(`agreement.${a.agreementStatus}`)}
                </span>
                {a.agreementDate && <span className="muted small"> {a.agreementDate}</span>}
              </td>
              <td>{a.hotline ?? '—'}</td>
              <td className="num">{a.serviceCount ?? 0}</td>
              <td>
                <div className="actions-cell">
                  {canEdit(a) && !a.retired && (
                    <button
                      type="button"
                      className="btn btn-small btn-secondary"
                      onClick={() => setEditing(a)}
                    >
                      {t('common.edit')}
                    </button>
                  )}
                  {isMallAdmin && (
                    <RetireButton
                      name={a.name}
                      retired={a.retired}
                      busy={m.busy}
                      onChange={(r) => void setRetired(a, r)}
                    />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
