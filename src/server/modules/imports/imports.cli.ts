import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFormat, ImportReport } from '../../../shared/contracts/imports.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { resolveMall } from '../malls/malls.service.js';
import { looksLikeXlsx } from './imports.parse.js';
import type { RowOutcome } from './imports.schema.js';
import { importCatalog } from './imports.service.js';

/**
 * Whoever runs the CLI has shell access to the server: they act as the deployment itself.
 * Id 0 is no user; audit rows and standard versions written by the CLI carry it.
 */
export const CLI_ACTOR: Actor = {
  id: 0,
  username: 'cli',
  role: 'national_admin',
  mallId: null,
  agencyId: null,
  counterIds: [],
};

const ACTION_LABEL: Record<RowOutcome['action'], string> = {
  create: 'baru (created)',
  update: 'diubah (updated)',
  unchanged: 'tetap (unchanged)',
};

function formatOf(file: string, buf: Buffer): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  return looksLikeXlsx(buf) ? 'xlsx' : 'csv';
}

function print(report: ImportReport, outcomes: RowOutcome[]): void {
  if (report.ok)
    for (const o of outcomes)
      console.log(`baris ${o.row}: ${ACTION_LABEL[o.action]}  ${o.agencyKey} / ${o.service}`);
  for (const e of report.errors)
    console.log(`baris ${e.row}${e.column ? ` [${e.column}]` : ''}: KESALAHAN (error) ${e.message}`);
  const what = report.dryRun
    ? 'uji coba, tidak ada yang disimpan (dry run, nothing saved)'
    : 'disimpan (saved)';
  console.log(
    report.ok
      ? `${report.rows} baris (rows) ${what}: instansi baru ${report.created.agencies}, ` +
          `layanan baru ${report.created.services}, diubah ${report.updated.services}, tetap ${report.unchanged}`
      : `${report.errors.length} kesalahan (errors); tidak ada yang disimpan (nothing was saved)`,
  );
}

/**
 * `satu-atap import FILE --mall SLUG [--dry-run]`: prints a row-level report.
 * Exit codes: 0 imported (or dry run clean), 1 the file has errors, 2 unknown mall or unreadable file.
 */
export async function runImportCli(
  ctx: AppContext,
  mallSlug: string,
  file: string,
  dryRun: boolean,
): Promise<number> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    console.error(`Berkas tidak dapat dibuka (cannot open file): ${(err as Error).message}`);
    return 2;
  }
  let mallId: number;
  try {
    mallId = (await resolveMall(ctx, mallSlug)).id;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const { report, outcomes } = await importCatalog(ctx, CLI_ACTOR, mallId, buf, formatOf(file, buf), dryRun);
  print(report, outcomes);
  return report.ok ? 0 : 1;
}
