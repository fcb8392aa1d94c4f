import { z } from 'zod';

/** One problem found in the file: `row` is the spreadsheet row (header = 1, first data row = 2). */
export const ImportIssue = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** What an import did (or, in a dry run or on errors, would do). */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  rows: z.number().int(),
  created: z.object({ agencies: z.number().int(), services: z.number().int() }),
  updated: z.object({ services: z.number().int() }),
  unchanged: z.number().int(),
  errors: z.array(ImportIssue),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportFormat = z.enum(['csv', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  format: ImportFormat.optional(),
});
