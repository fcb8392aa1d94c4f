import type { CalendarImportReport, NationalDay } from '../../../shared/contracts/calendar.js';
import { NationalDay as NationalDaySchema } from '../../../shared/contracts/calendar.js';
import type { ImportFormat } from '../../../shared/contracts/imports.js';
import { isCalendarDate } from '../../../shared/domain/local-time.js';
import { csvTable } from '../imports/imports.parse.js';

type Issue = CalendarImportReport['errors'][number];
type Column = 'date' | 'kind' | 'name' | 'source';

/** Header labels accepted per column (Indonesian first), compared case- and space-insensitively. */
const HEADERS: Record<Column, string[]> = {
  date: ['tanggal', 'date'],
  kind: ['jenis', 'kind', 'type'],
  name: ['nama', 'keterangan', 'name'],
  source: ['dasar hukum', 'sumber', 'source', 'legal source'],
};
const KINDS: Record<string, NationalDay['kind']> = {
  'libur nasional': 'national_holiday',
  'hari libur nasional': 'national_holiday',
  national_holiday: 'national_holiday',
  'cuti bersama': 'cuti_bersama',
  cuti_bersama: 'cuti_bersama',
};
const MAX_ROWS = 1000;

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** 2026-01-01, 01/01/2026 or 1-1-2026 (day first, as Indonesian spreadsheets write it). */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return fmt(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return fmt(m[3]!, m[2]!, m[1]!);
  return null;
}
function fmt(y: string, mo: string, d: string): string | null {
  const s = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(s) ? s : null;
}

async function xlsxTable(buf: Buffer): Promise<string[][]> {
  // Loaded on first use: ExcelJS alone adds ~0.5 s and ~28 MB to every server start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buf).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, MAX_ROWS + 2); r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      // Date cells come back as UTC midnight of the day typed in.
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : (row.getCell(c).text ?? ''));
    }
    table.push(cells);
  }
  return table;
}

/** Reads a national calendar file: one row per day with date, kind, name and legal source. */
export async function readNationalFile(
  buf: Buffer,
  format: ImportFormat,
): Promise<{ days: { row: number; day: NationalDay }[]; errors: Issue[] }> {
  let table: string[][];
  try {
    table = format === 'xlsx' ? await xlsxTable(buf) : csvTable(buf);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      days: [],
      errors: [{ row: 1, message: `Berkas tidak dapat dibaca (unreadable file: ${why.slice(0, 200)})` }],
    };
  }
  const [header = [], ...body] = table;
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    for (const [c, labels] of Object.entries(HEADERS) as [Column, string[]][])
      if (labels.includes(norm(h)) && !index.has(c)) index.set(c, i);
  });
  const errors: Issue[] = [];
  for (const c of Object.keys(HEADERS) as Column[])
    if (!index.has(c))
      errors.push({ row: 1, column: c, message: `Kolom "${HEADERS[c][0]}" tidak ada (missing column ${c})` });
  if (errors.length) return { days: [], errors };
  if (body.length > MAX_ROWS)
    return {
      days: [],
      errors: [{ row: 1, message: `Lebih dari ${MAX_ROWS} baris (more than ${MAX_ROWS} rows)` }],
    };
  const days: { row: number; day: NationalDay }[] = [];
  const seen = new Map<string, number>();
  body.forEach((record, i) => {
    const row = i + 2;
    if (record.every((v) => (v ?? '').trim() === '')) return;
    const cell = (c: Column) => (record[index.get(c)!] ?? '').trim();
    const date = parseDate(cell('date'));
    if (!date) {
      errors.push({
        row,
        column: 'date',
        message: `Tanggal "${cell('date')}" tidak valid (invalid date; use YYYY-MM-DD)`,
      });
      return;
    }
    const kind = KINDS[norm(cell('kind'))];
    if (!kind) {
      errors.push({
        row,
        column: 'kind',
        message: `Jenis "${cell('kind')}" harus "libur nasional" atau "cuti bersama"`,
      });
      return;
    }
    const parsed = NationalDaySchema.safeParse({ date, kind, name: cell('name'), source: cell('source') });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push({
        row,
        column: String(issue.path[0] ?? ''),
        message: `Kolom ${String(issue.path[0])} kosong atau terlalu panjang (empty or too long)`,
      });
      return;
    }
    const earlier = seen.get(date);
    if (earlier) {
      errors.push({
        row,
        column: 'date',
        message: `Tanggal ${date} sudah ada di baris ${earlier} (duplicate date)`,
      });
      return;
    }
    seen.set(date, row);
    days.push({ row, day: parsed.data });
  });
  if (days.length === 0 && errors.length === 0)
    errors.push({ row: 2, message: 'Berkas tidak berisi data (no data rows)' });
  return { days, errors };
}
