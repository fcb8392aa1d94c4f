/**
 * NIK (Nomor Induk Kependudukan), the 16-digit identity number on every KTP-el:
 * province (2) · regency/city (2) · district (2) · birth date DDMMYY, women adding 40 to the day (6) ·
 * serial (4). The shape, the province code and the birth date are checked; whether a NIK was
 * actually issued only Dukcapil can say.
 */

/**
 * Province codes (Kemendagri / BPS), including the provinces formed in 2022 (Papua Selatan 93,
 * Papua Tengah 94, Papua Pegunungan 95, Papua Barat Daya 96).
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

export type NikProblem = 'length' | 'digits' | 'province' | 'regency' | 'district' | 'birth_date' | 'serial';

export interface NikParts {
  nik: string;
  provinceCode: string;
  province: string;
  regencyCode: string;
  districtCode: string;
  sex: 'male' | 'female';
  /** YYYY-MM-DD; the century is the latest that does not put the birth after `today`. */
  birthDate: string;
  serial: string;
}

export type NikResult = { ok: true; parts: NikParts } | { ok: false; problem: NikProblem };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/**
 * Checks a NIK as typed (spaces, dots and dashes between digit groups are ignored). `today` (UTC
 * date is enough) decides the century of the two-digit birth year.
 */
export function parseNik(input: string, today: Date = new Date()): NikResult {
  const nik = input.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(nik)) return { ok: false, problem: 'digits' };
  if (nik.length !== 16) return { ok: false, problem: 'length' };
  const provinceCode = nik.slice(0, 2);
  const province = PROVINCE_CODES[provinceCode];
  if (!province) return { ok: false, problem: 'province' };
  const regencyCode = nik.slice(2, 4);
  if (regencyCode === '00') return { ok: false, problem: 'regency' };
  const districtCode = nik.slice(4, 6);
  if (districtCode === '00') return { ok: false, problem: 'district' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'female' : 'male';
  if (sex === 'female') day -= 40;
  const thisYear = today.getUTCFullYear();
  let year = 2000 + yy;
  const todayIso = today.toISOString().slice(0, 10);
  const iso = (y: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (year > thisYear || (year === thisYear && iso(year) > todayIso)) year -= 100;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return { ok: false, problem: 'birth_date' };
  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, problem: 'serial' };
  return {
    ok: true,
    parts: { nik, provinceCode, province, regencyCode, districtCode, sex, birthDate: iso(year), serial },
  };
}
