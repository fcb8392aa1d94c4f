import { useTranslation } from 'react-i18next';
import { mallPath } from '../../app/api';
import { changedFields, isEmpty } from '../../app/changes';
import { formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import type { Agency } from '../../app/types';
import { useApiUntyped } from '../../app/useApi';
import { DataTable, EditButton, RowActions } from '../../components/DataTable';
import { type AgencyDraft, AgencyForm } from './AgencyForm';
import { useAdmin } from './adminContext';
import { SectionHead, useEditing, useSetRetired } from './adminList';
import { RetireButton } from './RetireButton';
import { FormStatus, useMutation } from './useMutation';

export function AgenciesAdmin() {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const { may } = useAdmin();
  const list = useApiUntyped<{ items: Agency[] }>(mallPath(mall.slug, '/agencies?includeRetired=true'));
  const ed = useEditing<Agency>();
  const m = useMutation();
  const canEdit = (a: Agency) => may('agency.manage', a.id);
  const setRetired = useSetRetired(m, (id) => `/agencies/${id}`, list.reload);

  const save = async (d: AgencyDraft) => {
    // An edit sends only the fields the admin changed (the key never changes).
    const { key: _key, ...patch } = ed.current ? changedFields<AgencyDraft>(ed.current, d) : d;
    if (ed.current && isEmpty(patch)) return m.unchanged(ed.close);
    const res = await m.send(mallPath(mall.slug, ed.current ? `/agencies/${ed.current.id}` : '/agencies'), {
      method: ed.isNew ? 'POST' : 'PATCH',
      body: ed.isNew ? d : patch,
    });
    if (res) {
      ed.close();
      list.reload();
    }
  };

  return (
    <section aria-labelledby="ag-h">
      <SectionHead id="ag-h" title={t('admin.section.agencies')}>
        {may('catalog.manage') && (
          <button type="button" className="btn" onClick={() => ed.open('new')}>
            + {t('admin.agencies.create')}
          </button>
        )}
      </SectionHead>
      <FormStatus error={m.error} done={m.done} />
      {ed.editing && (
        <AgencyForm
          key={ed.formKey}
          agency={ed.current}
          busy={m.busy}
          onSave={(d) => void save(d)}
          onCancel={ed.close}
        />
      )}
      <DataTable
        columns={[
          t('admin.agencies.name'),
          t('admin.agencies.type'),
          t('admin.agencies.agreement'),
          t('admin.agencies.hotline'),
          { label: t('admin.section.services'), className: 'num' },
        ]}
      >
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
              {a.agreementDate && (
                <span className="muted small"> {formatLocalDate(a.agreementDate, i18n.language)}</span>
              )}
            </td>
            <td>{a.hotline ?? '—'}</td>
            <td className="num">{a.serviceCount ?? 0}</td>
            <RowActions>
              {canEdit(a) && !a.retired && <EditButton onClick={() => ed.open(a)} />}
              {may('agency.retire', a.id) && (
                <RetireButton
                  name={a.name}
                  retired={a.retired}
                  busy={m.busy}
                  onChange={(r) => void setRetired(a, r)}
                />
              )}
            </RowActions>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
