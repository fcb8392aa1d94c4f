import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers rule: SQL lives only in `*.repo.ts`. Routes and services call repository functions,
// so a query can be found, reviewed and tuned in one place per feature. This check scans the
// server source for Kysely query builders and raw `sql` and fails with file:line for each one
// outside a repository.

const root = join(import.meta.dirname, '..');
const serverDir = join(root, 'src/server');

/** What counts as a query: Kysely's builders and raw SQL. */
const QUERY =
  /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|executeQuery)\s*[(<]|\bsql\s*(`|<|\.raw\s*\(|\.ref\s*\(|\.lit\s*\()/;

/**
 * Files outside `*.repo.ts` that may hold SQL, each with the reason. Keep this list short: a feature
 * service never belongs here. An entry that no longer holds a query fails the check too, so the
 * list cannot go stale.
 */
const ALLOWED: Record<string, string> = {
  // Database infrastructure: connections, transactions, group commit's savepoints, migrations.
  'src/server/db/': 'the database layer itself (connection, transactions, group commit, migrations)',
  'src/server/audit/audit.ts':
    'the audit hash chain writer/verifier: appends inside the caller’s transaction and locks the chain head; it is the repository of audit_log/chain_heads',
  'src/server/events/pg-bridge.ts':
    'PostgreSQL LISTEN/NOTIFY bridge: pg_notify is transport, not a feature query',
};

function isAllowed(file: string): boolean {
  return Object.keys(ALLOWED).some((entry) =>
    entry.endsWith('/') ? file.startsWith(entry) : file === entry,
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Lines of `text` that build a query (comment lines are skipped). */
function queryLines(text: string): number[] {
  const hits: number[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
    if (QUERY.test(line)) hits.push(i + 1);
  });
  return hits;
}

const files = sourceFiles(serverDir).map((path) => ({
  file: relative(root, path).split('\\').join('/'),
  lines: queryLines(readFileSync(path, 'utf8')),
}));

describe('layers: SQL only in *.repo.ts', () => {
  it('recognises queries, so the check can fail', () => {
    const sample = [
      "const a = await db.selectFrom('tickets').selectAll().execute();",
      "await tx.db\n  .updateTable('counters')",
      'await sql`select 1`.execute(db);',
      "// db.deleteFrom('x') in a comment is fine",
      'const b = items.filter((x) => x.selectFromMenu);',
    ].join('\n');
    expect(queryLines(sample)).toEqual([1, 3, 4]);
  });

  it('finds no query outside a repository or the allow-list', () => {
    const offenders = files
      .filter((f) => !f.file.endsWith('.repo.ts') && !isAllowed(f.file))
      .flatMap((f) => f.lines.map((line) => `${f.file}:${line}`));
    expect(offenders, 'move these queries into the feature’s *.repo.ts').toEqual([]);
  });

  it('keeps the allow-list honest: every allowed file still holds a query', () => {
    const stale = Object.keys(ALLOWED).filter(
      (entry) =>
        !files.some(
          (f) => f.lines.length > 0 && (entry.endsWith('/') ? f.file.startsWith(entry) : f.file === entry),
        ),
    );
    expect(stale).toEqual([]);
  });
});
