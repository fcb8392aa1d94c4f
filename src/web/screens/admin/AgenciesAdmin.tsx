import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { changedFields, isEmpty } from '../../app/changes';
import { formatLocalDate } from '../../app/format';
import { useMall } from '../../app/mall';
import { type Agency, type AgencyView, isFullAgency } from '../../app/types';
import { useApi } from '../../app/useApi';
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
  const list = useApi('/api/v1/malls/{mall}/agencies', {
    params: { path: { mall: mall.slug }, query: { includeRetired: 'true' } },
  });
  const ed = useEditing<Agency>();
  const m = useMutation();
  const canEdit = (a: AgencyView) => may('agency.manage', a.id);
  const setRetired = useSetRetired(
    m,
    (id, retired, token) =>
      api.patch('/api/v1/malls/{mall}/agencies/{id}', {
        params: { path: { mall: mall.slug, id } },
        body: { retired },
        token,
      }),
    list.reload,
  );

  const save = async (d: AgencyDraft) => {
    // An edit sends only the fields the admin changed (the key never changes).
    const { key: _key, ...patch } = ed.current ? changedFields<AgencyDraft>(ed.current, d) : d;
    if (ed.current && isEmpty(patch)) return m.unchanged(ed.close);
    const id = ed.current?.id;
    const res = await m.run((token) =>
      id === undefined
        ? api.post('/api/v1/malls/{mall}/agencies', { params: { path: { mall: mall.slug } }, body: d, token })
        : api.patch('/api/v1/malls/{mall}/agencies/{id}', {
            params: { path: { mall: mall.slug, id } },
            body: patch,
            token,
          }),
    );
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
              {/* The agreement is shown to those who may read the agency in full. */}
              {isFullAgency(a) ? (
                <>
                  <span className={`chip chip-agreement-${a.agreementStatus}`}>
                    {t(`agreement.${a.agreementStatus}`)}
                  </span>
                  {a.agreementDate && (
                    <span className="muted small"> {formatLocalDate(a.agreementDate, i18n.language)}</span>
                  )}
                </>
              ) : (
                '—'
              )}
            </td>
            <td>{a.hotline ?? '—'}</td>
            <td className="num">{a.serviceCount ?? 0}</td>
            <RowActions>
              {canEdit(a) && isFullAgency(a) && !a.retired && <EditButton onClick={() => ed.open(a)} />}
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
