/**
 * Bahasa Indonesia: what each API error code means for the person at the screen, and what they can do
 * next. Codes come from the server's closed list (src/server/errors.ts); the server's own text is never
 * shown as-is (it may carry English or schema paths).
 */
export const errors = {
  VALIDATION_FAILED: 'Ada isian yang belum sesuai. Periksa kembali isian yang ditandai, lalu simpan lagi.',
  BAD_REQUEST: 'Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.',
  BAD_URL: 'Alamat halaman tidak dikenali. Kembali ke beranda lalu coba lagi.',
  INVALID_JSON: 'Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.',
  UNAUTHENTICATED: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  INVALID_CREDENTIALS: 'Nama pengguna atau kata sandi salah.',
  FORBIDDEN: 'Anda tidak berwenang melakukan ini. Hubungi admin MPP bila perlu akses.',
  NOT_FOUND: 'Data tidak ditemukan. Mungkin sudah dihapus; muat ulang halaman.',
  MALL_NOT_FOUND: 'Mal pelayanan publik tidak ditemukan. Periksa alamatnya.',
  AGENCY_NOT_FOUND: 'Instansi tidak ditemukan. Mungkin sudah dinonaktifkan; muat ulang halaman.',
  SERVICE_NOT_FOUND: 'Layanan tidak ditemukan. Pilih layanan lain atau tanyakan ke petugas informasi.',
  COUNTER_NOT_FOUND: 'Loket tidak ditemukan. Mungkin sudah dinonaktifkan; muat ulang halaman.',
  USER_NOT_FOUND: 'Akun petugas tidak ditemukan. Muat ulang halaman.',
  TICKET_NOT_FOUND: 'Nomor antrean tidak ditemukan. Periksa kode pelacakan pada tiket Anda.',
  API_KEY_NOT_FOUND: 'Kunci API tidak ditemukan atau sudah dicabut. Muat ulang halaman.',
  WEBHOOK_NOT_FOUND: 'Webhook tidak ditemukan. Mungkin sudah dihapus; muat ulang halaman.',
  CLIP_NOT_FOUND: 'Rekaman suara tidak ditemukan.',
  ROUTE_NOT_FOUND: 'Halaman tidak ditemukan.',
  CONFLICT: 'Data baru saja diubah oleh orang lain. Muat ulang halaman lalu coba lagi.',
  USERNAME_TAKEN: 'Nama pengguna sudah dipakai. Pilih nama lain.',
  SLUG_TAKEN: 'Kode sudah dipakai. Pilih kode lain.',
  ILLEGAL_TRANSITION: 'Tindakan ini tidak bisa dilakukan pada status tiket sekarang. Muat ulang antrean.',
  TICKET_ALREADY_CALLED: 'Tiket ini sudah dipanggil di loket lain. Panggil nomor berikutnya.',
  TICKET_NOT_WAITING:
    'Tiket ini sudah selesai atau dibatalkan, jadi tidak ada lagi yang perlu diberitahukan.',
  INVALID_PHONE: 'Nomor HP tidak valid. Tulis nomor HP Indonesia, misalnya 0812-3456-7890.',
  RATE_LIMITED: 'Terlalu banyak permintaan dari perangkat ini. Tunggu sebentar lalu coba lagi.',
  COUNTER_CLOSED: 'Loket sedang tutup atau istirahat. Buka loket dulu untuk memanggil.',
  MALL_CLOSED: 'MPP sedang tutup hari ini. Silakan datang pada hari layanan berikutnya atau pesan daring.',
  OUTSIDE_OPENING_HOURS: 'Di luar jam layanan. Silakan datang kembali pada jam layanan.',
  AFTER_CUTOFF: 'Pengambilan nomor antrean untuk layanan ini sudah ditutup hari ini. Silakan datang besok.',
  TEMPLATE_INVALID:
    'Templat memakai isian yang tidak dikenal. Pakai hanya isian yang tersedia di bawah kotak teks.',
  MESSAGE_NOT_FOUND: 'Pesan tidak ditemukan. Muat ulang daftar pesan.',
  MESSAGE_NOT_FAILED: 'Hanya pesan yang gagal yang bisa dikirim ulang. Muat ulang daftar pesan.',
  QUOTA_EXHAUSTED: 'Kuota hari ini habis, silakan datang besok atau pesan daring.',
  SERVICE_NOT_SERVED: 'Layanan ini tidak dilayani di MPP ini. Silakan datang ke kantor {{agency}}.',
  SERVICE_NOT_SERVED_HOTLINE:
    'Layanan ini tidak dilayani di MPP ini. Silakan datang ke kantor {{agency}} atau hubungi {{hotline}}.',
  SERVICE_RETIRED: 'Layanan ini sudah tidak tersedia. Tanyakan ke petugas informasi.',
  UNPROCESSABLE: 'Perubahan ini tidak dapat disimpan. Periksa isian lalu coba lagi.',
  IMPORT_INVALID: 'Berkas impor berisi kesalahan. Lihat daftar kesalahan di bawah.',
  PAYLOAD_TOO_LARGE: 'Berkas terlalu besar. Kecilkan berkas lalu unggah lagi.',
  URI_TOO_LONG: 'Alamat terlalu panjang. Persingkat pencarian.',
  UNSUPPORTED_MEDIA_TYPE:
    'Jenis berkas tidak didukung. Unggah berkas WAV, MP3 atau OGG untuk rekaman suara, atau CSV/XLSX untuk impor katalog.',
  TOO_MANY_REQUESTS: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
  DEVICE_REQUIRED: 'Perangkat ini belum dipasangkan. Hubungi petugas MPP.',
  INTERNAL: 'Terjadi kesalahan pada sistem. Coba lagi; bila berulang, hubungi petugas MPP.',
  DATABASE_UNAVAILABLE: 'Sistem sedang tidak dapat diakses. Coba lagi dalam beberapa saat.',
  NETWORK: 'Tidak dapat terhubung ke server. Periksa jaringan lalu coba lagi.',
  fallback: 'Terjadi kesalahan. Coba lagi; bila berulang, hubungi petugas MPP.',
};
