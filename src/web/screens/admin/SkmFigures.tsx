import { useTranslation } from 'react-i18next';
import type { SkmReport } from '../../app/types';

const PROFILE_KEYS = ['sex', 'ageBand', 'education', 'occupation'] as const;

/** The SKM report's figures as the screen (and its print view) shows them. */
export function SkmFigures({ report: r, loading }: { report: SkmReport; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const num = (v: number | null, d: number) =>
    v === null ? '–' : v.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
  const s = r.sample;
  const unit = r.serviceName ?? r.agencyName ?? r.mall.name;
  return (
    <div
      className={loading ? 'stats-body is-loading' : 'stats-body'}
      aria-busy={loading}
      data-testid="skm-report"
    >
      <h2 className="skm-unit">
        {unit} · {r.from} – {r.to}
      </h2>
      <div className="stats skm-headline">
        <div className="stat">
          <span className="stat-value" data-testid="skm-ikm">
            {num(r.ikm, 2)}
          </span>
          <span className="stat-label">{t('admin.skm.ikm')}</span>
        </div>
        <div className={`stat skm-grade grade-${r.grade ?? 'none'}`}>
          <span className="stat-value" data-testid="skm-grade">
            {r.grade ?? '–'}
          </span>
          <span className="stat-label">
            {t('admin.skm.grade')}
            {r.label ? `: ${r.label}` : ''}
          </span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="skm-respondents">
            {r.respondents}
          </span>
          <span className="stat-label">{t('admin.skm.respondents')}</span>
        </div>
        <div className="stat">
          <span className="stat-value">{num(r.skm, 4)}</span>
          <span className="stat-label">{t('admin.skm.skm')}</span>
        </div>
      </div>
      {r.respondents === 0 && <p className="muted">{t('admin.skm.noAnswers')}</p>}
      <p>
        {s.populationSource === 'given'
          ? t('admin.skm.sampleGiven', { required: s.required, population: s.population })
          : t('admin.skm.sample', {
              required: s.required,
              population: s.population,
              from: s.previousFrom,
              to: s.previousTo,
            })}{' '}
        <span className={s.sufficient ? 'chip chip-serving' : 'chip chip-priority'}>
          {s.sufficient === null
            ? t('admin.skm.unknownPopulation')
            : s.sufficient
              ? t('admin.skm.sufficient')
              : t('admin.skm.insufficient')}
        </span>
      </p>
      {r.legacy && (
        <p className="muted small">
          {t('admin.skm.legacy', { ikm: num(r.legacy.ikm, 2), grade: r.legacy.grade })}
        </p>
      )}
      {r.unanswered.length > 0 && (
        <p className="notice">{t('admin.skm.unanswered', { codes: r.unanswered.join(', ') })}</p>
      )}
      <h3>{t('admin.skm.elements')}</h3>
      <div className="table-wrap">
        <table className="table skm-elements">
          <thead>
            <tr>
              <th>{t('admin.skm.col.code')}</th>
              <th>{t('admin.skm.col.element')}</th>
              <th className="num">{t('admin.skm.col.sum')}</th>
              <th className="num">{t('admin.skm.col.answered')}</th>
              <th className="num">{t('admin.skm.col.nrr')}</th>
              <th className="num">{t('admin.skm.col.weight')}</th>
              <th className="num">{t('admin.skm.col.weighted')}</th>
            </tr>
          </thead>
          <tbody>
            {r.elements.map((e) => (
              <tr key={e.code}>
                <td>{e.code}</td>
                <td>{e.name}</td>
                <td className="num">{e.sum}</td>
                <td className="num">{e.answered}</td>
                <td className="num">{num(e.nrr, 4)}</td>
                <td className="num">{e.weight}</td>
                <td className="num">{num(e.nrrWeighted, 4)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={6}>{t('admin.skm.skm')}</th>
              <td className="num">{num(r.skm, 4)}</td>
            </tr>
            <tr>
              <th colSpan={6}>{t('admin.skm.ikm')} = SKM × 25</th>
              <td className="num">
                <strong>{num(r.ikm, 2)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {r.byService.length > 0 && (
        <>
          <h3>{t('admin.skm.byService')}</h3>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('admin.skm.col.service')}</th>
                  <th className="num">{t('admin.skm.col.respondents')}</th>
                  <th className="num">{t('admin.skm.col.ikm')}</th>
                  <th>{t('admin.skm.col.grade')}</th>
                </tr>
              </thead>
              <tbody>
                {r.byService.map((x) => (
                  <tr key={x.serviceId}>
                    <td>{x.serviceName}</td>
                    <td className="num">{x.respondents}</td>
                    <td className="num">{num(x.ikm, 2)}</td>
                    <td>{x.grade ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {r.respondents > 0 && (
        <>
          <h3>{t('admin.skm.profile')}</h3>
          <div className="skm-profile">
            {PROFILE_KEYS.map((key) => (
              <table className="table" key={key}>
                <thead>
                  <tr>
                    <th>{t(`survey.${key}`)}</th>
                    <th className="num">{t('admin.skm.col.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.profile[key].map((x) => (
                    <tr key={x.value}>
                      <td>
                        {x.value === 'unknown'
                          ? t('admin.skm.notGiven')
                          : t(`survey.options.${key}.${x.value}`)}
                      </td>
                      <td className="num">{x.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        </>
      )}
      {r.improvements.length > 0 && (
        <>
          <h3>{t('admin.skm.improvements')}</h3>
          <ol className="skm-improvements">
            {r.improvements.map((x) => (
              <li key={x.code}>
                <strong>
                  {x.code} {x.name}
                </strong>{' '}
                (NRR {num(x.nrr, 4)}): {x.note}
              </li>
            ))}
          </ol>
        </>
      )}
      {r.suggestions.length > 0 && (
        <>
          <h3>{t('admin.skm.suggestions')}</h3>
          <ul className="skm-suggestions">
            {r.suggestions.map((x) => (
              <li key={`${x.at}-${x.text}`}>
                <span className="muted small">{x.serviceName}:</span> {x.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
