/** Bahasa Indonesia: the national calendar and a mall's closures. */
export const adminCalendar = {
  calendar: {
    lead: 'Hari libur nasional dan cuti bersama berlaku untuk semua mal. Setiap hari dicatat dengan dasar hukumnya (SKB tiga menteri). Mal dapat menambah penutupan sendiri dan memilih tetap melayani pada hari cuti bersama.',
    kind: {
      national_holiday: 'Libur nasional',
      cuti_bersama: 'Cuti bersama',
      local_closure: 'Penutupan mal',
    },
    source: 'Dasar hukum',
    counts: '{{year}}: {{holidays}} hari libur nasional, {{cuti}} hari cuti bersama.',
    addTitle: 'Tambah atau ubah hari libur nasional',
    removed: 'Hari libur nasional dihapus.',
    empty: 'Belum ada daftar hari libur {{year}}. Impor SKB tahun itu.',
    nextYearMissing:
      'Daftar hari libur nasional dan cuti bersama {{year}} belum dimuat. Tenggat hari kerja (SLA) dan hari buka tahun {{year}} belum benar sampai admin nasional mengimpor SKB {{year}}.',
    importTitle: 'Impor daftar tahunan (CSV/XLSX)',
    importLead:
      'Kolom: tanggal (2027-01-01 atau 01/01/2027), jenis ("libur nasional" atau "cuti bersama"), nama, dasar hukum. Semua baris benar atau tidak ada yang disimpan.',
    file: 'Berkas daftar libur (CSV/XLSX)',
    dryRunOk:
      'Uji coba berhasil (tahun {{years}}): {{created}} baru, {{updated}} diubah, {{unchanged}} tetap. Belum disimpan.',
    imported: 'Tersimpan (tahun {{years}}): {{created}} baru, {{updated}} diubah, {{unchanged}} tetap.',
  },
};
