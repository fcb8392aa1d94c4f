import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDuration, formatFee } from '../../app/format';
import { useMall } from '../../app/mall';
import type { ServiceSummary } from '../../app/types';

export function ServiceCard({ service: s }: { service: ServiceSummary }) {
  const { t } = useTranslation();
  const mall = useMall();
  return (
    <Link to={`/${mall.slug}/services/${s.id}`} className="card service-card">
      <span className="service-name">{s.name}</span>
      <span className="muted small">{s.agencyName}</span>
      <span className="chips">
        <span className={`chip ${s.feeAmount === 0 ? 'chip-free' : ''}`}>
          {formatFee(t, s.fee ?? s.feeAmount)}
        </span>
        <span className="chip">{formatDuration(t, s.completionTime)}</span>
        {!s.servedAtMall && <span className="chip chip-warn">{t('standard.notServed')}</span>}
        {s.servedAtMall && s.quotaFull && <span className="chip chip-warn">{t('kiosk.quotaFull')}</span>}
      </span>
    </Link>
  );
}
