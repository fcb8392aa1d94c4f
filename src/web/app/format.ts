import type { TFunction } from 'i18next';

/** "Gratis" when 0, "Rp 30.000" otherwise, "sesuai ketentuan" when the amount depends on the case. */
export function formatFee(t: TFunction, amount: number | null | undefined): string {
  if (amount === 0) return t('common.free');
  if (amount === null || amount === undefined) return t('common.feeVaries');
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

export function formatDuration(
  t: TFunction,
  time: { value: number; unit: 'minutes' | 'working_days' } | null | undefined,
): string {
  if (!time) return '—';
  return time.unit === 'minutes'
    ? t('common.minutes', { count: time.value })
    : t('common.workingDays', { count: time.value });
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
