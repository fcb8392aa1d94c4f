import { useTranslation } from 'react-i18next';
import { formatDay, formatDuration, formatFee } from '../app/format';
import { useMall } from '../app/mall';
import type { ServiceDetail } from '../app/types';

/**
 * The six published components of a service standard (requirements, procedure, completion time,
 * fee, product, complaint handling). `compact` (kiosk) leaves out the procedure and complaint text.
 */
export function StandardView({ service, compact = false }: { service: ServiceDetail; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const s = service.standard;
  return (
    <div className="standard">
      <dl className="facts">
        <div className="fact">
          <dt>{t('standard.completionTime')}</dt>
          <dd>{formatDuration(t, s.completionTime)}</dd>
        </div>
        <div className="fact">
          <dt>{t('standard.fee')}</dt>
          <dd className={s.fee.amount === 0 ? 'free' : ''}>{formatFee(t, s.fee)}</dd>
        </div>
        <div className="fact">
          <dt>{t('standard.product')}</dt>
          <dd>{s.product}</dd>
        </div>
      </dl>
      <section aria-labelledby="std-req">
        <h3 id="std-req">{t('standard.requirements')}</h3>
        <ol className="req-list">
          {s.requirements.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ol>
      </section>
      {!compact && (
        <>
          <section aria-labelledby="std-proc">
            <h3 id="std-proc">{t('standard.procedure')}</h3>
            <ol className="steps">
              {s.procedure.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="std-fee">
            <h3 id="std-fee">{t('standard.feeLegalBasis')}</h3>
            <p>{s.fee.legalBasis}</p>
            {s.fee.note && <p className="muted">{s.fee.note}</p>}
            <p className="notice">{t('standard.noExtraFees')}</p>
          </section>
          <section aria-labelledby="std-complaint">
            <h3 id="std-complaint">{t('standard.complaintHandling')}</h3>
            <p>{s.complaintHandling}</p>
          </section>
        </>
      )}
      <p className="muted small">
        {t('standard.version', {
          version: s.version,
          date: formatDay(s.validFrom, mall.timezone, i18n.language),
        })}
      </p>
    </div>
  );
}
