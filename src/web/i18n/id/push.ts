/** Bahasa Indonesia: Web Push opt-in on the citizen's ticket page (components/PushOptIn.tsx). */
export const push = {
  button: 'Beri tahu saya di perangkat ini',
  stop: 'Berhenti memberi tahu perangkat ini',
  working: 'Mendaftarkan perangkat…',
  on: 'Perangkat ini akan diberi tahu saat giliran Anda sebentar lagi dan saat nomor Anda dipanggil, meski halaman ini ditutup.',
  denied:
    'Pemberitahuan untuk situs ini diblokir di peramban Anda. Untuk mengizinkan: ketuk ikon di kiri alamat situs → Izin/Setelan situs → Notifikasi → Izinkan, lalu muat ulang halaman ini.',
  dismissed: 'Anda belum mengizinkan pemberitahuan. Ketuk tombol lagi lalu pilih "Izinkan".',
  insecure:
    'Pemberitahuan di perangkat ini butuh sambungan aman (HTTPS), sedangkan halaman ini dibuka lewat HTTP biasa. Biarkan halaman ini tetap terbuka untuk memantau antrean, atau buka alamat HTTPS mal ini.',
  failed:
    'Perangkat ini belum bisa didaftarkan untuk pemberitahuan (layanan push peramban tidak menjawab). Coba lagi nanti, atau biarkan halaman ini tetap terbuka.',
};
