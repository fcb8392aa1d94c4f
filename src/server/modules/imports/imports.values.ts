import type { z } from 'zod';
import {
  type AgencyType,
  type FeeComponent,
  FeeUnit,
  type ServiceKind,
  type TimeUnit,
} from '../../../shared/contracts/catalog.js';

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

/** "menit", "jam", "hari kerja" (or "hari"), "hari kalender", and their English names: kept as stated. */
export function readUnit(s: string): Read<z.infer<typeof TimeUnit>> {
  const k = key(s);
  if (['minutes', 'minute', 'menit', 'mnt'].includes(k)) return { value: 'minutes' };
  if (['hours', 'hour', 'jam'].includes(k)) return { value: 'hours' };
  if (['working days', 'working day', 'days', 'hari kerja', 'hari', 'hk'].includes(k))
    return { value: 'working_days' };
  if (['calendar days', 'calendar day', 'hari kalender', 'hari kalendar'].includes(k))
    return { value: 'calendar_days' };
  return {
    error:
      'harus "menit", "jam", "hari kerja" atau "hari kalender" (must be minutes, hours, working_days or calendar_days)',
  };
}

const FEE_UNITS: Record<string, z.infer<typeof FeeUnit>> = {
  permohonan: 'per_application',
  application: 'per_application',
  dokumen: 'per_document',
  berkas: 'per_document',
  document: 'per_document',
  halaman: 'per_page',
  page: 'per_page',
  lembar: 'per_sheet',
  sheet: 'per_sheet',
  buku: 'per_book',
  book: 'per_book',
  sertipikat: 'per_certificate',
  sertifikat: 'per_certificate',
  certificate: 'per_certificate',
  bidang: 'per_parcel',
  parcel: 'per_parcel',
  perkara: 'per_case',
  case: 'per_case',
  putusan: 'per_decision',
  penetapan: 'per_decision',
  decision: 'per_decision',
  akta: 'per_deed',
  deed: 'per_deed',
  orang: 'per_person',
  person: 'per_person',
  kendaraan: 'per_vehicle',
  vehicle: 'per_vehicle',
};

/** "per lembar", "lembar", "per_sheet": what one amount is charged for. Empty means no unit. */
export function readFeeUnit(s: string): Read<z.infer<typeof FeeUnit> | null> {
  const k = key(s).replace(/^per /, '').split(/[ /]/)[0] ?? '';
  if (k === '') return { value: null };
  const unit = FEE_UNITS[k] ?? FeeUnit.options.find((u) => u === `per_${k}`);
  return unit
    ? { value: unit }
    : { error: 'tidak dikenal; mis. "per lembar", "per dokumen", "per permohonan" (unknown fee unit)' };
}

/** "Leges Rp10.000 per putusan; Meterai Rp10.000": further charges, one per line or semicolon. */
export function readFeeComponents(s: string): Read<z.infer<typeof FeeComponent>[]> {
  const out: z.infer<typeof FeeComponent>[] = [];
  for (const part of readList(s, /\r?\n|;/)) {
    const m = /^(.*?)\s*((?:rp\.?\s*)?\d[\d.,]*(?:,-)?)\s*(per\s+.+)?$/i.exec(part);
    const amount = m?.[2] ? readFee(m[2]) : null;
    const unit = m?.[3] ? readFeeUnit(m[3]) : { value: null };
    if (!m?.[1] || !amount || !('value' in amount) || amount.value === null || !('value' in unit))
      return {
        error: `"${part.slice(0, 60)}" bukan "Nama Rp jumlah per satuan" (not "name amount per unit")`,
      };
    out.push({ label: m[1].trim(), amount: amount.value, ...(unit.value && { unit: unit.value }) });
  }
  return { value: out };
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
