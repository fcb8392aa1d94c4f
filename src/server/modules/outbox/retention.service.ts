import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import {
  allMallIds,
  deleteFinishedMessages,
  eraseFinishedAddresses,
  FINISHED_STATUSES,
} from './outbox.repo.js';

/**
 * Phone numbers and e-mail addresses are kept only while a message may still be sent: once it is
 * finished (sent, failed, cancelled) for OUTBOX_ADDRESS_RETENTION_DAYS, the address is erased and
 * only its masked form stays. Other modules that keep addresses for the outbox (the notify
 * subscriptions) register an eraser here and are run on the same schedule with the same cut-off.
 */
export type AddressEraser = (ctx: AppContext, before: string, now: string) => Promise<number>;

const erasers = new Map<string, AddressEraser>([
  ['outbox_messages', (ctx, before, now) => eraseFinishedAddresses(ctx.database.db, before, now)],
]);

export function registerAddressEraser(name: string, eraser: AddressEraser): void {
  erasers.set(name, eraser);
}

/** Runs every eraser once; answers how many addresses each erased. */
export async function eraseExpiredAddresses(ctx: AppContext): Promise<Record<string, number>> {
  const now = ctx.now();
  const before = new Date(
    now.getTime() - ctx.config.OUTBOX_ADDRESS_RETENTION_DAYS * 86_400_000,
  ).toISOString();
  const out: Record<string, number> = {};
  for (const [name, erase] of erasers) out[name] = await erase(ctx, before, now.toISOString());
  return out;
}

const DELETE_BATCH = 500;

/**
 * The outbox is a queue, not an archive: finished messages (sent, failed, cancelled) and their
 * delivery log are deleted OUTBOX_RETENTION_DAYS after they were queued, in batches of their own
 * transactions, so the table holds about that many days of messages however long the mall runs.
 * Messages still waiting are kept (they fail for good after their tries, and go then). `mallId`: one
 * mall only. Returns how many messages went.
 */
export async function deleteExpiredMessages(ctx: AppContext, mallId?: number): Promise<number> {
  const before = new Date(ctx.now().getTime() - ctx.config.OUTBOX_RETENTION_DAYS * 86_400_000).toISOString();
  let deleted = 0;
  for (const mall of mallId === undefined ? await allMallIds(ctx.database.db) : [mallId]) {
    for (const status of FINISHED_STATUSES) {
      for (;;) {
        const n = await inTransaction(ctx.database.db, (tx) =>
          deleteFinishedMessages(tx.db, mall, status, before, DELETE_BATCH),
        );
        deleted += n;
        if (n < DELETE_BATCH) break;
      }
    }
  }
  return deleted;
}

/**
 * At start-up, then hourly: erases expired addresses and (with `deleteOld`; not under
 * NODE_ENV=test, where tests share one PostgreSQL database and move their own clocks) deletes
 * messages past OUTBOX_RETENTION_DAYS. Returns the function that stops it. Idempotent on any number
 * of nodes.
 */
export function startRetentionJob(
  ctx: AppContext,
  opts: { everyMs?: number; deleteOld?: boolean } = {},
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(async () => {
        const erased = await eraseExpiredAddresses(ctx);
        if (Object.values(erased).some((x) => x > 0))
          ctx.log.info({ erased }, 'outbox: expired addresses erased');
        const deleted = opts.deleteOld ? await deleteExpiredMessages(ctx) : 0;
        if (deleted) ctx.log.info({ deleted }, 'outbox: messages past their retention deleted');
      })
      .catch((err: unknown) =>
        ctx.log.warn({ err }, 'outbox: erasing expired addresses failed; next hour again'),
      );
  };
  tick();
  const timer = setInterval(tick, opts.everyMs ?? 3_600_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
