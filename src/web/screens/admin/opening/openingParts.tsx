import { useTranslation } from 'react-i18next';
import type { components } from '../../../app/api';

type Summary = components['schemas']['OpeningSummary'];

/** A progress bar with its percentage as text (the number is what screen readers read). */
export function Progress({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div className="progress-fill" style={{ width: `${Math.min(100, percent)}%` }} />
      <span className="progress-text">{percent} %</span>
    </div>
  );
}

/** Days from today in words: "12 hari lagi", "hari ini", "3 hari lalu". */
export function DaysText({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <span className="muted">{t('admin.opening.noDate')}</span>;
  if (days === 0) return <span>{t('admin.opening.today')}</span>;
  return (
    <span>
      {days > 0 ? t('admin.opening.daysLeft', { count: days }) : t('admin.opening.daysAgo', { count: -days })}
    </span>
  );
}

/** The milestones on a line, each with its date, the days left and what blocks it. */
export function Timeline({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" aria-label={t('admin.opening.timeline')}>
      {summary.milestones.map((m) => (
        <li
          key={m.key}
          className={
            m.daysRemaining !== null && m.daysRemaining < 0 ? 'timeline-item passed' : 'timeline-item'
          }
        >
          <strong>{t(`admin.opening.milestones.${m.key}`)}</strong>
          <span className="mono">{m.date ?? '—'}</span>
          <DaysText days={m.daysRemaining} />
          {m.blockers.length > 0 ? (
            <details>
              <summary className="small">
                {t('admin.opening.blockers')} ({m.blockers.length})
              </summary>
              <ul className="small">
                {m.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </details>
          ) : (
            <span className="small muted">{t('admin.opening.nothingBlocks')}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The road's figures: stage, plan, readiness, agreements, coverage, overdue, budget. */
export function SummaryStats({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const rp = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
  const stats: [string, string][] = [
    [t('admin.opening.stage'), t(`admin.opening.stages.${summary.stage}`)],
    [t('admin.opening.plan'), `${summary.plan.percent} %`],
    [t('admin.opening.readiness'), `${summary.readiness.score} %`],
    [t('admin.opening.agreements'), `${summary.agreements.signed}/${summary.agreements.total}`],
    [t('admin.opening.coverage'), `${summary.coverage.full}/${summary.coverage.total}`],
    [t('admin.opening.overdue'), String(summary.overdue.actions.length + summary.overdue.dualism)],
    [t('admin.opening.budget'), `${rp(summary.budget.planned)} / ${rp(summary.budget.realised)}`],
  ];
  return (
    <div className="stats">
      {stats.map(([label, value]) => (
        <div className="stat" key={label}>
          <span className="stat-value">{value}</span>
          <span className="stat-label">{label}</span>
        </div>
      ))}
    </div>
  );
}

/** Downloads a staff-only file (the report) with the bearer token and saves it under its name. */
export async function download(url: string, token: string | null, name: string) {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`download ${res.status}`);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  URL.revokeObjectURL(href);
}
