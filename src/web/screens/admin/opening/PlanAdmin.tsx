import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type components } from '../../../app/api';
import { useMall } from '../../../app/mall';
import { useApi } from '../../../app/useApi';
import { useAdmin } from '../adminContext';
import { SectionHead } from '../adminList';
import { FormStatus, useMutation } from '../useMutation';
import { Progress } from './openingParts';

type Action = components['schemas']['PlanAction'];
const STATUSES = ['todo', 'doing', 'done', 'dropped'] as const;

/**
 * The action plan: each stage with its computed percentage and its actions (status, owner, due date,
 * evidence, budget); a timeline of the stages by their actions' due dates; add an action.
 */
export function PlanAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const params = { path: { mall: mall.slug } };
  const plan = useApi('/api/v1/malls/{mall}/plan', { params, token });
  const m = useMutation();
  const manage = may('opening.manage');
  const [draft, setDraft] = useState({ stageId: 0, title: '', owner: '', dueDate: '' });

  const patch = async (a: Action, body: { status?: Action['status']; evidence?: string | null }) => {
    const p = { path: { mall: mall.slug, id: a.id } };
    if (
      await m.run(
        (token) => api.patch('/api/v1/malls/{mall}/plan/actions/{id}', { params: p, body, token }),
        t('admin.plan.saved'),
      )
    )
      plan.reload();
  };
  const add = async () => {
    const stageId = draft.stageId || plan.data?.stages[0]?.id;
    if (!stageId || !draft.title.trim()) return;
    const body = { stageId, title: draft.title, owner: draft.owner || null, dueDate: draft.dueDate || null };
    if (
      await m.run(
        (token) => api.post('/api/v1/malls/{mall}/plan/actions', { params, body, token }),
        t('admin.plan.saved'),
      )
    ) {
      setDraft({ ...draft, title: '', owner: '', dueDate: '' });
      plan.reload();
    }
  };
  const p = plan.data;
  return (
    <section aria-labelledby="plan-title">
      <SectionHead id="plan-title" title={t('admin.plan.title')} />
      <p className="muted">{t('admin.plan.lead')}</p>
      {p && (
        <>
          <Progress percent={p.percent} label={t('admin.plan.title')} />
          <p className="small">{t('admin.plan.total', { done: p.done, total: p.total })}</p>
          <StageTimeline stages={p.stages} />
        </>
      )}
      <FormStatus error={m.error} done={m.done} />
      {manage && p && (
        <form
          className="card inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="field">
            <span>{t('admin.plan.stage')}</span>
            <select
              value={draft.stageId || p.stages[0]?.id}
              onChange={(e) => setDraft({ ...draft, stageId: Number(e.target.value) })}
            >
              {p.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>{t('admin.plan.action')}</span>
            <input
              value={draft.title}
              maxLength={300}
              required
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('admin.plan.owner')}</span>
            <input
              value={draft.owner}
              maxLength={200}
              onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('admin.plan.due')}</span>
            <input
              type="date"
              value={draft.dueDate}
              onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })}
            />
          </label>
          <button type="submit" className="btn" disabled={m.busy}>
            {t('admin.plan.add')}
          </button>
        </form>
      )}
      {p?.stages.map((s) => (
        <div key={s.id} className="card plan-stage">
          <h2>
            {s.name}{' '}
            <span className="muted small">
              {s.done}/{s.total}
            </span>
          </h2>
          <Progress percent={s.percent} label={s.name} />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.plan.action')}</th>
                <th scope="col">{t('admin.plan.owner')}</th>
                <th scope="col">{t('admin.plan.due')}</th>
                <th scope="col">{t('admin.plan.status')}</th>
                <th scope="col">{t('admin.plan.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {s.actions.map((a) => (
                <tr key={a.id} className={a.status === 'dropped' ? 'muted' : undefined}>
                  <td>
                    {a.title} {a.overdue && <span className="chip chip-warn">{t('admin.plan.overdue')}</span>}
                  </td>
                  <td>{a.owner}</td>
                  <td className="mono nowrap">{a.dueDate}</td>
                  <td>
                    <select
                      aria-label={t('admin.plan.statusOf', { title: a.title })}
                      value={a.status}
                      disabled={!manage || m.busy}
                      onChange={(e) => patch(a, { status: e.target.value as Action['status'] })}
                    >
                      {STATUSES.map((st) => (
                        <option key={st} value={st}>
                          {t(`admin.plan.statuses.${st}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${t('admin.plan.evidence')}: ${a.title}`}
                      defaultValue={a.evidence ?? ''}
                      maxLength={2000}
                      disabled={!manage}
                      onBlur={(e) => {
                        const v = e.target.value.trim() || null;
                        if (v !== a.evidence) void patch(a, { evidence: v });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** Each stage as a bar from its first to its last due date, on one time axis. */
function StageTimeline({ stages }: { stages: components['schemas']['PlanStage'][] }) {
  const { t } = useTranslation();
  const spans = stages
    .map((s) => {
      const dates = s.actions
        .map((a) => a.dueDate)
        .filter((d): d is string => !!d)
        .sort();
      return { s, from: dates[0], to: dates[dates.length - 1] };
    })
    .filter((x): x is { s: (typeof stages)[number]; from: string; to: string } => !!x.from && !!x.to);
  if (!spans.length) return null;
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const start = Math.min(...spans.map((x) => day(x.from))) - 7;
  const end = Math.max(...spans.map((x) => day(x.to))) + 7;
  const pct = (d: string) => ((day(d) - start) / (end - start)) * 100;
  return (
    <figure className="card stage-timeline" aria-label={t('admin.opening.timeline')}>
      {spans.map(({ s, from, to }) => (
        <div className="stage-row" key={s.id}>
          <span className="stage-name small">{s.name}</span>
          <span className="stage-track">
            <span
              className={s.total > 0 && s.done === s.total ? 'stage-bar done' : 'stage-bar'}
              style={{ left: `${pct(from)}%`, width: `${Math.max(1.5, pct(to) - pct(from))}%` }}
              title={`${from} – ${to}: ${s.percent} %`}
            />
          </span>
          <span className="small mono nowrap">{to}</span>
        </div>
      ))}
    </figure>
  );
}
