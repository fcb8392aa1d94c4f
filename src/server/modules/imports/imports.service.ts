import type { ImportFormat, ImportIssue, ImportReport } from '../../../shared/contracts/imports.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import * as agenciesRepo from '../agencies/agencies.repo.js';
import { createAgency } from '../agencies/agencies.service.js';
import { createService, updateService } from '../services/services.service.js';
import { readSheet } from './imports.parse.js';
import { type Plan, planImport } from './imports.plan.js';
import type { RowOutcome } from './imports.schema.js';

export interface ImportResult {
  report: ImportReport;
  /** Row by row, what was (or in a dry run would be) done; the CLI prints it. */
  outcomes: RowOutcome[];
}

const EMPTY: Plan = { rows: 0, issues: [], agencies: [], creates: [], updates: [], outcomes: [] };

function result(plan: Plan, dryRun: boolean, errors: ImportIssue[] = plan.issues): ImportResult {
  const unchanged = plan.outcomes.filter((o) => o.action === 'unchanged').length;
  return {
    report: {
      dryRun,
      ok: errors.length === 0,
      rows: plan.rows,
      created: { agencies: plan.agencies.length, services: plan.creates.length },
      updated: { services: plan.updates.length },
      unchanged,
      errors: [...errors].sort((a, b) => a.row - b.row),
    },
    outcomes: plan.outcomes,
  };
}

/** A write that failed after validation passed; it names its row and rolls the import back. */
class RowWriteError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.message);
  }
}

async function atRow<T>(row: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw new RowWriteError({ row, message: err.message });
    throw err;
  }
}

/** New agencies, then every service, then one audit row for the whole import: all in `tx`. */
async function write(ctx: AppContext, actor: Actor, mallId: number, plan: Plan, tx: Tx, format: string) {
  const at = ctx.now().toISOString();
  const agencyIds = new Map<string, number>();
  for (const a of plan.agencies) {
    agencyIds.set(a.key, (await createAgency(ctx, actor, mallId, a, tx)).id);
  }
  for (const c of plan.creates) {
    const agencyId =
      agencyIds.get(c.agencyKey) ?? (await agenciesRepo.findAgencyByKey(tx.db, mallId, c.agencyKey))?.id;
    if (agencyId === undefined) throw new Error(`agency ${c.agencyKey} vanished during import`);
    await atRow(c.row, () => createService(ctx, actor, mallId, { ...c.input, agencyId }, tx));
  }
  for (const u of plan.updates)
    await atRow(u.row, () => updateService(ctx, actor, mallId, u.serviceId, u.patch, tx));
  const { report } = result(plan, false);
  await appendAudit(tx, {
    mallId,
    actorId: actor.id,
    action: 'catalog.import',
    entity: 'mall',
    entityId: mallId,
    after: { format, rows: report.rows, created: report.created, updated: report.updated },
    at,
  });
}

/**
 * Imports a catalog spreadsheet into a mall. Every row is validated before anything is written;
 * then everything is written in one transaction, so a file is imported whole or not at all.
 * The plan is made inside that transaction, so it sees exactly the catalog it changes.
 * A dry run only plans. A result with `ok: false` wrote nothing.
 */
export async function importCatalog(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  file: Buffer,
  format: ImportFormat,
  dryRun: boolean,
): Promise<ImportResult> {
  const sheet = await readSheet(file, format);
  if (sheet.issues.length > 0) return result({ ...EMPTY, rows: sheet.rows.length }, dryRun, sheet.issues);
  if (dryRun) return result(await planImport(ctx.database.db, mallId, sheet), true);
  let plan = EMPTY;
  try {
    return await inTransaction(ctx.database.db, async (tx) => {
      plan = await planImport(tx.db, mallId, sheet);
      if (plan.issues.length === 0) await write(ctx, actor, mallId, plan, tx, format);
      return result(plan, false);
    });
  } catch (err) {
    if (err instanceof RowWriteError) return result(plan, false, [err.issue]);
    throw err;
  }
}

/** The 422 the API answers when a file has errors; the report rides along in `details`. */
export const importInvalid = (report: ImportReport): AppError =>
  new AppError(
    'IMPORT_INVALID',
    `Berkas impor berisi ${report.errors.length} kesalahan; tidak ada data yang disimpan ` +
      `(import file has ${report.errors.length} errors; nothing was saved).`,
    report,
  );
