/**
 * Indonesian-friendly search: case- and diacritics-insensitive, and common abbreviations expanded
 * so that "skck", "sim", "ktp", "kk", "npwp" or "pbg" find their services.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Abbreviation → the words it stands for (both directions are indexed). */
export const ABBREVIATIONS: Record<string, string> = {
  skck: 'surat keterangan catatan kepolisian',
  sim: 'surat izin mengemudi',
  ktp: 'kartu tanda penduduk',
  kk: 'kartu keluarga',
  kia: 'kartu identitas anak',
  npwp: 'nomor pokok wajib pajak',
  pbg: 'persetujuan bangunan gedung',
  imb: 'izin mendirikan bangunan persetujuan bangunan gedung',
  slf: 'sertifikat laik fungsi',
  nib: 'nomor induk berusaha',
  pkb: 'pajak kendaraan bermotor',
  stnk: 'surat tanda nomor kendaraan',
  bpjs: 'badan penyelenggara jaminan sosial',
  pbb: 'pajak bumi dan bangunan',
  bphtb: 'bea perolehan hak atas tanah dan bangunan',
  siup: 'surat izin usaha perdagangan',
  akta: 'akta kelahiran kematian perkawinan',
  paspor: 'passport',
  kpr: 'kredit pemilikan rumah',
};

/** Builds the text a service is searched by: its name, agency, keywords and expanded abbreviations. */
export function buildSearchText(parts: string[]): string {
  const base = normalizeText(parts.join(' '));
  const words = new Set(base.split(' '));
  const extra: string[] = [];
  for (const [abbr, full] of Object.entries(ABBREVIATIONS)) {
    if (words.has(abbr)) extra.push(full);
    else if (base.includes(full)) extra.push(abbr);
  }
  return [base, ...extra].join(' ');
}

/** True when every word of the query occurs (as a word prefix) in the indexed text. */
export function matchesQuery(searchText: string, query: string): boolean {
  const q = normalizeText(query);
  if (!q) return true;
  const hay = ` ${searchText} `;
  return q.split(' ').every((w) => hay.includes(` ${w}`));
}
