import { useTranslation } from 'react-i18next';
import { api, type BodyOf } from '../../app/api';
import { changedFields, isEmpty } from '../../app/changes';
import { useMall } from '../../app/mall';
import type { Counter } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable, EditButton, RowActions } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { SectionHead, useEditing } from './adminList';
import { type CounterDraft, CounterForm } from './CounterForm';
import { CodeOptions, codeOf } from './FormParts';
import { RetireButton } from './RetireButton';
import { FormStatus, useMutation } from './useMutation';
import { ZonesPanel } from './ZonesPanel';

const STATUSES = ['open', 'break', 'closed'] as const;
type CounterPatch = BodyOf<'patch', '/api/v1/malls/{mall}/counters/{id}'>;

export function CountersAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { isMallAdmin, may } = useAdmin();
  const at = { path: { mall: mall.slug } };
  const list = useApi('/api/v1/malls/{mall}/counters', { params: at });
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: at });
  const services = useApi('/api/v1/malls/{mall}/services', { params: { ...at, query: { limit: 1000 } } });
  const zones = useApi('/api/v1/malls/{mall}/zones', { params: at });
  const ed = useEditing<Counter>();
  const m = useMutation();
  const mine = (agencyId: number) => may('counter.manage', agencyId);
  const myAgencies = (agencies.data?.items ?? []).filter((a) => mine(a.id));

  const patch = async (c: Counter, body: CounterPatch, done?: string) => {
    const params = { path: { mall: mall.slug, id: c.id } };
    if (
      await m.run((token) => api.patch('/api/v1/malls/{mall}/counters/{id}', { params, body, token }), done)
    )
      list.reload();
  };
  const save = async (d: CounterDraft) => {
    // An edit sends only what changed: the form never rewrites the counter's status or services unasked.
    const body = ed.current ? changedFields<CounterDraft>(ed.current, d) : d;
    if (ed.current && isEmpty(body)) return m.unchanged(ed.close);
    const id = ed.current?.id;
    const res = await m.run((token) =>
      id === undefined
        ? api.post('/api/v1/malls/{mall}/counters', { params: at, body: d, token })
        : api.patch('/api/v1/malls/{mall}/counters/{id}', {
            params: { path: { mall: mall.slug, id } },
            body,
            token,
          }),
    );
    if (res) {
      ed.close();
      list.reload();
    }
  };

  return (
    <section aria-labelledby="ct-h">
      <SectionHead id="ct-h" title={t('admin.section.counters')}>
        <button type="button" className="btn" onClick={() => ed.open('new')} disabled={!myAgencies.length}>
          + {t('admin.counters.create')}
        </button>
      </SectionHead>
      <FormStatus error={m.error} done={m.done} />
      {ed.editing && (
        <CounterForm
          key={ed.formKey}
          counter={ed.current}
          agencies={myAgencies}
          services={services.data?.items ?? []}
          zones={zones.data?.items ?? []}
          busy={m.busy}
          onSave={(d) => void save(d)}
          onCancel={ed.close}
        />
      )}
      <DataTable
        columns={[
          t('admin.col.counter'),
          t('admin.col.agency'),
          t('admin.counters.zone'),
          t('admin.counters.services'),
          t('admin.col.status'),
        ]}
      >
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
                onChange={(e) => void patch(c, { status: codeOf(STATUSES, e.target.value) })}
              >
                <CodeOptions codes={STATUSES} prefix="counterStatus" />
              </select>
            </td>
            <RowActions>
              {mine(c.agencyId) && (
                <>
                  <EditButton onClick={() => ed.open(c)} />
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
            </RowActions>
          </tr>
        ))}
      </DataTable>
      {isMallAdmin && <ZonesPanel zones={zones.data?.items ?? []} onSaved={zones.reload} />}
    </section>
  );
}
