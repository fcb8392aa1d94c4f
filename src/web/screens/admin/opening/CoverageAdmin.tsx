import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useMall } from '../../../app/mall';
import { useApi } from '../../../app/useApi';
import { useAdmin } from '../adminContext';
import { SectionHead } from '../adminList';
import { FormStatus, useMutation } from '../useMutation';

const KINDS = ['full', 'intake_only', 'not_served'] as const;
type Kind = (typeof KINDS)[number];

/** Coverage per agency (e.g. public works: 3 of 7 in full), each service's coverage and reason; the dualism register. */
export function CoverageAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const params = { path: { mall: mall.slug } };
  const report = useApi('/api/v1/malls/{mall}/coverage', { params, token });
  const dualism = useApi('/api/v1/malls/{mall}/dualism', { params, token });
  const m = useMutation();
  const manage = may('opening.manage');
  const [draft, setDraft] = useState({ serviceId: 0, plan: '', endDate: '' });

  const save = async (id: number, body: { coverage?: Kind; coverageReason?: string | null }) => {
    const p = { path: { mall: mall.slug, id } };
    if (await m.run((token) => api.patch('/api/v1/malls/{mall}/services/{id}', { params: p, body, token })))
      report.reload();
  };
  const addDualism = async () => {
    if (!draft.serviceId || !draft.plan || !draft.endDate) return;
    if (await m.run((token) => api.post('/api/v1/malls/{mall}/dualism', { params, body: draft, token }))) {
      setDraft({ serviceId: 0, plan: '', endDate: '' });
      dualism.reload();
    }
  };
  const end = async (id: number) => {
    const p = { path: { mall: mall.slug, id } };
    if (
      await m.run((token) =>
        api.patch('/api/v1/malls/{mall}/dualism/{id}', { params: p, body: { ended: true }, token }),
      )
    )
      dualism.reload();
  };
  const r = report.data;
  const services = r?.agencies.flatMap((a) => a.services.map((s) => ({ ...s, agency: a.name }))) ?? [];
  return (
    <section aria-labelledby="coverage-title">
      <SectionHead id="coverage-title" title={t('admin.coverage.title')}>
        {r && (
          <span className="chip">
            {t('admin.coverage.totals')}: {t('admin.coverage.of', r.totals)}
          </span>
        )}
      </SectionHead>
      <p className="muted">{t('admin.coverage.lead')}</p>
      <FormStatus error={m.error} done={m.done} />
      {r?.agencies.map((a) => (
        <details key={a.agencyId} className="card">
          <summary>
            <strong>{a.name}</strong> — {t('admin.coverage.of', a)}{' '}
            <span className="muted small">
              ({t('admin.coverage.kinds.intake_only')} {a.intakeOnly}, {t('admin.coverage.kinds.not_served')}{' '}
              {a.notServed})
            </span>
          </summary>
          <table className="table">
            <tbody>
              {a.services.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>
                    <select
                      aria-label={`${t('admin.coverage.title')}: ${s.name}`}
                      value={s.coverage}
                      disabled={!manage || m.busy}
                      onChange={(e) => save(s.id, { coverage: e.target.value as Kind })}
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`admin.coverage.kinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${t('admin.coverage.reason')}: ${s.name}`}
                      defaultValue={s.coverageReason ?? ''}
                      maxLength={500}
                      disabled={!manage}
                      onBlur={(e) => {
                        const v = e.target.value.trim() || null;
                        if (v !== s.coverageReason) void save(s.id, { coverageReason: v });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      <h2>{t('admin.coverage.dualism')}</h2>
      <p className="muted">{t('admin.coverage.dualismLead')}</p>
      {manage && (
        <form
          className="card inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void addDualism();
          }}
        >
          <label className="field">
            <span>{t('admin.coverage.service')}</span>
            <select
              value={draft.serviceId}
              onChange={(e) => setDraft({ ...draft, serviceId: Number(e.target.value) })}
            >
              <option value={0}>—</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.agency}: {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>{t('admin.coverage.plan')}</span>
            <input
              value={draft.plan}
              maxLength={2000}
              onChange={(e) => setDraft({ ...draft, plan: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('admin.coverage.endDate')}</span>
            <input
              type="date"
              value={draft.endDate}
              onChange={(e) => setDraft({ ...draft, endDate: e.target.value })}
            />
          </label>
          <button type="submit" className="btn" disabled={m.busy}>
            {t('admin.coverage.addDualism')}
          </button>
        </form>
      )}
      {dualism.data && dualism.data.items.length > 0 && (
        <table className="table">
          <tbody>
            {dualism.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.agencyName}: {d.serviceName}
                </td>
                <td>{d.plan}</td>
                <td className="mono nowrap">
                  {d.endDate} {d.overdue && <span className="chip chip-warn">{t('admin.plan.overdue')}</span>}
                </td>
                <td>
                  {d.endedAt ? (
                    <span className="chip">{t('admin.coverage.ended')}</span>
                  ) : (
                    manage && (
                      <button type="button" className="btn btn-small btn-secondary" onClick={() => end(d.id)}>
                        {t('admin.coverage.markEnded')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
