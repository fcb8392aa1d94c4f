import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** A transaction plus the side effects to run once it has committed (events, mail, webhooks). */
export interface Tx {
  db: Transaction<DB>;
  afterCommit(fn: () => void | Promise<void>): void;
  /** Malls whose queue lock this transaction already holds (a group commit runs many writes). */
  locks?: Set<number>;
}

/**
 * Runs `fn` in one transaction; side effects registered with `afterCommit` run only after COMMIT,
 * so a screen never sees a change that was rolled back.
 */
export async function inTransaction<T>(db: Kysely<DB>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const after: (() => void | Promise<void>)[] = [];
  const result = await db.transaction().execute((trx) => fn({ db: trx, afterCommit: (f) => after.push(f) }));
  for (const f of after) {
    try {
      await f();
    } catch {
      // An after-commit effect must never undo or fail the committed change; the hub logs its own errors.
    }
  }
  return result;
}

/** Joins the caller's transaction when there is one (an import writing many rows), else opens one. */
export function inTransactionOr<T>(
  db: Kysely<DB>,
  tx: Tx | undefined,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return tx ? fn(tx) : inTransaction(db, fn);
}
