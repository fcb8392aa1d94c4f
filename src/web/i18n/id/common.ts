/** Bahasa Indonesia: Shared words, statuses, enums and sign-in. */
export const common = {
  free: 'Gratis',
  feeVaries: 'Sesuai ketentuan',
  minutes: '{{count}} menit',
  workingDays: '{{count}} hari kerja',
  loading: 'Memuat…',
  error: 'Terjadi kesalahan.',
  loadFailed: 'Data gagal dimuat.',
  networkError: 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.',
  retry: 'Coba lagi',
  back: 'Kembali',
  cancel: 'Batal',
  close: 'Tutup',
  save: 'Simpan',
  noChanges: 'Tidak ada perubahan.',
  saved: 'Tersimpan.',
  edit: 'Ubah',
  delete: 'Hapus',
  search: 'Cari',
  live: '● Langsung',
  offline: 'Terputus — menyambung ulang…',
  switchLanguage: 'Ganti bahasa',
  skipToContent: 'Langsung ke isi',
  mallNotFound: 'Mal pelayanan publik tidak ditemukan',
  pageNotFound: 'Halaman tidak ditemukan',
};

export const priority = {
  none: 'Tidak',
  elderly: 'Lansia',
  disabled: 'Penyandang disabilitas',
  pregnant: 'Ibu hamil',
  child: 'Anak-anak',
  sick: 'Sakit',
  disaster_victim: 'Korban bencana',
};

export const ticketStatus = {
  waiting: 'Menunggu',
  called: 'Dipanggil',
  serving: 'Sedang dilayani',
  done: 'Selesai',
  no_show: 'Tidak hadir',
  cancelled: 'Dibatalkan',
  expired: 'Kedaluwarsa',
  transferred: 'Dialihkan',
};

export const counterStatus = { open: 'Buka', closed: 'Tutup', break: 'Istirahat' };

export const outcome = {
  done: 'Selesai dilayani',
  incomplete_documents: 'Berkas belum lengkap',
  referred: 'Dirujuk ke instansi/layanan lain',
};

export const kind = { licensing: 'Perizinan', non_licensing: 'Non-perizinan' };

export const agencyType = {
  regency_office: 'Perangkat daerah (OPD)',
  provincial_office: 'Perangkat daerah provinsi',
  vertical_agency: 'Instansi vertikal',
  state_enterprise: 'BUMN',
  regional_enterprise: 'BUMD',
  private: 'Swasta',
};

export const agreement = {
  none: 'Belum ada',
  invited: 'Diundang',
  negotiating: 'Dalam pembahasan',
  signed: 'Ditandatangani',
  expired: 'Berakhir',
  terminated: 'Diputus',
};

export const role = {
  national_admin: 'Admin nasional',
  mall_admin: 'Pengelola MPP',
  agency_admin: 'Admin instansi',
  back_office: 'Back office',
  officer: 'Petugas loket',
  auditor: 'Auditor',
};

export const weekday = {
  1: 'Senin',
  2: 'Selasa',
  3: 'Rabu',
  4: 'Kamis',
  5: 'Jumat',
  6: 'Sabtu',
  7: 'Minggu',
};

export const login = {
  username: 'Nama pengguna',
  password: 'Kata sandi',
  submit: 'Masuk',
  logout: 'Keluar',
  wrong: 'Nama pengguna atau kata sandi salah.',
  locked: 'Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi.',
  delayed:
    'Akun ini ditahan sementara setelah beberapa kata sandi salah. Coba lagi dalam {{wait}}, atau minta admin mal membukanya.',
  throttled: 'Terlalu banyak percobaan masuk yang gagal dari perangkat ini. Coba lagi dalam {{wait}}.',
  seconds: '{{count}} detik',
  minutes: '{{count}} menit',
};
