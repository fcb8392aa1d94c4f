import { addCalendarDays, localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/tx.js';
import { inTransaction } from '../../db/tx.js';
import { onDaysClosed } from '../calendar/calendar.hooks.js';
import { mallDays } from '../calendar/calendar.service.js';
import { findMallById } from '../malls/malls.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { queueBookingMessage } from './bookings.messages.js';
import * as repo from './bookings.repo.js';
import { markNoShows } from './checkin.service.js';
import { localInstant } from './sessions.service.js';

/** The day-before reminder goes out at this local time of the mall, the day before the booking. */
export const DAY_BEFORE_AT = '16:00';
const TWO_HOURS_MS = 2 * 3_600_000;

/**
 * Due reminders of one mall, queued into the outbox: the day before (16:00 mall time) and two hours
 * before the session starts, each once (a conditional update of its timestamp, and the outbox's
 * idempotency key `booking:<id>:day-before|two-hours:<channel>`), so any number of nodes may run
 * it. A reminder whose moment came before the booking was made is skipped (the confirmation said it).
 */
export async function sendReminders(ctx: AppContext, mall: MallRecord): Promise<number> {
  const now = ctx.now();
  const today = localMoment(now, mall.timezone).date;
  const open = await repo.openBookingsOn(ctx.database.db, mall.id, [today, addCalendarDays(today, 1)]);
  const due: { b: (typeof open)[number]; kind: 'day-before' | 'two-hours'; send: boolean }[] = [];
  for (const b of open) {
    const start = localInstant(b.date, b.start_time, mall.timezone);
    if (start <= now) continue;
    const dayBefore = localInstant(addCalendarDays(b.date, -1), DAY_BEFORE_AT, mall.timezone);
    if (!b.reminded_day_before_at && now >= dayBefore)
      due.push({
        b,
        kind: 'day-before',
        send: b.created_at < dayBefore.toISOString() && now < new Date(start.getTime() - TWO_HOURS_MS),
      });
    const twoHours = new Date(start.getTime() - TWO_HOURS_MS);
    if (!b.reminded_two_hours_at && now >= twoHours)
      due.push({ b, kind: 'two-hours', send: b.created_at < twoHours.toISOString() });
  }
  if (!due.length) return 0;
  const at = now.toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    let n = 0;
    for (const { b, kind, send } of due) {
      const column = kind === 'day-before' ? 'reminded_day_before_at' : 'reminded_two_hours_at';
      if (!(await repo.markReminded(tx.db, b.id, column, at)) || !send) continue;
      await queueBookingMessage(
        ctx,
        tx,
        mall,
        b,
        kind === 'day-before' ? 'booking.reminder' : 'booking.soon',
        kind,
      );
      n++;
    }
    return n;
  });
}

/** One tick for every mall that has bookings: no-shows, then reminders. */
export async function runBookingJobs(ctx: AppContext): Promise<{ noShows: number; reminders: number }> {
  let noShows = 0;
  let reminders = 0;
  for (const mall of await repo.mallsWithBookings(ctx.database.db)) {
    noShows += await markNoShows(ctx, mall);
    reminders += await sendReminders(ctx, mall);
  }
  return { noShows, reminders };
}

/** Starts the schedule (now, then every minute); returns the function that stops it. */
export function startBookingJobs(ctx: AppContext, everyMs = 60_000): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => runBookingJobs(ctx))
      .then((r) => {
        if (r.noShows || r.reminders) ctx.log.info(r, 'booking jobs: no-shows marked, reminders queued');
      })
      .catch((err: unknown) => ctx.log.warn({ err }, 'booking jobs failed; retrying on the next tick'));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A day that became closed after bookings were made (a national holiday, a mall's own closure):
 * bookings still open on it are flagged 'holiday' (the admin's list shows them) and each citizen is
 * told once, in the calendar change's transaction. A mall that serves on that day (cuti bersama
 * served, or open every day) is left alone.
 */
async function flagHolidayBookings(
  ctx: AppContext,
  tx: Tx,
  mallId: number | null,
  days: readonly { date: string; name: string }[],
) {
  const names = new Map(days.map((d) => [d.date, d.name]));
  const malls = new Map<number, MallRecord | undefined>();
  const at = ctx.now().toISOString();
  for (const b of await repo.bookedOnDates(tx.db, mallId, [...names.keys()])) {
    if (b.flag) continue;
    if (!malls.has(b.mall_id)) malls.set(b.mall_id, await findMallById(tx.db, b.mall_id));
    const mall = malls.get(b.mall_id);
    if (!mall || mall.always_open === 1) continue;
    if (!(await mallDays(tx.db, mall.id, b.date, b.date)).some((d) => d.closed)) continue;
    if (!(await repo.transition(tx.db, b.id, ['booked'], { flag: 'holiday', updated_at: at }))) continue;
    await queueBookingMessage(ctx, tx, mall, b, 'booking.holiday', `holiday:${b.date}`, {
      reason: names.get(b.date),
    });
  }
}

onDaysClosed('bookings', flagHolidayBookings);
