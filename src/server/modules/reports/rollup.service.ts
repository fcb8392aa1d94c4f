import { addCalendarDays, localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import type { MallRecord } from '../malls/malls.service.js';
import { endEarlierDays } from '../queue/day-end.service.js';
import * as repo from './reports.repo.js';
import type { Cell } from './rollup.cells.js';
import { rollupDay } from './rollup.replay.js';

/** The cells of one local day, replayed from the ticket event log (today's figures, and each closed day once). */
export async function replayCells(ctx: AppContext, mall: MallRecord, localDate: string): Promise<Cell[]> {
  const db = ctx.database.db;
  const [events, services] = await Promise.all([
    repo.dayEvents(db, mall.id, localDate),
    repo.servicesOf(db, [mall.id]),
  ]);
  const agency = new Map(services.map((s) => [s.id, s.agency_id]));
  return rollupDay(events, (id) => agency.get(id) ?? 0, localDayStart(localDate, mall.timezone).getTime());
}

/**
 * Rolls up one closed day: claims it (a second node, or a second run, finds it claimed and leaves it),
 * replays its events and writes its cells, all in one transaction, so a crash leaves no half day.
 */
export async function rollUpDay(ctx: AppContext, mall: MallRecord, localDate: string): Promise<boolean> {
  const cells = await replayCells(ctx, mall, localDate);
  return inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.claimDay(tx.db, mall.id, localDate, ctx.now().toISOString()))) return false;
    await repo.writeCells(tx.db, mall.id, localDate, cells);
    return true;
  });
}

/**
 * Every closed day of the mall (before its local today) that had tickets and is not rolled up yet:
 * the day-end sweep runs first, so no ticket of those days is still open.
 */
export async function rollUpClosedDays(ctx: AppContext, mall: MallRecord): Promise<number> {
  await endEarlierDays(ctx, mall);
  const today = localMoment(ctx.now(), mall.timezone).date;
  const yesterday = addCalendarDays(today, -1);
  const db = ctx.database.db;
  const days = await repo.daysWithTickets(db, mall.id, '0000-01-01', yesterday);
  const done = await repo.rolledDays(db, mall.id, '0000-01-01', yesterday);
  let n = 0;
  for (const day of days) {
    if (done.has(day)) continue;
    if (await rollUpDay(ctx, mall, day)) n++;
    // A back-fill of many days runs beside the requests: SQLite's calls are synchronous and their
    // promises settle as microtasks, so give the event loop a turn between days.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return n;
}

export async function rollUpEverywhere(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const mall of await repo.allMalls(ctx.database.db)) n += await rollUpClosedDays(ctx, mall);
  return n;
}

/** On start (back-fills past days) and each minute after (the day that just closed). */
export function startRollupJob(ctx: AppContext, everyMs = 60_000): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => rollUpEverywhere(ctx))
      .then((n) => {
        if (n) ctx.log.info({ days: n }, 'report roll-ups written');
      })
      .catch((err: unknown) => ctx.log.warn({ err }, 'report roll-up failed; retrying on the next tick'));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
