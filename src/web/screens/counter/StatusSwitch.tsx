import { useTranslation } from 'react-i18next';

const STATUSES = ['open', 'break', 'closed'] as const;
type Status = (typeof STATUSES)[number];

/** Open / break / closed, as a group of toggle buttons. */
export function StatusSwitch({
  value,
  busy,
  onChange,
}: {
  value: string;
  busy: boolean;
  onChange: (s: Status) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented">
      <legend className="sr-only">{t('counter.status')}</legend>
      {STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={`seg seg-${s} ${value === s ? 'active' : ''}`}
          aria-pressed={value === s}
          disabled={busy}
          onClick={() => value !== s && onChange(s)}
        >
          {t(`counterStatus.${s}`)}
        </button>
      ))}
    </fieldset>
  );
}
