import type { ReportFiguresDto } from '../../../shared/contracts/reports.js';
import { addCalendarDays, isoWeekday } from '../../../shared/domain/local-time.js';
import { histogramPercentile, type Measures } from './rollup.cells.js';

const round2 = (x: number) => Math.round(x * 100) / 100;
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);

function duration(m: Measures, kind: 'wait' | 'walk' | 'service', prefix: string) {
  const n = m[`${kind}_n`] ?? 0;
  return {
    n,
    mean: n ? round2((m[`${kind}_sum`] ?? 0) / n) : null,
    p50: histogramPercentile(m, prefix, 50),
    p90: histogramPercentile(m, prefix, 90),
  };
}

/** A report's figures from summed roll-up measures. */
export function figuresOf(m: Measures): ReportFiguresDto {
  const v = (k: string) => m[k] ?? 0;
  return {
    visitors: v('visitors'),
    issued: v('issued'),
    bySource: {
      kiosk: v('issued_kiosk'),
      online: v('issued_online'),
      counter: v('issued_counter'),
      booking: v('issued_booking'),
    },
    called: v('called'),
    served: v('served'),
    noShows: v('no_shows'),
    cancelled: v('cancelled'),
    expired: v('expired'),
    transferred: v('transferred'),
    recalls: v('recalls'),
    priorityIssued: v('priority_issued'),
    priorityShare: ratio(v('priority_issued'), v('issued')),
    noShowRate: ratio(v('no_shows'), v('called')),
    transferRate: ratio(v('transferred'), v('called')),
    wait: duration(m, 'wait', 'wh'),
    walk: duration(m, 'walk', 'kh'),
    service: duration(m, 'service', 'sh'),
  };
}

/** The first local date of the period a date falls in: itself, the ISO week's Monday, the month's 1st. */
export function periodStart(date: string, period: 'day' | 'week' | 'month'): string {
  if (period === 'day') return date;
  if (period === 'week') return addCalendarDays(date, 1 - isoWeekday(date));
  return `${date.slice(0, 7)}-01`;
}

/** The last local date of the period starting at `start`, clipped to the report's end. */
export function periodEnd(start: string, period: 'day' | 'week' | 'month', to: string): string {
  let end = start;
  if (period === 'week') end = addCalendarDays(start, 6);
  if (period === 'month') {
    const [y, mo] = start.split('-').map(Number) as [number, number];
    end = addCalendarDays(mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`, -1);
  }
  return end < to ? end : to;
}
