/**
 * Whether an error is a unique-constraint violation: PostgreSQL 23505 unique_violation, SQLite's
 * SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. Services check for duplicates before they insert; two
 * requests racing past that check together (a double click, two admins) reach the constraint, and
 * the error handler (app.ts) answers 409 CONFLICT instead of a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  const { code } = (err ?? {}) as { code?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
