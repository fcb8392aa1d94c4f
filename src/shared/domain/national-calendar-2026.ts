/**
 * The official 2026 list: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB
 * No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025 — 17 national holidays and 8 days of
 * cuti bersama. Shipped so a fresh install counts working days right from its first start; later
 * years are imported (CSV/XLSX) by the national admin.
 */
export const SKB_2026_SOURCE =
  'SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025';

export interface NationalDaySeed {
  date: string;
  kind: 'national_holiday' | 'cuti_bersama';
  name: string;
}

export const NATIONAL_CALENDAR_2026: readonly NationalDaySeed[] = [
  { date: '2026-01-01', kind: 'national_holiday', name: 'Tahun Baru 2026 Masehi' },
  { date: '2026-01-16', kind: 'national_holiday', name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2026-02-16', kind: 'cuti_bersama', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-02-17', kind: 'national_holiday', name: 'Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-03-18', kind: 'cuti_bersama', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-19', kind: 'national_holiday', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-20', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1447 Hijriah' },
  { date: '2026-03-21', kind: 'national_holiday', name: 'Idulfitri 1447 Hijriah' },
  { date: '2026-03-22', kind: 'national_holiday', name: 'Idulfitri 1447 Hijriah' },
  { date: '2026-03-23', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1447 Hijriah' },
  { date: '2026-03-24', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1447 Hijriah' },
  { date: '2026-04-03', kind: 'national_holiday', name: 'Wafat Yesus Kristus' },
  { date: '2026-04-05', kind: 'national_holiday', name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2026-05-01', kind: 'national_holiday', name: 'Hari Buruh Internasional' },
  { date: '2026-05-14', kind: 'national_holiday', name: 'Kenaikan Yesus Kristus' },
  { date: '2026-05-15', kind: 'cuti_bersama', name: 'Cuti Bersama Kenaikan Yesus Kristus' },
  { date: '2026-05-27', kind: 'national_holiday', name: 'Iduladha 1447 Hijriah' },
  { date: '2026-05-28', kind: 'cuti_bersama', name: 'Cuti Bersama Iduladha 1447 Hijriah' },
  { date: '2026-05-31', kind: 'national_holiday', name: 'Hari Raya Waisak 2570 BE' },
  { date: '2026-06-01', kind: 'national_holiday', name: 'Hari Lahir Pancasila' },
  { date: '2026-06-16', kind: 'national_holiday', name: '1 Muharam Tahun Baru Islam 1448 Hijriah' },
  { date: '2026-08-17', kind: 'national_holiday', name: 'Proklamasi Kemerdekaan Republik Indonesia' },
  { date: '2026-08-25', kind: 'national_holiday', name: 'Maulid Nabi Muhammad SAW' },
  { date: '2026-12-24', kind: 'cuti_bersama', name: 'Cuti Bersama Kelahiran Yesus Kristus' },
  { date: '2026-12-25', kind: 'national_holiday', name: 'Kelahiran Yesus Kristus' },
];
