/** Bahasa Indonesia: completion times, fee units and opening hours as standards state them. */
export const units = {
  minutes: '{{count}} menit',
  hours: '{{count}} jam',
  workingDays: '{{count}} hari kerja',
  calendarDays: '{{count}} hari kalender',
  plus: ' + ',
  fee: {
    per_application: 'per permohonan',
    per_document: 'per dokumen',
    per_page: 'per halaman',
    per_sheet: 'per lembar',
    per_book: 'per buku',
    per_certificate: 'per sertipikat',
    per_parcel: 'per bidang',
    per_case: 'per perkara',
    per_decision: 'per putusan',
    per_deed: 'per akta',
    per_person: 'per orang',
    per_vehicle: 'per kendaraan',
  },
};

export const hours = {
  title: 'Jam layanan',
  roundTheClock: 'Buka 24 jam',
  allDay: '00:00–24:00',
  closed: 'Tutup',
  openNow: 'Sedang buka',
  closedNow: 'Sedang tutup',
  nextOpening: 'Buka kembali {{when}}',
  breaks: 'Istirahat',
  holiday: 'Libur: {{name}}',
};
