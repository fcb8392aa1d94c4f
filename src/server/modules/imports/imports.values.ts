import type { z } from 'zod';
import type { AgencyType, ServiceKind, TimeUnit } from '../../../shared/contracts/catalog.js';

/** A cell read into a value, or the reason it cannot be (Bahasa Indonesia first, English second). */
export type Read<T> = { value: T } | { error: string };

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** "Perizinan", "non-perizinan", "Non Perizinan", "licensing", "non_licensing". */
export function readKind(s: string): Read<z.infer<typeof ServiceKind>> {
  const k = key(s).replace(/^non ?/, 'non ');
  if (['licensing', 'perizinan', 'izin'].includes(k)) return { value: 'licensing' };
  if (['non licensing', 'non perizinan', 'non izin'].includes(k)) return { value: 'non_licensing' };
  return { error: 'harus "perizinan" atau "non perizinan" (must be licensing or non_licensing)' };
}

/** "menit"/"minutes" or "hari kerja"/"hari"/"working_days". */
export function readUnit(s: string): Read<z.infer<typeof TimeUnit>> {
  const k = key(s);
  if (['minutes', 'minute', 'menit', 'mnt'].includes(k)) return { value: 'minutes' };
  if (['working days', 'working day', 'days', 'hari kerja', 'hari', 'hk'].includes(k))
    return { value: 'working_days' };
  return { error: 'harus "menit" atau "hari kerja" (must be minutes or working_days)' };
}

/** "14", "2,5", "1.5". */
export function readNumber(s: string): Read<number> {
  const t = s.trim().replace(',', '.');
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? { value: n } : { error: 'harus berupa angka (must be a number)' };
}

/**
 * Rupiah: "Rp 30.000", "30000", "30,000", "Rp30.000,00", "Gratis", "0". An empty cell means the
 * fee depends on the case (null); it is not the same as free.
 */
export function readFee(s: string): Read<number | null> {
  const t = s.trim().toLowerCase();
  if (t === '') return { value: null };
  if (['gratis', 'free', 'tidak dipungut biaya', 'nihil'].includes(t)) return { value: 0 };
  const digits = t
    .replace(/^rp\.?/, '')
    .replace(/\s+/g, '')
    .replace(/,-$/, '');
  const m = /^(\d+|\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)(?:[.,]0{1,2})?$/.exec(digits);
  if (!m?.[1])
    return { error: 'bukan jumlah rupiah yang sah, mis. "Rp 30.000" atau "Gratis" (not a rupiah amount)' };
  return { value: Number(m[1].replace(/[.,]/g, '')) };
}

/** ya/tidak, yes/no, true/false, 1/0; empty means yes (served at the mall). */
export function readYesNo(s: string): Read<boolean> {
  const k = key(s);
  if (['', 'ya', 'y', 'yes', 'true', '1', 'iya'].includes(k)) return { value: true };
  if (['tidak', 't', 'no', 'n', 'false', '0', 'tdk'].includes(k)) return { value: false };
  return { error: 'harus "ya" atau "tidak" (must be yes or no)' };
}

const AGENCY_TYPES: Record<string, z.infer<typeof AgencyType>> = {
  'regency office': 'regency_office',
  opd: 'regency_office',
  'perangkat daerah': 'regency_office',
  'provincial office': 'provincial_office',
  provinsi: 'provincial_office',
  'opd provinsi': 'provincial_office',
  'vertical agency': 'vertical_agency',
  vertikal: 'vertical_agency',
  'instansi vertikal': 'vertical_agency',
  'state enterprise': 'state_enterprise',
  bumn: 'state_enterprise',
  'regional enterprise': 'regional_enterprise',
  bumd: 'regional_enterprise',
  private: 'private',
  swasta: 'private',
};

/** The agency types of the contract, or their everyday names (OPD, vertikal, BUMN, BUMD, swasta). */
export function readAgencyType(s: string): Read<z.infer<typeof AgencyType>> {
  const t = AGENCY_TYPES[key(s)];
  return t
    ? { value: t }
    : { error: 'tidak dikenal; pakai OPD, provinsi, vertikal, BUMN, BUMD atau swasta (unknown agency type)' };
}

/** Items split by `separators`, with list marks such as "1.", "2)", "-" or "•" removed. */
export function readList(s: string, separators: RegExp): string[] {
  return s
    .split(separators)
    .map((item) => item.replace(/^\s*(?:\d{1,3}[.)]|[-•*])\s+/, '').trim())
    .filter((item) => item !== '');
}
