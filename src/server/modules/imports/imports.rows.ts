import type { z } from 'zod';
import { AgencyInput, ServiceInput, type StandardBody } from '../../../shared/contracts/catalog.js';
import type { ImportIssue } from '../../../shared/contracts/imports.js';
import { type Column, columnLabel, REQUIRED_COLUMNS } from './imports.columns.js';
import type { SheetRow } from './imports.parse.js';
import * as read from './imports.values.js';

/** A service as the import writes it: ServiceInput without the agency id (known only at write time). */
export const ImportedService = ServiceInput.omit({ agencyId: true });
export type ImportedService = z.infer<typeof ImportedService>;

/** The cells of one row read into values; a cell that could not be read is left out. */
export interface RowValues {
  row: number;
  agencyKey: string;
  agencyName: string;
  agencyType?: z.infer<typeof AgencyInput>['type'];
  name: string;
  kind?: ImportedService['kind'];
  keywords?: string[];
  servedAtMall?: boolean;
  notServedNote?: string | null;
  legalBasis?: string;
  requirements: string[];
  procedure: string[];
  completionValue?: number;
  completionUnit?: StandardBody['completionTime']['unit'];
  feeAmount?: number | null;
  feeUnit?: StandardBody['fee']['unit'];
  feeComponents?: StandardBody['fee']['components'];
  feeLegalBasis: string;
  product: string;
  complaintHandling: string;
}

const LINES_OR_SEMICOLONS = /\r?\n|;/;

/** Reads the cells of one row; problems come back with their column. */
export function readRow(r: SheetRow): { values: RowValues; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const text = (c: Column) => (r.cells[c] ?? '').trim();
  const has = (c: Column) => r.cells[c] !== undefined;
  function cell<T>(c: Column, fn: (s: string) => read.Read<T>): T | undefined {
    const res = fn(r.cells[c] ?? '');
    if ('value' in res) return res.value;
    issues.push({ row: r.row, column: c, message: `${columnLabel(c)} ${res.error}` });
    return undefined;
  }
  const values: RowValues = {
    row: r.row,
    agencyKey: text('agency_key').toLowerCase(),
    agencyName: text('agency_name'),
    agencyType: text('agency_type') ? cell('agency_type', read.readAgencyType) : undefined,
    name: text('service_name'),
    kind: text('kind') ? cell('kind', read.readKind) : undefined,
    keywords: has('keywords') ? read.readList(text('keywords'), /;/) : undefined,
    servedAtMall: has('served_at_mall') ? cell('served_at_mall', read.readYesNo) : undefined,
    notServedNote: has('not_served_note') ? text('not_served_note') || null : undefined,
    legalBasis: has('legal_basis') ? text('legal_basis') : undefined,
    requirements: read.readList(text('requirements'), LINES_OR_SEMICOLONS),
    procedure: read.readList(text('procedure'), LINES_OR_SEMICOLONS),
    completionValue: text('completion_value') ? cell('completion_value', read.readNumber) : undefined,
    completionUnit: text('completion_unit') ? cell('completion_unit', read.readUnit) : undefined,
    feeAmount: cell('fee_amount', read.readFee),
    feeUnit: has('fee_unit') ? cell('fee_unit', read.readFeeUnit) : undefined,
    feeComponents: has('fee_components') ? cell('fee_components', read.readFeeComponents) : undefined,
    feeLegalBasis: text('fee_legal_basis'),
    product: text('product'),
    complaintHandling: text('complaint_handling'),
  };
  for (const c of REQUIRED_COLUMNS) {
    if (c !== 'fee_amount' && text(c) === '' && !issues.some((i) => i.column === c))
      issues.push({ row: r.row, column: c, message: `${columnLabel(c)} wajib diisi (${c} is required)` });
  }
  return { values, issues };
}

/** Where a zod issue path points in the spreadsheet. */
const PATH_COLUMNS: [string, Column][] = [
  ['name', 'service_name'],
  ['kind', 'kind'],
  ['keywords', 'keywords'],
  ['servedAtMall', 'served_at_mall'],
  ['notServedNote', 'not_served_note'],
  ['standard.legalBasis', 'legal_basis'],
  ['standard.requirements', 'requirements'],
  ['standard.procedure', 'procedure'],
  ['standard.completionTime.value', 'completion_value'],
  ['standard.completionTime.unit', 'completion_unit'],
  ['standard.completionTime', 'completion_value'],
  ['standard.fee.amount', 'fee_amount'],
  ['standard.fee.legalBasis', 'fee_legal_basis'],
  ['standard.fee.unit', 'fee_unit'],
  ['standard.fee.components', 'fee_components'],
  ['standard.product', 'product'],
  ['standard.complaintHandling', 'complaint_handling'],
  ['key', 'agency_key'],
  ['type', 'agency_type'],
];

function columnOf(path: PropertyKey[]): Column | undefined {
  const p = path.map(String).join('.');
  const hit = PATH_COLUMNS.find(([prefix]) => p === prefix || p.startsWith(`${prefix}.`));
  return hit?.[1];
}

/**
 * zod issues as spreadsheet issues: Indonesian label first, zod's English message in parentheses.
 * A column already reported by `readRow` is not reported twice.
 */
export function zodIssues(
  row: number,
  error: z.ZodError,
  seen: ImportIssue[],
  agency = false,
): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const issue of error.issues) {
    const column: Column | undefined =
      agency && issue.path[0] === 'name' ? 'agency_name' : columnOf(issue.path);
    if ([...seen, ...out].some((s) => s.row === row && s.column === column)) continue;
    const label = column ? columnLabel(column) : issue.path.join('.');
    const message = `${label} tidak valid (${issue.message})`;
    out.push(column ? { row, column, message } : { row, message });
  }
  return out;
}

/** Validates the agency a row introduces (its key is not yet in the mall). */
export function newAgency(v: RowValues, seen: ImportIssue[]) {
  const issues: ImportIssue[] = [];
  const missing = (column: Column) => ({
    row: v.row,
    column,
    message: `Instansi "${v.agencyKey}" belum terdaftar: ${columnLabel(column)} wajib diisi (a new agency needs ${column})`,
  });
  if (!v.agencyName) issues.push(missing('agency_name'));
  if (!v.agencyType && !seen.some((i) => i.column === 'agency_type')) issues.push(missing('agency_type'));
  const parsed = AgencyInput.safeParse({ key: v.agencyKey, name: v.agencyName, type: v.agencyType });
  if (parsed.success) return { agency: parsed.data, issues };
  return { agency: null, issues: [...issues, ...zodIssues(v.row, parsed.error, [...seen, ...issues], true)] };
}
