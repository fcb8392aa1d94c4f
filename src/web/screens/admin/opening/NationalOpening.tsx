import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../app/useApi';
import { useAdmin } from '../adminContext';
import { SectionHead } from '../adminList';
import { DaysText, Progress } from './openingParts';

/** The ministry's view: every mall's stage, plan, readiness, agreements, coverage, next milestone, overdue, budget. */
export function NationalOpening() {
  const { t } = useTranslation();
  const { token } = useAdmin();
  const overview = useApi('/api/v1/opening/overview', { token });
  const o = overview.data;
  const rp = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
  return (
    <section aria-labelledby="road-title">
      <SectionHead id="road-title" title={t('admin.national.title')}>
        {o && <span className="chip">{t('admin.national.totals', o.totals)}</span>}
      </SectionHead>
      <p className="muted">{t('admin.national.lead')}</p>
      {o && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.national.mall')}</th>
              <th scope="col">{t('admin.opening.stage')}</th>
              <th scope="col">{t('admin.opening.plan')}</th>
              <th scope="col" className="num">
                {t('admin.opening.readiness')}
              </th>
              <th scope="col" className="num">
                {t('admin.opening.agreements')}
              </th>
              <th scope="col" className="num">
                {t('admin.opening.coverage')}
              </th>
              <th scope="col">{t('admin.national.nextMilestone')}</th>
              <th scope="col" className="num">
                {t('admin.national.overdue')}
              </th>
              <th scope="col" className="num">
                {t('admin.opening.budget')}
              </th>
            </tr>
          </thead>
          <tbody>
            {o.items.map((r) => (
              <tr key={r.mallId}>
                <td>
                  <Link to={`/${r.slug}/admin/opening`}>{r.name}</Link>
                </td>
                <td>{t(`admin.opening.stages.${r.stage}`)}</td>
                <td>
                  <Progress percent={r.plan.percent} label={`${r.name}: ${t('admin.opening.plan')}`} />
                </td>
                <td className="num">{r.readiness.score} %</td>
                <td className="num">
                  {r.agreements.signed}/{r.agreements.total}
                </td>
                <td className="num">
                  {r.coverage.full}/{r.coverage.total}
                </td>
                <td>
                  {r.next ? (
                    <>
                      {t(`admin.opening.milestones.${r.next.key}`)}: <DaysText days={r.next.daysRemaining} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num">
                  {r.overdue.actions.length + r.overdue.dualism > 0 ? (
                    <span className="chip chip-warn" title={r.overdue.actions.join('; ')}>
                      {r.overdue.actions.length + r.overdue.dualism}
                    </span>
                  ) : (
                    0
                  )}
                </td>
                <td className="num small">
                  {rp(r.budget.planned)}
                  <br />
                  {rp(r.budget.realised)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
