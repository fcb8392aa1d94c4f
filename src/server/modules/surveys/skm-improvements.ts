import type { SkmElementResult } from '../../../shared/domain/skm.js';

/** A first follow-up (rencana tindak lanjut) per default element, for the report's improvement notes. */
const NOTES: Record<string, string> = {
  U1: 'Sederhanakan persyaratan dan umumkan dengan jelas di portal, kios dan loket.',
  U2: 'Tinjau alur layanan; tampilkan prosedur langkah demi langkah dan arahkan warga sejak pintu masuk.',
  U3: 'Tambah loket atau petugas pada jam sibuk; pantau waktu tunggu dan waktu layanan harian.',
  U4: 'Pastikan biaya sesuai standar pelayanan, tercetak pada tanda terima, tanpa pungutan lain.',
  U5: 'Cocokkan produk dengan standar pelayanan; periksa produk sebelum diserahkan.',
  U6: 'Latih petugas tentang layanan dan sistemnya; sediakan panduan kerja di loket.',
  U7: 'Pelatihan pelayanan prima (sikap, kesopanan, keramahan); evaluasi perilaku petugas berkala.',
  U8: 'Perbaiki sarana: ruang tunggu, toilet, fasilitas kelompok rentan, papan informasi.',
  U9: 'Tanggapi pengaduan tepat waktu; umumkan saluran pengaduan dan tindak lanjutnya.',
};
const GENERIC = 'Bahas unsur ini bersama instansi dan susun rencana tindak lanjut.';

/** The three weakest answered elements, lowest NRR first, each with its follow-up note. */
export function improvementNotes(elements: readonly SkmElementResult[], count = 3) {
  return elements
    .filter((e): e is SkmElementResult & { nrr: number } => e.nrr !== null)
    .sort((a, b) => a.nrr - b.nrr || a.code.localeCompare(b.code))
    .slice(0, count)
    .map((e) => ({ code: e.code, name: e.name, nrr: e.nrr, note: NOTES[e.code] ?? GENERIC }));
}
