import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';
import type { Tx } from './tx.js';

interface Work {
  /** Lock-order key (the mall): a batch runs its works in ascending key order. */
  key: number;
  fn: (tx: Tx) => Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/**
 * Group commit: queue writes (ticket issues, counter and ticket actions) that arrive while a batch is
 * being written share the next durable transaction, so one fsync (SQLite FULL, PostgreSQL) and one
 * round of BEGIN/COMMIT carry many requests. Each request still gets its own outcome:
 * - it runs inside a SAVEPOINT, so one failing (quota reached, illegal transition) rolls back only
 *   itself — its number is not taken, its audit row not written, the others' are;
 * - it is answered only after the COMMIT that carries it (then its after-commit effects run, in
 *   order), so an acknowledged ticket survives kill -9 exactly as with one transaction each;
 * - numbers stay gapless and the audit chain intact: works run one after another inside the
 *   transaction, each taking the next number and chain row under the same locks as before.
 * Works of one batch run in ascending mall order and each takes its mall's queue lock first, so
 * batches on several PostgreSQL nodes lock malls in one global order: no deadlocks.
 * No batch waits for company beyond the current turn of the event loop; whoever arrives meanwhile
 * rides the next (`concurrency` batches may be writing at a time; SQLite has one connection: 1).
 */
export class GroupCommit {
  private readonly queue: Work[] = [];
  private running = 0;
  private scheduled = false;
  /** Committed batches and the writes they carried (metrics; writes ÷ batches = sharing). */
  readonly stats = { batches: 0, writes: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly concurrency: number,
    private readonly maxBatch = 64,
  ) {}

  run<T>(key: number, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ key, fn, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Starts batches after the requests read in this turn of the event loop have queued their writes:
   * on SQLite a whole transaction completes without yielding to I/O, so starting at once would
   * never let a second request join.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.kick();
    });
  }

  private kick(): void {
    while (this.running < this.concurrency && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch).sort((a, b) => a.key - b.key);
      this.running++;
      this.write(batch).finally(() => {
        this.running--;
        if (this.queue.length) this.schedule();
      });
    }
  }

  private async write(batch: Work[]): Promise<void> {
    const done: { work: Work; value: unknown; after: (() => void | Promise<void>)[] }[] = [];
    const failed: { work: Work; error: unknown }[] = [];
    const alone = batch.length === 1;
    try {
      await this.db.transaction().execute(async (trx) => {
        const locks = new Set<number>();
        for (const work of batch) {
          const after: (() => void | Promise<void>)[] = [];
          const held = new Set(locks);
          if (!alone) await sql`savepoint gc`.execute(trx);
          try {
            const value = await work.fn({ db: trx, afterCommit: (f) => after.push(f), locks });
            if (!alone) await sql`release savepoint gc`.execute(trx);
            done.push({ work, value, after });
          } catch (error) {
            if (alone) throw error;
            try {
              await sql`rollback to savepoint gc`.execute(trx);
              await sql`release savepoint gc`.execute(trx);
            } catch {
              // The transaction itself is gone (SQLite rolls it back on SQLITE_FULL or an I/O error):
              // the whole batch fails, with the error that caused it.
              throw error;
            }
            // Locks first taken inside the rolled-back work are gone with it (PostgreSQL).
            locks.clear();
            for (const k of held) locks.add(k);
            failed.push({ work, error });
          }
        }
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    this.stats.batches++;
    this.stats.writes += done.length;
    for (const f of failed) f.work.reject(f.error);
    for (const d of done) {
      for (const f of d.after) {
        try {
          await f();
        } catch {
          // An after-commit effect must never undo or fail the committed change; the hub logs its own errors.
        }
      }
      d.work.resolve(d.value);
    }
  }
}
