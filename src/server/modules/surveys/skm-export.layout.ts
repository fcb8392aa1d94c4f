import type { SkmReportDto } from '../../../shared/contracts/surveys.js';

/**
 * The printed SKM report's words and figures, shared by the PDF and the XLSX export, in the layout
 * agencies publish (PermenPANRB 14/2017): title, unit and period, the per-element table (Σ scores,
 * respondents, NRR, weight, weighted NRR), IKM and grade, the sample check, respondent profile,
 * results per service, improvement notes and the respondents' suggestions. Bahasa Indonesia.
 */
export const idNumber = (v: number | null, decimals: number): string =>
  v === null ? '–' : v.toFixed(decimals).replace('.', ',');

export const PROFILE_TITLES: Record<keyof SkmReportDto['profile'], string> = {
  ageBand: 'Usia',
  sex: 'Jenis kelamin',
  education: 'Pendidikan',
  occupation: 'Pekerjaan',
};

export const PROFILE_VALUES: Record<string, string> = {
  under_20: '< 20 tahun',
  '20_29': '20–29 tahun',
  '30_39': '30–39 tahun',
  '40_49': '40–49 tahun',
  '50_59': '50–59 tahun',
  '60_plus': '60 tahun ke atas',
  male: 'Laki-laki',
  female: 'Perempuan',
  sd: 'SD ke bawah',
  smp: 'SMP',
  sma: 'SMA/SMK',
  diploma: 'D1–D3',
  s1: 'D4/S1',
  s2: 'S2',
  s3: 'S3',
  pns: 'PNS/ASN',
  tni_polri: 'TNI/Polri',
  swasta: 'Pegawai swasta',
  wirausaha: 'Wirausaha',
  pelajar: 'Pelajar/mahasiswa',
  lainnya: 'Lainnya',
  unknown: 'Tidak diisi',
};

const LONG_MONTHS = [
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
export const idDate = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number);
  return `${day} ${LONG_MONTHS[(m ?? 1) - 1]} ${y}`;
};

export function headerLines(r: SkmReportDto): string[] {
  const unit = r.serviceName
    ? `Layanan: ${r.serviceName}${r.agencyName ? ` (${r.agencyName})` : ''}`
    : r.agencyName
      ? `Instansi: ${r.agencyName}`
      : 'Seluruh layanan mal';
  return [
    r.mall.name,
    unit,
    `Periode: ${idDate(r.from)} s.d. ${idDate(r.to)}`,
    'Dasar: Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan SKM',
  ];
}

export function summaryLines(r: SkmReportDto): string[] {
  const s = r.sample;
  const source =
    s.populationSource === 'given'
      ? 'ditetapkan'
      : `tiket selesai ${idDate(s.previousFrom)} s.d. ${idDate(s.previousTo)}`;
  return [
    `Jumlah responden: ${r.respondents}`,
    `Nilai SKM (1–4): ${idNumber(r.skm, 4)}   IKM (25–100): ${idNumber(r.ikm, 2)}`,
    `Mutu pelayanan: ${r.grade ?? '–'}${r.label ? ` (${r.label})` : ''}`,
    `Sampel minimal (Krejcie–Morgan) untuk populasi ${s.population} (${source}): ${s.required} — ${
      s.sufficient === null
        ? 'populasi belum diketahui'
        : s.sufficient
          ? 'sampel cukup'
          : 'sampel belum cukup'
    }`,
    ...(r.legacy
      ? [
          `Pembanding cara lama (bobot ${idNumber(r.legacy.weights[0] ?? null, 3)}, NRR dibulatkan): IKM ${idNumber(r.legacy.ikm, 2)} (${r.legacy.grade}) — bukan angka resmi`,
        ]
      : []),
    ...(r.unanswered.length
      ? [`Unsur tanpa jawaban (bobot dibagi ke unsur lain): ${r.unanswered.join(', ')}`]
      : []),
  ];
}

export const ELEMENT_HEAD = [
  'No',
  'Kode',
  'Unsur pelayanan',
  'Jumlah nilai',
  'Responden',
  'NRR',
  'Bobot',
  'NRR tertimbang',
];
export const elementRows = (r: SkmReportDto): string[][] =>
  r.elements.map((e, i) => [
    String(i + 1),
    e.code,
    e.name,
    String(e.sum),
    String(e.answered),
    idNumber(e.nrr, 4),
    e.weight,
    idNumber(e.nrrWeighted, 4),
  ]);

export const fileName = (r: SkmReportDto, ext: string): string =>
  `skm-${r.mall.slug}${r.serviceId ? `-layanan-${r.serviceId}` : r.agencyId ? `-instansi-${r.agencyId}` : ''}-${r.from}-${r.to}.${ext}`;
