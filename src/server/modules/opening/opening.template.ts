/**
 * What a new mall starts with: the usual road as the five reports describe it (Purbalingga's public
 * consultation, Sragen's agreements before the soft opening, Pandeglang's stages with electronic
 * signature among the last items, Kudus' five readiness areas, Sumedang's four months from commitment
 * to trial). Due dates are days after the mall is created; admins edit, add and drop from here.
 */
export interface TemplateStage {
  name: string;
  milestone?: 'trial' | 'soft_opening' | 'grand_opening';
  actions: { title: string; owner: string; dueDays: number }[];
}

export const PLAN_TEMPLATE: TemplateStage[] = [
  {
    name: 'Komitmen dan dasar hukum',
    actions: [
      { title: 'Komitmen kepala daerah ditandatangani', owner: 'Bupati/Wali Kota', dueDays: 7 },
      { title: 'SK tim persiapan MPP', owner: 'Sekretariat Daerah', dueDays: 14 },
      { title: 'Peraturan Bupati tentang penyelenggaraan MPP', owner: 'Bagian Hukum', dueDays: 45 },
      { title: 'Anggaran MPP dalam APBD/APBD-P', owner: 'BPKAD', dueDays: 45 },
    ],
  },
  {
    name: 'Konsultasi publik dan pemilihan instansi',
    actions: [
      { title: 'Forum konsultasi publik tentang layanan yang dibutuhkan', owner: 'DPMPTSP', dueDays: 21 },
      { title: 'Daftar instansi calon dan penetapan yang bergabung', owner: 'DPMPTSP', dueDays: 30 },
    ],
  },
  {
    name: 'Perjanjian kerja sama',
    actions: [
      { title: 'Nota kesepakatan dengan setiap instansi', owner: 'DPMPTSP', dueDays: 60 },
      { title: 'Perjanjian kerja sama (PKS) dengan setiap instansi', owner: 'DPMPTSP', dueDays: 75 },
    ],
  },
  {
    name: 'Standar pelayanan dan SOP',
    actions: [
      { title: 'Standar pelayanan setiap layanan di MPP', owner: 'Setiap instansi', dueDays: 60 },
      { title: 'SOP umum MPP: pendaftaran, antrean, layanan sampai selesai', owner: 'DPMPTSP', dueDays: 60 },
      { title: 'Maklumat pelayanan', owner: 'DPMPTSP', dueDays: 90 },
    ],
  },
  {
    name: 'Gedung dan peralatan',
    actions: [
      { title: 'Penetapan gedung MPP', owner: 'Sekretariat Daerah', dueDays: 30 },
      { title: 'Renovasi gedung dan tata letak loket', owner: 'Dinas PUPR', dueDays: 90 },
      { title: 'Mebel, anjungan antrean, layar dan pengeras suara', owner: 'DPMPTSP', dueDays: 100 },
      {
        title: 'Fasilitas kelompok rentan (ramp, ruang laktasi, kursi roda)',
        owner: 'DPMPTSP',
        dueDays: 100,
      },
    ],
  },
  {
    name: 'Jaringan dan teknologi informasi',
    actions: [
      { title: 'Jaringan internet dan listrik cadangan', owner: 'Diskominfo', dueDays: 90 },
      { title: 'Aplikasi antrean dan integrasi sistem instansi', owner: 'Diskominfo', dueDays: 100 },
      { title: 'Tanda tangan elektronik (TTE) untuk dokumen layanan', owner: 'Diskominfo', dueDays: 110 },
    ],
  },
  {
    name: 'SDM dan pelatihan',
    actions: [
      { title: 'Penugasan petugas dari setiap instansi', owner: 'Setiap instansi', dueDays: 100 },
      { title: 'Pelatihan pelayanan prima dan aplikasi', owner: 'DPMPTSP', dueDays: 110 },
    ],
  },
  {
    name: 'Sosialisasi',
    actions: [{ title: 'Sosialisasi kepada masyarakat', owner: 'Diskominfo', dueDays: 115 }],
  },
  {
    name: 'Uji coba',
    milestone: 'trial',
    actions: [{ title: 'Uji coba layanan', owner: 'DPMPTSP', dueDays: 120 }],
  },
  {
    name: 'Soft opening',
    milestone: 'soft_opening',
    actions: [{ title: 'Soft opening: layanan mulai berjalan', owner: 'DPMPTSP', dueDays: 135 }],
  },
  {
    name: 'Grand opening',
    milestone: 'grand_opening',
    actions: [{ title: 'Peresmian (grand opening)', owner: 'Bupati/Wali Kota', dueDays: 165 }],
  },
];

/** Rules that derive a readiness item from the mall's data (readiness.rules.ts). */
export type ReadinessRule =
  | 'agencies_joined'
  | 'mou_signed'
  | 'pks_signed'
  | 'counters_for_agencies'
  | 'standards_published'
  | 'dualism_on_plan'
  | 'opening_hours_set';

export const READINESS_AREAS = {
  regional_head: 'Komitmen kepala daerah',
  agencies: 'Komitmen instansi',
  facilities: 'Sarana dan prasarana',
  service_system: 'Sistem pelayanan: standar pelayanan dan SOP',
  business_system: 'Sistem bisnis',
} as const;
export type AreaKey = keyof typeof READINESS_AREAS;

/** Kudus' five areas; `rule` marks a computed item. */
export const READINESS_TEMPLATE: { area: AreaKey; title: string; rule?: ReadinessRule }[] = [
  { area: 'regional_head', title: 'Peraturan Bupati tentang penyelenggaraan MPP ditetapkan' },
  { area: 'regional_head', title: 'Anggaran operasional MPP dialokasikan' },
  { area: 'regional_head', title: 'Pengelola MPP ditunjuk (DPMPTSP)' },
  { area: 'agencies', title: 'Ada instansi yang bergabung', rule: 'agencies_joined' },
  {
    area: 'agencies',
    title: 'Setiap instansi yang bergabung menandatangani nota kesepakatan',
    rule: 'mou_signed',
  },
  { area: 'agencies', title: 'Setiap instansi yang bergabung menandatangani PKS', rule: 'pks_signed' },
  { area: 'agencies', title: 'Petugas setiap instansi ditugaskan (SK penugasan)' },
  { area: 'facilities', title: 'Gedung siap dipakai, tata letak loket selesai' },
  { area: 'facilities', title: 'Fasilitas kelompok rentan tersedia' },
  {
    area: 'facilities',
    title: 'Setiap instansi yang melayani di MPP punya loket',
    rule: 'counters_for_agencies',
  },
  {
    area: 'service_system',
    title: 'Setiap layanan di MPP punya standar pelayanan yang dipublikasikan',
    rule: 'standards_published',
  },
  { area: 'service_system', title: 'SOP umum MPP ditetapkan' },
  { area: 'service_system', title: 'Maklumat pelayanan ditandatangani' },
  {
    area: 'service_system',
    title: 'Tidak ada dualisme layanan tanpa rencana yang masih berlaku',
    rule: 'dualism_on_plan',
  },
  { area: 'business_system', title: 'Jam layanan ditetapkan', rule: 'opening_hours_set' },
  { area: 'business_system', title: 'Aplikasi antrean, anjungan dan layar terpasang dan diuji' },
  { area: 'business_system', title: 'Tanda tangan elektronik (TTE) siap' },
  { area: 'business_system', title: 'Pengaduan dan survei kepuasan siap' },
];
