import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { OpeningNow } from '../../../shared/contracts/catalog.js';
import { addCalendarDays, localDayStart, localMoment, toMinutes } from '../../../shared/domain/local-time.js';
import type { DB } from '../../db/schema.js';
import type { MallRecord } from '../malls/malls.service.js';
import { getOpeningHours, openState } from './calendar.service.js';

/** How far ahead the next opening is looked for (a long holiday run plus weekends). */
const HORIZON_DAYS = 21;

/**
 * Whether the mall serves now, and if not, when it opens next, for citizens on the portal, kiosk and
 * ticket page. The next opening is the first day start or break end ahead that `openState` (the same
 * rule ticket issuing follows: working days, holidays, hours, breaks) says is open.
 */
export async function openingNow(
  db: Kysely<DB>,
  mall: MallRecord,
  at: Date,
): Promise<z.infer<typeof OpeningNow>> {
  const state = await openState(db, mall, at);
  if (state.open) return { open: true, reason: null, nextOpening: null };
  const days = await getOpeningHours(db, mall.id);
  const today = localMoment(at, mall.timezone).date;
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const date = addCalendarDays(today, i);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    const day = days.find((d) => d.weekday === weekday);
    if (!day) continue;
    const start = localDayStart(date, mall.timezone).getTime();
    for (const hhmm of [day.opens, ...day.breaks.map((b) => b.end)]) {
      const instant = new Date(start + toMinutes(hhmm) * 60_000);
      if (instant <= at) continue;
      if ((await openState(db, mall, instant)).open)
        return { open: false, reason: state.message, nextOpening: instant.toISOString() };
    }
  }
  return { open: false, reason: state.message, nextOpening: null };
}
