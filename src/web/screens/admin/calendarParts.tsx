import { useTranslation } from 'react-i18next';
import type { CalendarWarning } from '../../app/types';
import { useApi } from '../../app/useApi';

/** "Senin, 17 Agustus 2026": a local calendar date, never shifted through the browser's time zone. */
export function formatDay(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function KindChip({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <span className={`chip chip-cal-${kind}`}>{t(`admin.calendar.kind.${kind}`)}</span>;
}

export function WarningList({ warnings }: { warnings: CalendarWarning[] }) {
  const { t } = useTranslation();
  return (
    <>
      {warnings.map((w) => (
        <p key={w.code + w.year} className="notice calendar-warning" role="status">
          {t('admin.calendar.nextYearMissing', { year: w.year })}
        </p>
      ))}
    </>
  );
}

/** The admin dashboard's banner: shown on every admin page while next year's list is missing. */
export function CalendarWarningBanner({ slug }: { slug: string }) {
  const cal = useApi('/api/v1/malls/{mall}/calendar', {
    params: { path: { mall: slug }, query: { year: new Date().getFullYear() } },
  });
  if (!cal.data?.warnings.length) return null;
  return <WarningList warnings={cal.data.warnings} />;
}
