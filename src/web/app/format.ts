import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FeeUnit as FeeUnitSchema, TimeUnit } from '../../shared/contracts/catalog';
import { localMoment } from '../../shared/domain/local-time';

type FeeUnit = z.infer<typeof FeeUnitSchema>;
type FeeLike = {
  amount: number | null;
  unit?: FeeUnit | null;
  components?: { label: string; amount: number; unit?: FeeUnit | null }[];
};

const rupiah = (amount: number) => `Rp ${amount.toLocaleString('id-ID')}`;
const per = (t: TFunction, unit: FeeUnit | null | undefined) => (unit ? ` ${t(`units.fee.${unit}`)}` : '');

/**
 * A fee exactly as the standard states it: "Gratis" when free, "Sesuai ketentuan" when it depends on
 * the case, else the amount with its unit and further components ("Rp 500 per lembar + Leges Rp 10.000
 * per putusan/penetapan"). Accepts a bare amount for callers that only have one.
 */
export function formatFee(t: TFunction, fee: FeeLike | number | null | undefined): string {
  const f: FeeLike | null = typeof fee === 'number' ? { amount: fee } : (fee ?? null);
  const parts = (f?.components ?? []).map((c) => `${c.label} ${rupiah(c.amount)}${per(t, c.unit)}`);
  if (!f || f.amount === null) return [t('common.feeVaries'), ...parts].join(t('units.plus'));
  if (f.amount === 0 && parts.length === 0) return t('common.free');
  const main = f.amount === 0 ? [] : [`${rupiah(f.amount)}${per(t, f.unit)}`];
  return [...main, ...parts].join(t('units.plus'));
}

const UNIT_KEY = {
  minutes: 'units.minutes',
  hours: 'units.hours',
  working_days: 'units.workingDays',
  calendar_days: 'units.calendarDays',
} as const;

/** Completion time in the unit the standard uses ("24 jam", "14 hari kerja"), never converted. */
export function formatDuration(
  t: TFunction,
  time: { value: number; unit: z.infer<typeof TimeUnit> } | null | undefined,
): string {
  if (!time) return '—';
  return t(UNIT_KEY[time.unit], { count: time.value });
}

const ZONE_ABBR: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
export const zoneAbbr = (tz: string): string => ZONE_ABBR[tz] ?? tz;

export function formatTime(iso: string | Date | null | undefined, timeZone: string, seconds = false): string {
  if (!iso) return '—';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(d);
}

export function formatDate(d: Date, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

export function formatDateTime(iso: string | null | undefined, timeZone: string, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

const ID_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A calendar date 'YYYY-MM-DD' as people write it: "1 Desember 2026" (English "1 December 2026").
 * Spelled out here rather than through Intl so it reads the same on every browser and never shifts a day
 * through a time zone.
 */
export function formatLocalDate(date: string | null | undefined, lang = 'id'): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return date ?? '—';
  const months = lang === 'en' ? EN_MONTHS : ID_MONTHS;
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The mall-local day of an instant, in words: "1 Desember 2026". */
export function formatDay(iso: string | null | undefined, timeZone: string, lang = 'id'): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return iso ?? '—';
  return formatLocalDate(localMoment(d, timeZone).date, lang);
}
