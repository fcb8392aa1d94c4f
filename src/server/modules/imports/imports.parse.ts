import { parse as parseCsv } from 'csv-parse/sync';
import type { ImportFormat, ImportIssue } from '../../../shared/contracts/imports.js';
import { type Column, columnFor, columnLabel, REQUIRED_COLUMNS } from './imports.columns.js';

/** One data row: its spreadsheet row number and the cells of the columns we read. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<Column, string>>;
}

/** A file read into rows; `issues` holds what makes the whole file unreadable (row 1 = header). */
export interface Sheet {
  present: Set<Column>;
  rows: SheetRow[];
  issues: ImportIssue[];
}

/** More rows than any mall's catalog has; protects the one import transaction. */
export const MAX_ROWS = 5000;

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
export const looksLikeXlsx = (buf: Buffer): boolean =>
  buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/** Reads a CSV or XLSX file into rows keyed by column; every row keeps its spreadsheet number. */
export async function readSheet(buf: Buffer, format: ImportFormat): Promise<Sheet> {
  let table: string[][];
  try {
    table = format === 'xlsx' ? await xlsxTable(buf) : csvTable(buf);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const kind = format === 'xlsx' ? 'XLSX' : 'CSV';
    return fail(`Berkas ${kind} tidak dapat dibaca (unreadable ${kind} file: ${why.slice(0, 200)})`);
  }
  const [header, ...body] = table;
  if (!header || header.every((h) => h.trim() === ''))
    return fail('Baris judul kolom tidak ditemukan (header row missing)');
  return toSheet(header, body);
}

const fail = (message: string): Sheet => ({ present: new Set(), rows: [], issues: [{ row: 1, message }] });

function toSheet(header: string[], body: string[][]): Sheet {
  const issues: ImportIssue[] = [];
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const c = columnFor(h);
    if (!c) return;
    if (index.has(c))
      issues.push({ row: 1, column: c, message: `Kolom "${h.trim()}" ganda (duplicate column)` });
    else index.set(c, i);
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!index.has(c))
      issues.push({ row: 1, column: c, message: `Kolom ${columnLabel(c)} tidak ada (missing column ${c})` });
  }
  const rows: SheetRow[] = [];
  body.forEach((record, i) => {
    if (record.every((v) => v.trim() === '')) return; // blank rows are skipped but keep the numbering
    const cells: Partial<Record<Column, string>> = {};
    for (const [c, at] of index) cells[c] = record[at] ?? '';
    rows.push({ row: i + 2, cells });
  });
  if (rows.length === 0 && issues.length === 0)
    issues.push({ row: 2, message: 'Berkas tidak berisi data layanan (no data rows)' });
  if (rows.length > MAX_ROWS)
    issues.push({ row: 1, message: `Lebih dari ${MAX_ROWS} baris (more than ${MAX_ROWS} rows)` });
  return { present: new Set(index.keys()), rows, issues };
}

/** UTF-8 (with or without BOM); files saved by older Excel as Windows-1252 are accepted too. */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** Excel in an Indonesian locale saves CSV with ";" (the comma is the decimal mark): detect it. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function csvTable(buf: Buffer): string[][] {
  const text = decode(buf).replace(/^\uFEFF/, '');
  return parseCsv(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    skip_empty_lines: false,
  });
}

/** The first worksheet; row and column numbers are the spreadsheet's own, so blank rows count. */
async function xlsxTable(buf: Buffer): Promise<string[][]> {
  // Loaded on first use: ExcelJS alone adds ~0.5 s and ~28 MB to every server start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer-like "Buffer" that a Node Buffer no longer satisfies.
  await workbook.xlsx.load(new Uint8Array(buf).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const width = sheet.columnCount;
  const table: string[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, MAX_ROWS + 2); r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text ?? '');
    table.push(cells);
  }
  return table;
}
