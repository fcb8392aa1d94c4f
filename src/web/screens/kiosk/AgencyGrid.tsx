import { useTranslation } from 'react-i18next';
import type { AgencyView } from '../../app/types';

/** Big touch tiles, one per agency that has services at the mall. */
export function AgencyGrid({
  agencies,
  onPick,
}: {
  agencies: AgencyView[];
  onPick: (a: AgencyView) => void;
}) {
  const { t } = useTranslation();
  const shown = agencies.filter((a) => !a.retired && (a.serviceCount ?? 1) > 0);
  return (
    <ul className="tile-grid" aria-label={t('kiosk.agencies')}>
      {shown.map((a) => (
        <li key={a.id}>
          <button type="button" className="tile" onClick={() => onPick(a)}>
            <span className="tile-title">{a.name}</span>
            <span className="tile-sub">{t('kiosk.serviceCount', { count: a.serviceCount ?? 0 })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
