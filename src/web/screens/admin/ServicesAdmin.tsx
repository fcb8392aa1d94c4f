import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDuration, formatFee } from '../../app/format';
import { useMall } from '../../app/mall';
import type { ServiceSummary } from '../../app/types';
import { useApi } from '../../app/useApi';
import { DataTable } from '../../components/DataTable';
import { useAdmin } from './adminContext';
import { SectionHead, useSetRetired } from './adminList';
import { Field, NamedOptions } from './FormParts';
import { RetireButton } from './RetireButton';
import { FormStatus, useMutation } from './useMutation';

export function ServicesAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { isMallAdmin, user, may } = useAdmin();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [agencyId, setAgencyId] = useState(isMallAdmin ? '' : String(user.agencyId ?? ''));
  useEffect(() => {
    const id = setTimeout(() => setQuery(q.trim()), 250);
    return () => clearTimeout(id);
  }, [q]);
  const agencies = useApi('/api/v1/malls/{mall}/agencies', { params: { path: { mall: mall.slug } } });
  const list = useApi(
    '/api/v1/malls/{mall}/services',
    {
      params: {
        path: { mall: mall.slug },
        query: {
          q: query,
          agencyId: agencyId ? Number(agencyId) : undefined,
          includeRetired: 'true',
          limit: 1000,
        },
      },
    },
    { keepPrevious: true },
  );
  const base = `/${mall.slug}/admin/services`;
  const m = useMutation();
  const mine = (s: ServiceSummary) => may('service.manage', s.agencyId);
  const setRetired = useSetRetired(
    m,
    (id, retired, token) =>
      api.patch('/api/v1/malls/{mall}/services/{id}', {
        params: { path: { mall: mall.slug, id } },
        body: { retired },
        token,
      }),
    list.reload,
  );
  return (
    <section aria-labelledby="svc-h">
      <SectionHead id="svc-h" title={t('admin.section.services')}>
        <Link className="btn" to={`${base}/new`}>
          + {t('admin.services.create')}
        </Link>
      </SectionHead>
      <div className="filters">
        <Field label={t('common.search')}>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <Field label={t('portal.agency')}>
          <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)} disabled={!isMallAdmin}>
            <option value="">{t('portal.allAgencies')}</option>
            <NamedOptions items={agencies.data?.items ?? []} />
          </select>
        </Field>
      </div>
      <FormStatus error={m.error} done={m.done} />
      <p className="muted">
        {list.data ? t('portal.results', { count: list.data.total }) : t('common.loading')}
      </p>
      <DataTable
        columns={[
          t('admin.col.prefix'),
          t('admin.col.service'),
          t('admin.col.agency'),
          t('standard.completionTime'),
          t('standard.fee'),
        ]}
      >
        {list.data?.items.map((s) => (
          <tr key={s.id} className={s.retired ? 'retired' : ''}>
            <td className="mono">{s.queuePrefix}</td>
            <td>
              <Link to={`${base}/${s.id}`}>{s.name}</Link>
              {!s.servedAtMall && <span className="chip chip-warn">{t('standard.notServed')}</span>}
              {s.retired && <span className="chip">{t('admin.retired')}</span>}
            </td>
            <td>{s.agencyName}</td>
            <td>{formatDuration(t, s.completionTime)}</td>
            <td>{formatFee(t, s.fee ?? s.feeAmount)}</td>
            <td>
              {mine(s) && (
                <RetireButton
                  name={s.name}
                  retired={s.retired}
                  busy={m.busy}
                  onChange={(r) => void setRetired(s, r)}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
