import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../app/api';
import { useMall } from '../../../app/mall';
import { useApi } from '../../../app/useApi';
import { useAdmin } from '../adminContext';
import { SectionHead } from '../adminList';
import { FormStatus, useMutation } from '../useMutation';
import { MilestoneForm } from './MilestoneForm';
import { download, Progress, SummaryStats, Timeline } from './openingParts';

/**
 * The mall's road to opening: stage and figures, the milestones on a timeline with days left and
 * blockers, readiness over the five areas (manual items ticked here), the launch, the reports.
 */
export function OpeningAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const params = { path: { mall: mall.slug } };
  const summary = useApi('/api/v1/malls/{mall}/opening', { params, token });
  const readiness = useApi('/api/v1/malls/{mall}/readiness', { params, token });
  const m = useMutation();
  const [missing, setMissing] = useState<string[]>([]);
  const manage = may('opening.manage');
  const reload = () => {
    summary.reload();
    readiness.reload();
  };
  const tick = async (id: number, done: boolean) => {
    const p = { path: { mall: mall.slug, id } };
    if (
      await m.run((token) =>
        api.patch('/api/v1/malls/{mall}/readiness/items/{id}', { params: p, body: { done }, token }),
      )
    )
      reload();
  };
  const launch = async () => {
    setMissing([]);
    const res = await m.run(
      (token) => api.post('/api/v1/malls/{mall}/launch', { params, token }),
      t('admin.opening.launched'),
    );
    if (res) reload();
    else readiness.reload();
  };
  const s = summary.data;
  const r = readiness.data;
  const notReady = r && !r.ready ? r.missing.map((x) => x.title) : missing;
  return (
    <section aria-labelledby="opening-title">
      <SectionHead id="opening-title" title={t('admin.opening.title')}>
        <div className="actions-cell">
          <button
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() =>
              download(
                `/api/v1/malls/${mall.slug}/opening/report.pdf`,
                token,
                `kemajuan-${mall.slug}.pdf`,
              ).catch(() => setMissing([]))
            }
          >
            {t('admin.opening.reportPdf')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() =>
              download(
                `/api/v1/malls/${mall.slug}/opening/report.xlsx`,
                token,
                `kemajuan-${mall.slug}.xlsx`,
              ).catch(() => setMissing([]))
            }
          >
            {t('admin.opening.reportXlsx')}
          </button>
        </div>
      </SectionHead>
      {s && (
        <>
          <p className={s.status === 'preparing' ? 'notice' : 'success'}>
            {t(s.status === 'preparing' ? 'admin.opening.preparing' : 'admin.opening.open')}
          </p>
          <SummaryStats summary={s} />
          <h2>{t('admin.opening.timeline')}</h2>
          <Timeline summary={s} />
          {manage && <MilestoneForm key={JSON.stringify(s.milestones)} summary={s} m={m} onSaved={reload} />}
        </>
      )}
      <FormStatus error={m.error} done={m.done} />
      {s?.status === 'preparing' && manage && (
        <div className="card launch">
          <button type="button" className="btn" disabled={m.busy} onClick={launch}>
            {t('admin.opening.launch')}
          </button>
          {m.error && notReady.length > 0 && (
            <div>
              <p>{t('admin.opening.missing')}</p>
              <ul className="small">
                {notReady.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {r && (
        <>
          <h2>
            {t('admin.opening.readinessTitle')}{' '}
            <span className="muted small">{t('admin.opening.score', { score: r.score })}</span>
          </h2>
          <div className="readiness-grid">
            {r.areas.map((a) => (
              <div className="card" key={a.key}>
                <h3>
                  {a.name}{' '}
                  <span className="muted small">
                    {a.done}/{a.total}
                  </span>
                </h3>
                <Progress percent={a.total ? Math.round((100 * a.done) / a.total) : 0} label={a.name} />
                <ul className="plain readiness-items">
                  {a.items.map((i) => (
                    <li key={i.id}>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={i.done}
                          disabled={i.computed || !manage || m.busy}
                          onChange={(e) => tick(i.id, e.target.checked)}
                        />
                        <span>
                          {i.title}
                          {i.computed && <span className="chip">{t('admin.opening.computed')}</span>}
                          {i.detail && <span className="small muted block">{i.detail}</span>}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
      {summary.error instanceof ApiError && <p className="alert">{summary.error.message}</p>}
    </section>
  );
}
