import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { CLI_ACTOR } from '../imports/imports.cli.js';
import { looksLikeXlsx } from '../imports/imports.parse.js';
import { importNationalCalendar } from './national.service.js';

/**
 * `satu-atap calendar-import FILE [--dry-run]`: loads national holidays and cuti bersama.
 * Exit codes: 0 imported (or dry run clean), 1 the file has errors, 2 unreadable file.
 */
export async function runCalendarImportCli(ctx: AppContext, file: string, dryRun: boolean): Promise<number> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    console.error(`Berkas tidak dapat dibuka (cannot open file): ${(err as Error).message}`);
    return 2;
  }
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.xlsx' || (ext !== '.csv' && looksLikeXlsx(buf)) ? 'xlsx' : 'csv';
  const report = await importNationalCalendar(ctx, CLI_ACTOR, buf, format, dryRun);
  for (const e of report.errors)
    console.log(`baris ${e.row}${e.column ? ` [${e.column}]` : ''}: KESALAHAN (error) ${e.message}`);
  const what = dryRun ? 'uji coba, tidak ada yang disimpan (dry run, nothing saved)' : 'disimpan (saved)';
  console.log(
    report.ok
      ? `${report.rows} baris (rows) ${what}: tahun ${report.years.join(', ')}; baru ${report.created}, ` +
          `diubah ${report.updated}, tetap ${report.unchanged}`
      : `${report.errors.length} kesalahan (errors); tidak ada yang disimpan (nothing was saved)`,
  );
  return report.ok ? 0 : 1;
}
