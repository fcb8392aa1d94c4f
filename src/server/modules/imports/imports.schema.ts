/**
 * Server-only import types. The HTTP contracts (ImportReport, ImportIssue, ImportFormat, ImportQuery)
 * live in src/shared/contracts/imports.ts, where the web app reads them too.
 */

/** The row-level outcome the CLI prints (the HTTP answer carries only the counts). */
export interface RowOutcome {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  agencyKey: string;
  service: string;
}
