import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { LocalClosure, MallCalendarDay } from '../../../shared/contracts/calendar.js';
import type { OpeningDay } from '../../../shared/contracts/catalog.js';
import { isCalendarDate, localMoment, toMinutes } from '../../../shared/domain/local-time.js';
import { addWorkingDays, type WorkingCalendar } from '../../../shared/domain/working-days.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { daysClosed } from './calendar.hooks.js';
import { calendarWarnings, mergeCalendar } from './calendar.merge.js';
import * as repo from './calendar.repo.js';

type Day = z.infer<typeof OpeningDay>;

/** The mall's calendar days between two local dates (inclusive; open-ended when omitted). */
export async function mallDays(
  db: Kysely<DB>,
  mallId: number,
  from?: string,
  to?: string,
): Promise<MallCalendarDay[]> {
  const [national, local, served] = await Promise.all([
    repo.nationalDays(db, from, to),
    repo.holidays(db, mallId, from, to),
    repo.servedCutiBersama(db, mallId, from, to),
  ]);
  return mergeCalendar(national, local, served);
}

/** The mall's calendar with the warnings its admins must see (next year's list missing). */
export async function mallCalendar(ctx: AppContext, mall: MallRecord, year?: number) {
  const db = ctx.database.db;
  const items = await mallDays(
    db,
    mall.id,
    year ? `${year}-01-01` : undefined,
    year ? `${year}-12-31` : undefined,
  );
  const today = localMoment(ctx.now(), mall.timezone).date;
  return {
    items,
    alwaysOpen: mall.always_open === 1,
    warnings: calendarWarnings(await repo.nationalYears(db), today),
  };
}

export async function workingCalendar(ctx: AppContext, mall: MallRecord): Promise<WorkingCalendar> {
  const days = await mallDays(ctx.database.db, mall.id);
  return {
    workingWeekdays: JSON.parse(mall.working_days) as number[],
    holidays: new Set(days.filter((d) => d.closed).map((d) => d.date)),
  };
}

export async function addMallWorkingDays(
  ctx: AppContext,
  mall: MallRecord,
  from: string,
  n: number,
): Promise<string> {
  if (!isCalendarDate(from))
    throw new AppError('VALIDATION_FAILED', `Tanggal tidak valid (invalid date): ${from}`);
  try {
    return addWorkingDays(from, n, await workingCalendar(ctx, mall));
  } catch (err) {
    // A calendar without a working day within reach (e.g. every day a holiday): the caller's input.
    if (err instanceof RangeError)
      throw new AppError('VALIDATION_FAILED', `Tanggal di luar jangkauan (${err.message}).`);
    throw err;
  }
}

export async function getOpeningHours(ctx: AppContext | Kysely<DB>, mallId: number): Promise<Day[]> {
  const rows = await repo.openingHours('database' in ctx ? ctx.database.db : ctx, mallId);
  return rows.map((r) => ({
    weekday: r.weekday,
    opens: r.opens,
    closes: r.closes,
    breaks: JSON.parse(r.breaks),
  }));
}

function checkDay(d: Day) {
  if (toMinutes(d.opens) >= toMinutes(d.closes)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Hari ${d.weekday}: jam buka harus sebelum jam tutup (opens must be before closes).`,
    );
  }
  for (const b of d.breaks) {
    if (
      toMinutes(b.start) >= toMinutes(b.end) ||
      toMinutes(b.start) < toMinutes(d.opens) ||
      toMinutes(b.end) > toMinutes(d.closes)
    ) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Hari ${d.weekday}: istirahat ${b.start}–${b.end} di luar jam layanan (break outside hours).`,
      );
    }
  }
}

export async function setOpeningHours(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  days: Day[],
  workingWeekdays?: number[],
) {
  const weekdays = new Set(days.map((d) => d.weekday));
  if (weekdays.size !== days.length)
    throw new AppError('VALIDATION_FAILED', 'Satu baris per hari (one row per weekday).');
  days.forEach(checkDay);
  // The SLA week defaults to the served days; with none it would be empty, and every deadline
  // (applications, complaints) counted over it would fail from then on.
  const week = workingWeekdays ?? [...weekdays].sort();
  if (week.length === 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'Tanpa hari buka, sebutkan hari kerja (workingWeekdays) untuk tenggat layanan (no opening day: give workingWeekdays, the working week deadlines count).',
    );
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.openingHours(tx.db, mall.id);
    await repo.replaceOpeningHours(
      tx.db,
      mall.id,
      days.map((d) => ({
        weekday: d.weekday,
        opens: d.opens,
        closes: d.closes,
        breaks: JSON.stringify(d.breaks),
      })),
    );
    await repo.setWorkingDays(tx.db, mall.id, week);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'hours.update',
      entity: 'mall',
      entityId: mall.id,
      before: { hours: before, workingDays: JSON.parse(mall.working_days) },
      after: { hours: days, workingDays: week },
      at,
    });
  });
}

/** The days the mall is closed (national holidays, cuti bersama it does not serve, own closures). */
export async function listHolidays(ctx: AppContext, mallId: number, from?: string, to?: string) {
  return (await mallDays(ctx.database.db, mallId, from, to)).filter((d) => d.closed);
}

/** Adds or renames the mall's own closures. */
export async function saveHolidays(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  items: z.infer<typeof LocalClosure>[],
) {
  for (const h of items)
    if (!isCalendarDate(h.date)) throw new AppError('VALIDATION_FAILED', `Tanggal tidak valid: ${h.date}`);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    for (const h of items)
      await repo.upsertHoliday(tx.db, mallId, { date: h.date, name: h.name, source: h.source ?? null });
    await daysClosed(ctx, tx, mallId, items);
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action: 'holiday.save',
      entity: 'holiday',
      entityId: items
        .map((i) => i.date)
        .join(',')
        .slice(0, 64),
      after: items,
      at,
    });
  });
}

export async function removeHoliday(ctx: AppContext, actor: Actor, mallId: number, date: string) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const r = await repo.deleteHoliday(tx.db, mallId, date);
    if (!r.numDeletedRows)
      throw new AppError(
        'NOT_FOUND',
        `Tidak ada penutupan mal sendiri pada ${date}; hari libur nasional diatur admin nasional ` +
          `(no local closure on that date; national days are kept by the national admin).`,
      );
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action: 'holiday.delete',
      entity: 'holiday',
      entityId: date,
      before: { date },
      at,
    });
  });
}

export type OpenState =
  | { open: true; local: ReturnType<typeof localMoment> }
  | { open: false; code: 'MALL_CLOSED' | 'OUTSIDE_OPENING_HOURS'; message: string };

/** The mall declares it serves (or not) on a national cuti bersama day. */
export async function setCutiBersamaServed(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  date: string,
  served: boolean,
): Promise<MallCalendarDay> {
  if (!isCalendarDate(date)) throw new AppError('VALIDATION_FAILED', `Tanggal tidak valid: ${date}`);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const day = await repo.nationalDay(tx.db, date);
    if (day?.kind !== 'cuti_bersama')
      throw new AppError(
        'NOT_FOUND',
        `${date} bukan hari cuti bersama dalam kalender nasional (not a national cuti bersama day).`,
      );
    const before = (await repo.servedCutiBersama(tx.db, mall.id, date, date)).length > 0;
    await repo.setCutiBersamaServed(tx.db, mall.id, date, served, at);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'calendar.cuti_bersama',
      entity: 'calendar',
      entityId: date,
      before: { served: before },
      after: { served },
      at,
    });
  });
  const day = (await mallDays(ctx.database.db, mall.id, date, date))[0];
  if (!day) throw new AppError('NOT_FOUND', `Tidak ada hari pada ${date} (no such day).`);
  return day;
}

/**
 * Whether the mall serves at an instant: a working, non-holiday day, inside hours, outside breaks.
 * Takes the caller's transaction handle: SQLite has one connection, so a query outside the open
 * transaction would wait for it forever.
 */
export async function openState(db: Kysely<DB>, mall: MallRecord, at: Date): Promise<OpenState> {
  const local = localMoment(at, mall.timezone);
  // The demo mall's queue opens every day so anyone can try it at any hour.
  const holiday =
    mall.always_open === 1
      ? undefined
      : (await mallDays(db, mall.id, local.date, local.date)).find((d) => d.closed);
  if (holiday)
    return {
      open: false,
      code: 'MALL_CLOSED',
      message: `Mal tutup: ${holiday.name} (closed for a holiday).`,
    };
  const day = (await getOpeningHours(db, mall.id)).find((d) => d.weekday === local.weekday);
  if (!day) return { open: false, code: 'MALL_CLOSED', message: 'Mal tidak buka hari ini (closed today).' };
  const m = local.minuteOfDay;
  if (m < toMinutes(day.opens) || m >= toMinutes(day.closes)) {
    return {
      open: false,
      code: 'OUTSIDE_OPENING_HOURS',
      message: `Di luar jam layanan ${day.opens}–${day.closes} (outside opening hours).`,
    };
  }
  const inBreak = day.breaks.find((b) => m >= toMinutes(b.start) && m < toMinutes(b.end));
  if (inBreak) {
    return {
      open: false,
      code: 'OUTSIDE_OPENING_HOURS',
      message: `${inBreak.label} ${inBreak.start}–${inBreak.end} (break).`,
    };
  }
  return { open: true, local };
}
