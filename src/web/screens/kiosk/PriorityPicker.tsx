import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../app/tickets';
import type { Priority } from '../../app/types';

/** Priority service for vulnerable groups (UU 25/2009 art. 29): self-declared at the kiosk. */
export function PriorityPicker({
  value,
  onChange,
}: {
  value: Priority | null;
  onChange: (p: Priority | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="priority">
      <legend>{t('kiosk.priorityQuestion')}</legend>
      <p className="muted">{t('kiosk.priorityHelp')}</p>
      <div className="priority-options">
        {[null, ...PRIORITIES].map((p) => (
          <label key={p ?? 'none'} className={`priority-option ${value === p ? 'selected' : ''}`}>
            <input type="radio" name="priority" checked={value === p} onChange={() => onChange(p)} />
            <span>{p ? t(`priority.${p}`) : t('priority.none')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
