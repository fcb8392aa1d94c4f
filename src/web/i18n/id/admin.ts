import { adminCalendar } from './adminCalendar';
import { adminCatalog } from './adminCatalog';
import { adminDevices } from './adminDevices';
import { adminIntegrations } from './adminIntegrations';
import { adminOpening } from './adminOpening';
import { adminOutbox } from './adminOutbox';
import { adminSettings } from './adminSettings';
import { adminSkm } from './adminSkm';
import { adminVoice } from './adminVoice';
import { adminStats } from './stats';

/** Bahasa Indonesia: Admin shell and navigation; the sections live in their own modules. */
export const admin = {
  title: 'Admin',
  loginTitle: 'Masuk admin',
  notAllowed: 'Akun ini tidak memiliki akses admin.',
  nav: 'Menu admin',
  retired: 'nonaktif',
  retire: 'Nonaktifkan',
  retireOf: 'Nonaktifkan {{name}}',
  retireAsk: 'Nonaktifkan {{name}}?',
  retireYes: 'Ya, nonaktifkan',
  retiredDone: '{{name}} dinonaktifkan.',
  reactivate: 'Aktifkan kembali',
  reactivateOf: 'Aktifkan kembali {{name}}',
  reactivated: '{{name}} diaktifkan kembali.',
  section: {
    complaints: 'Pengaduan',
    hall: 'Aula (langsung)',
    agencies: 'Instansi',
    services: 'Layanan & standar',
    counters: 'Loket',
    staff: 'Petugas & peran',
    hours: 'Jam layanan & libur',
    import: 'Impor katalog',
    calendar: 'Kalender nasional',
    stats: 'Statistik',
    skm: 'Survei kepuasan (SKM)',
    voice: 'Suara panggilan',
    devices: 'Perangkat',
    integrations: 'API & Webhook',
    messages: 'Pesan keluar',
    templates: 'Templat pesan',
    opening: 'Persiapan',
    plan: 'Rencana aksi',
    agreements: 'Perjanjian',
    coverage: 'Cakupan layanan',
    candidates: 'Calon instansi',
    road: 'Pantauan nasional',
  },
  col: {
    action: 'Aksi',
    agency: 'Instansi',
    counter: 'Loket',
    current: 'Nomor aktif',
    prefix: 'Kode',
    service: 'Layanan',
    status: 'Status',
    waiting: 'Menunggu',
    oldestWait: 'Terlama menunggu',
    averageWait: 'Rata-rata tunggu hari ini',
  },
  hall: {
    waiting: 'orang menunggu',
    openCounters: 'loket buka',
    recentCalls: 'panggilan terakhir',
    counters: 'Loket',
    queues: 'Antrean per layanan',
    latest: 'Panggilan terakhir',
    nobody: 'Tidak ada yang menunggu.',
    unavailable: 'Data antrean langsung belum tersedia.',
  },
  stats: adminStats,
  skm: adminSkm,
  voice: adminVoice,
  ...adminCatalog,
  ...adminSettings,
  ...adminDevices,
  ...adminIntegrations,
  ...adminOpening,
  ...adminOutbox,
  ...adminCalendar,
};
