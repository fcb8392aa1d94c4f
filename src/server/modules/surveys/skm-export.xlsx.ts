import type { SkmReportDto } from '../../../shared/contracts/surveys.js';
import { headerLines, PROFILE_TITLES, PROFILE_VALUES, summaryLines } from './skm-export.layout.js';

/**
 * The SKM report as a workbook (ExcelJS, loaded on first use): sheet "SKM" in the published layout
 * with the figures as numbers (NRR 4 decimals, IKM 2), "Per layanan", "Profil responden", "Saran".
 */
export async function skmXlsx(r: SkmReportDto, generatedAt: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Satu Atap';
  wb.created = generatedAt;
  const ws = wb.addWorksheet('SKM');
  ws.columns = [
    { width: 5 },
    { width: 8 },
    { width: 44 },
    { width: 13 },
    { width: 12 },
    { width: 10 },
    { width: 9 },
    { width: 15 },
  ];
  ws.addRow(['LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)']).font = { bold: true, size: 14 };
  for (const l of headerLines(r)) ws.addRow([l]);
  ws.addRow([]);
  for (const l of summaryLines(r)) ws.addRow([l]);
  ws.addRow([]);
  const head = ws.addRow([
    'No',
    'Kode',
    'Unsur pelayanan',
    'Jumlah nilai',
    'Responden',
    'NRR',
    'Bobot',
    'NRR tertimbang',
  ]);
  head.font = { bold: true };
  r.elements.forEach((e, i) => {
    const row = ws.addRow([i + 1, e.code, e.name, e.sum, e.answered, e.nrr, e.weight, e.nrrWeighted]);
    row.getCell(6).numFmt = '0.0000';
    row.getCell(8).numFmt = '0.0000';
  });
  const skm = ws.addRow(['', '', 'Nilai SKM (jumlah NRR tertimbang)', '', '', '', '', r.skm]);
  skm.getCell(8).numFmt = '0.0000';
  const ikm = ws.addRow(['', '', 'IKM = nilai SKM × 25', '', '', '', '', r.ikm]);
  ikm.getCell(8).numFmt = '0.00';
  ikm.font = { bold: true };
  ws.addRow(['', '', 'Mutu pelayanan', '', '', '', '', r.grade ? `${r.grade} (${r.label})` : '–']).font = {
    bold: true,
  };
  ws.addRow([]);
  ws.addRow(['Catatan perbaikan (rencana tindak lanjut)']).font = { bold: true };
  for (const [i, x] of r.improvements.entries())
    ws.addRow([i + 1, x.code, `${x.name} (NRR ${x.nrr.toFixed(4)}): ${x.note}`]);

  const bs = wb.addWorksheet('Per layanan');
  bs.columns = [{ width: 50 }, { width: 12 }, { width: 10 }, { width: 8 }];
  bs.addRow(['Layanan', 'Responden', 'IKM', 'Mutu']).font = { bold: true };
  for (const s of r.byService)
    bs.addRow([s.serviceName, s.respondents, s.ikm, s.grade ?? '–']).getCell(3).numFmt = '0.00';

  const ps = wb.addWorksheet('Profil responden');
  ps.columns = [{ width: 30 }, { width: 10 }];
  for (const [key, title] of Object.entries(PROFILE_TITLES) as [keyof SkmReportDto['profile'], string][]) {
    ps.addRow([title, 'Jumlah']).font = { bold: true };
    for (const x of r.profile[key]) ps.addRow([PROFILE_VALUES[x.value] ?? x.value, x.count]);
    ps.addRow([]);
  }

  const ss = wb.addWorksheet('Saran');
  ss.columns = [{ width: 22 }, { width: 40 }, { width: 80 }];
  ss.addRow(['Waktu (UTC)', 'Layanan', 'Saran']).font = { bold: true };
  for (const s of r.suggestions) ss.addRow([s.at, s.serviceName, s.text]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
