import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localMoment } from '../../shared/domain/local-time';
import { formatDay, formatTime, zoneAbbr } from '../app/format';
import { useMall } from '../app/mall';
import type { OpeningDay } from '../app/types';
import { useApi } from '../app/useApi';

const span = (d: OpeningDay) => `${d.opens}–${d.closes}`;
const roundTheClock = (d: OpeningDay) => d.opens === '00:00' && d.closes === '24:00' && d.breaks.length === 0;

/** Consecutive weekdays with the same hours as one line: "Senin–Kamis 08:00–15:00". */
function lines(t: TFunction, days: OpeningDay[]) {
  const sorted = [...days].sort((a, b) => a.weekday - b.weekday);
  const out: { label: string; hours: string; breaks: string }[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    let j = i;
    const key = JSON.stringify([first.opens, first.closes, first.breaks]);
    while (
      j + 1 < sorted.length &&
      sorted[j + 1]!.weekday === sorted[j]!.weekday + 1 &&
      JSON.stringify([sorted[j + 1]!.opens, sorted[j + 1]!.closes, sorted[j + 1]!.breaks]) === key
    )
      j++;
    const last = sorted[j]!;
    out.push({
      label:
        first.weekday === last.weekday
          ? t(`weekday.${first.weekday}`)
          : `${t(`weekday.${first.weekday}`)}–${t(`weekday.${last.weekday}`)}`,
      hours: roundTheClock(first) ? `${t('hours.roundTheClock')} (${span(first)})` : span(first),
      breaks: first.breaks.map((b) => `${b.label} ${b.start}–${b.end}`).join(', '),
    });
    i = j + 1;
  }
  return out;
}

/** "13:00 WIB" later today, else "Senin, 7 Desember 2026 08:00 WIB". */
function nextLabel(t: TFunction, iso: string, tz: string, lang: string) {
  const m = localMoment(new Date(iso), tz);
  const time = `${formatTime(iso, tz)} ${zoneAbbr(tz)}`;
  if (m.date === localMoment(new Date(), tz).date) return time;
  return `${t(`weekday.${m.weekday}`)}, ${formatDay(iso, tz, lang)} ${time}`;
}

/**
 * The mall's opening hours for citizens (portal, kiosk, ticket page): open now or when it opens next,
 * the week's hours with breaks, and days it is closed. `compact` shows only the status line.
 */
export function OpeningHours({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const mall = useMall();
  const hours = useApi('/api/v1/malls/{mall}/opening-hours', { params: { path: { mall: mall.slug } } });
  const h = hours.data;
  if (!h) return null;
  const tz = mall.timezone;
  const next = h.now.nextOpening;
  const when = next ? nextLabel(t, next, tz, i18n.language) : null;
  // The days with hours are the days it serves (the working week is for SLA arithmetic).
  const open = h.days;
  const closedDays = [1, 2, 3, 4, 5, 6, 7].filter((w) => !open.some((d) => d.weekday === w));
  return (
    <section className={`opening-hours ${compact ? 'compact' : ''}`} aria-labelledby="oh-h">
      <h2 id="oh-h" className={compact ? 'sr-only' : ''}>
        {t('hours.title')}
      </h2>
      <p className={`opening-now ${h.now.open ? 'is-open' : 'is-closed'}`} data-testid="opening-now">
        <strong>{h.now.open ? t('hours.openNow') : t('hours.closedNow')}</strong>
        {when && <> · {t('hours.nextOpening', { when })}</>}
      </p>
      {!compact && (
        <dl className="opening-week">
          {lines(t, open).map((l) => (
            <div key={l.label}>
              <dt>{l.label}</dt>
              <dd>
                {l.hours}
                {l.breaks && <span className="muted"> · {l.breaks}</span>}
              </dd>
            </div>
          ))}
          {closedDays.length > 0 && (
            <div>
              <dt>{closedDays.map((w) => t(`weekday.${w}`)).join(', ')}</dt>
              <dd>{t('hours.closed')}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
