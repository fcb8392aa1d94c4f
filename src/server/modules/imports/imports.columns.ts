/** The columns of a catalog spreadsheet: one row per service. */
export const COLUMNS = [
  'agency_key',
  'agency_name',
  'agency_type',
  'service_name',
  'kind',
  'keywords',
  'requirements',
  'procedure',
  'completion_value',
  'completion_unit',
  'fee_amount',
  'fee_legal_basis',
  'fee_unit',
  'fee_components',
  'product',
  'complaint_handling',
  'served_at_mall',
  'not_served_note',
  'legal_basis',
] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * Columns every file must have. agency_name/agency_type are needed only for new agencies; the
 * other optional columns, when absent, leave an existing service's value as it is.
 */
export const REQUIRED_COLUMNS: readonly Column[] = [
  'agency_key',
  'service_name',
  'kind',
  'requirements',
  'procedure',
  'completion_value',
  'completion_unit',
  'fee_amount',
  'fee_legal_basis',
  'product',
  'complaint_handling',
];

/** Indonesian label (shown in messages) and the header names agencies actually use. */
const SPEC: Record<Column, { label: string; aliases: string[] }> = {
  agency_key: { label: 'Kode instansi', aliases: ['kode_instansi', 'instansi_kode', 'kode_opd'] },
  agency_name: { label: 'Nama instansi', aliases: ['nama_instansi', 'instansi', 'nama_opd'] },
  agency_type: { label: 'Jenis instansi', aliases: ['jenis_instansi', 'tipe_instansi'] },
  service_name: { label: 'Nama layanan', aliases: ['nama_layanan', 'layanan', 'jenis_layanan'] },
  kind: { label: 'Jenis (perizinan/non perizinan)', aliases: ['jenis', 'sifat_layanan', 'kategori'] },
  keywords: { label: 'Kata kunci', aliases: ['kata_kunci'] },
  requirements: { label: 'Persyaratan', aliases: ['persyaratan', 'syarat'] },
  procedure: {
    label: 'Prosedur',
    aliases: ['prosedur', 'alur', 'sistem_mekanisme_dan_prosedur', 'mekanisme', 'sop'],
  },
  completion_value: {
    label: 'Jangka waktu penyelesaian',
    aliases: ['waktu_penyelesaian', 'jangka_waktu', 'jangka_waktu_penyelesaian', 'waktu'],
  },
  completion_unit: { label: 'Satuan waktu', aliases: ['satuan_waktu', 'satuan'] },
  fee_amount: { label: 'Biaya', aliases: ['biaya', 'tarif', 'biaya_tarif', 'retribusi'] },
  fee_legal_basis: {
    label: 'Dasar hukum biaya',
    aliases: ['dasar_hukum_biaya', 'dasar_hukum_tarif', 'dasar_biaya'],
  },
  fee_unit: { label: 'Satuan biaya', aliases: ['satuan_biaya', 'satuan_tarif', 'biaya_per'] },
  fee_components: {
    label: 'Komponen biaya lain',
    aliases: ['komponen_biaya', 'biaya_lain', 'biaya_tambahan', 'leges'],
  },
  product: { label: 'Produk layanan', aliases: ['produk', 'produk_layanan', 'produk_pelayanan'] },
  complaint_handling: {
    label: 'Penanganan pengaduan',
    aliases: ['pengaduan', 'penanganan_pengaduan', 'penanganan_pengaduan_saran_dan_masukan'],
  },
  served_at_mall: {
    label: 'Dilayani di MPP',
    aliases: ['dilayani_di_mpp', 'dilayani_di_mal', 'layanan_di_mpp', 'di_mpp'],
  },
  not_served_note: {
    label: 'Keterangan bila tidak dilayani',
    aliases: ['keterangan', 'catatan', 'keterangan_tidak_dilayani'],
  },
  legal_basis: { label: 'Dasar hukum', aliases: ['dasar_hukum', 'dasar_hukum_layanan'] },
};

export const columnLabel = (c: Column): string => SPEC[c].label;

/** "Biaya (Rp)", " Kode Instansi " and "kode-instansi" all become "biaya" / "kode_instansi". */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const LOOKUP = new Map<string, Column>(
  COLUMNS.flatMap((c) => [[c, c] as const, ...SPEC[c].aliases.map((a) => [a, c] as const)]),
);

/** The column a header names, or undefined for columns we do not read (e.g. "No"). */
export const columnFor = (header: string): Column | undefined => LOOKUP.get(normalizeHeader(header));
