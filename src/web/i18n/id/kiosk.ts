/** Bahasa Indonesia: Kiosk and the printed slip. */
export const kiosk = {
  welcome: 'Selamat datang! Ambil nomor antrean di sini',
  searchButton: 'Cari layanan (mis. KTP, SKCK, SIM)',
  pickAgency: 'Atau pilih instansi',
  agencies: 'Instansi',
  serviceCount: '{{count}} layanan',
  pickService: 'Pilih layanan',
  searchTitle: 'Cari layanan',
  searchPlaceholder: 'Ketik nama layanan…',
  keyboard: 'Papan ketik',
  backspace: 'Hapus',
  space: 'Spasi',
  clear: 'Kosongkan',
  checkRequirements: 'Pastikan persyaratan berikut sudah Anda bawa sebelum mengambil nomor.',
  priorityQuestion: 'Apakah Anda termasuk kelompok prioritas?',
  priorityHelp:
    'Lansia, penyandang disabilitas, ibu hamil, anak-anak, orang sakit, dan korban bencana didahulukan tanpa biaya.',
  takeTicket: 'Ambil nomor antrean',
  taking: 'Mengambil nomor…',
  unavailable: 'Nomor antrean belum dapat diambil saat ini. Silakan hubungi petugas informasi.',
  yourNumber: 'Nomor antrean Anda',
  counterWord: 'Loket',
  printing: 'Tiket sedang dicetak…',
  printed: 'Silakan ambil tiket Anda dan tunggu nomor Anda dipanggil.',
  printerFailed:
    'Printer kios sedang bermasalah. Nomor Anda tetap berlaku: catat atau foto layar ini, atau pindai QR-nya.',
  printAgain: 'Cetak ulang',
  autoReturn: 'Layar kembali ke awal dalam 30 detik.',
  done: 'Selesai',
  navigation: 'Navigasi',
  startOver: 'Ke awal',
};

export const slip = {
  number: 'NOMOR ANTREAN',
  counters: 'Menuju: {{counters}}',
  ahead: 'Antrean di depan Anda: {{count}}',
  scan: 'Pindai untuk memantau antrean dari ponsel',
  fee: 'Biaya layanan: {{fee}}',
  free: 'Layanan prioritas gratis · Tolak pungutan liar',
};
