/**
 * The nine SKM elements of PermenPANRB 14/2017 with the questions and the four answer labels of the
 * regulation's sample questionnaire (1 = worst … 4 = best). A mall may rename, add or reweight
 * elements (its own list, stored per mall); these are the defaults, each weighted 1/9.
 */
export interface SkmElementDefinition {
  code: string;
  name: string;
  question: string;
  /** Labels of the answers 1, 2, 3 and 4. */
  options: [string, string, string, string];
}

export const DEFAULT_SKM_ELEMENTS: readonly SkmElementDefinition[] = [
  {
    code: 'U1',
    name: 'Persyaratan',
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U2',
    name: 'Sistem, Mekanisme, dan Prosedur',
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    code: 'U3',
    name: 'Waktu Penyelesaian',
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  {
    code: 'U4',
    name: 'Biaya/Tarif',
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  {
    code: 'U5',
    name: 'Produk Spesifikasi Jenis Pelayanan',
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U6',
    name: 'Kompetensi Pelaksana',
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    code: 'U7',
    name: 'Perilaku Pelaksana',
    question:
      'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    options: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    code: 'U8',
    name: 'Sarana dan Prasarana',
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
  {
    code: 'U9',
    name: 'Penanganan Pengaduan, Saran dan Masukan',
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    options: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
];

/** Answer labels for an element a mall adds without its own. */
export const GENERIC_SKM_OPTIONS: [string, string, string, string] = [
  'Tidak baik',
  'Kurang baik',
  'Baik',
  'Sangat baik',
];
