import { addCalendarDays, localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as dayEnd from './day-end.repo.js';
import { publishQueueChanged } from './queue.events.js';
import * as repo from './queue.repo.js';

/**
 * The mall's day ends at local midnight: tickets still waiting, called or being served are closed
 * as `expired` (with an `expired` ticket event, so statistics count them), and nothing carries into
 * tomorrow, whose numbers restart at 001 without meeting yesterday's.
 *
 * Runs on a schedule, at start-up and on first use of a new day (before a ticket is issued or
 * called). Idempotent and safe with several nodes on PostgreSQL: it runs under the mall's queue lock
 * and closes each ticket with a conditional update, so a second node finds nothing left to do.
 */

/** Per database (tests run many in one process): mall id → the local day already swept on this node. */
const swept = new WeakMap<object, Map<number, string>>();
const sweptOf = (ctx: AppContext) => {
  const known = swept.get(ctx.database);
  if (known) return known;
  const m = new Map<number, string>();
  swept.set(ctx.database, m);
  return m;
};

/** In the caller's transaction, after it took the mall's queue lock; cheap once the day is swept. */
export async function endEarlierDaysInTx(
  ctx: AppContext,
  tx: Tx,
  mall: MallRecord,
  today: string,
): Promise<number> {
  const done = sweptOf(ctx);
  if (done.get(mall.id) === today) return 0;
  const stale = await dayEnd.openTicketsBefore(tx.db, mall.id, today);
  const now = ctx.now().toISOString();
  let n = 0;
  for (const s of stale) {
    // Closed at the end of its own day, so the statistics of that day count it.
    const at = new Date(
      localDayStart(addCalendarDays(s.local_date, 1), mall.timezone).getTime() - 1,
    ).toISOString();
    if (!(await dayEnd.expireTicket(tx.db, s.id, at))) continue;
    n++;
    await repo.insertTicketEvent(tx.db, {
      mallId: mall.id,
      ticketId: s.id,
      serviceId: s.service_id,
      type: 'expired',
      at,
      data: { localDate: s.local_date, status: s.status },
    });
    const view = await repo.findTicket(tx.db, mall.id, s.id);
    if (view) await publishQueueChanged(ctx, tx, view, now);
  }
  tx.afterCommit(() => {
    done.set(mall.id, today);
  });
  return n;
}

/** Ends the mall's earlier days in a transaction of its own. */
export async function endEarlierDays(ctx: AppContext, mall: MallRecord): Promise<number> {
  const today = localMoment(ctx.now(), mall.timezone).date;
  if (sweptOf(ctx).get(mall.id) === today) return 0;
  return inTransaction(ctx.database.db, async (tx) => {
    await lockMallQueue(tx, mall.id);
    return endEarlierDaysInTx(ctx, tx, mall, today);
  });
}

/** Every mall once: at start-up and on each tick of the schedule. */
export async function endEarlierDaysEverywhere(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const mall of await dayEnd.mallsForDayEnd(ctx.database.db)) n += await endEarlierDays(ctx, mall);
  return n;
}

/** Starts the schedule (now, then every minute); returns the function that stops it. */
export function startDayEndJob(ctx: AppContext, everyMs = 60_000): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => endEarlierDaysEverywhere(ctx))
      .then((n) => {
        if (n) ctx.log.info({ expired: n }, 'queue day ended: open tickets of earlier days expired');
      })
      .catch((err: unknown) => ctx.log.warn({ err }, 'queue day end failed; retrying on the next tick'));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
