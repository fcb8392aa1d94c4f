import { useTranslation } from 'react-i18next';
import { formatDuration, formatFee } from '../../app/format';
import type { ServiceSummary } from '../../app/types';

/** The services to choose from (of one agency, or search results), each with its fee and time. */
export function ServiceList({
  services,
  onPick,
  label,
}: {
  services: ServiceSummary[];
  onPick: (s: ServiceSummary) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="service-tiles" aria-label={label}>
      {services.map((s) => (
        <li key={s.id}>
          <button type="button" className="tile tile-wide" onClick={() => onPick(s)}>
            <span className="tile-title">{s.name}</span>
            <span className="tile-sub">
              {s.agencyName} · {formatDuration(t, s.completionTime)} ·{' '}
              <strong className={s.feeAmount === 0 ? 'free' : ''}>
                {formatFee(t, s.fee ?? s.feeAmount)}
              </strong>
            </span>
            {!s.servedAtMall && <span className="chip chip-warn">{t('standard.notServed')}</span>}
            {s.servedAtMall && s.quotaFull && <span className="chip chip-warn">{t('kiosk.quotaFull')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
