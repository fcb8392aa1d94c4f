import { useTranslation } from 'react-i18next';
import { formatDuration, formatFee } from '../app/format';
import type { StandardBody } from '../app/types';

/** All 14 components of a service standard (UU 25/2009 art. 21), in the law's order. */
export function FullStandard({ body }: { body: StandardBody }) {
  const { t } = useTranslation();
  const text = (s: string) => (s ? s : <span className="muted">{t('standard.empty')}</span>);
  const rows: [string, React.ReactNode][] = [
    ['legalBasis', text(body.legalBasis)],
    [
      'requirements',
      <ol key="r">
        {body.requirements.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ol>,
    ],
    [
      'procedure',
      <ol key="p">
        {body.procedure.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ol>,
    ],
    ['completionTime', formatDuration(t, body.completionTime)],
    [
      'fee',
      <>
        <strong>{formatFee(t, body.fee)}</strong> — {body.fee.legalBasis}
        {body.fee.note ? <div className="muted">{body.fee.note}</div> : null}
      </>,
    ],
    ['product', text(body.product)],
    ['facilities', text(body.facilities)],
    ['officerCompetence', text(body.officerCompetence)],
    ['internalSupervision', text(body.internalSupervision)],
    ['complaintHandling', text(body.complaintHandling)],
    ['officerCount', body.officerCount ?? <span className="muted">{t('standard.empty')}</span>],
    ['serviceGuarantee', text(body.serviceGuarantee)],
    ['securityGuarantee', text(body.securityGuarantee)],
    ['performanceEvaluation', text(body.performanceEvaluation)],
  ];
  const published = new Set([
    'requirements',
    'procedure',
    'completionTime',
    'fee',
    'product',
    'complaintHandling',
  ]);
  return (
    <dl className="full-standard">
      {rows.map(([key, value], i) => (
        <div key={key} className="std-row">
          <dt>
            {i + 1}. {t(`standard.${key}`)}
            {published.has(key) && <span className="chip chip-published">{t('standard.published')}</span>}
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
