import type { z } from 'zod';
import type {
  CalendarImportReport,
  NationalDay,
  NationalDayInput,
} from '../../../shared/contracts/calendar.js';
import type { ImportFormat } from '../../../shared/contracts/imports.js';
import { isCalendarDate, localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import { daysClosed } from './calendar.hooks.js';
import { calendarWarnings } from './calendar.merge.js';
import * as repo from './calendar.repo.js';
import { readNationalFile } from './national.import.js';

/** The deployment's own day: national warnings follow Western Indonesian Time (the capital's). */
const NATIONAL_TZ = 'Asia/Jakarta';

export async function nationalCalendar(ctx: AppContext, year?: number) {
  const db = ctx.database.db;
  const items = await repo.nationalDays(
    db,
    year ? `${year}-01-01` : undefined,
    year ? `${year}-12-31` : undefined,
  );
  const years = await repo.nationalYears(db);
  const today = localMoment(ctx.now(), NATIONAL_TZ).date;
  return { items, years, warnings: calendarWarnings(years, today) };
}

export async function saveNationalDay(
  ctx: AppContext,
  actor: Actor,
  date: string,
  input: z.infer<typeof NationalDayInput>,
): Promise<NationalDay> {
  if (!isCalendarDate(date)) throw new AppError('VALIDATION_FAILED', `Tanggal tidak valid: ${date}`);
  const at = ctx.now().toISOString();
  const day = { date, ...input };
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.nationalDay(tx.db, date);
    await repo.upsertNationalDay(tx.db, day, at);
    await daysClosed(ctx, tx, null, [{ date, name: day.name }]);
    await appendAudit(tx, {
      mallId: null,
      actorId: actor.id,
      action: 'calendar.national.save',
      entity: 'national_calendar',
      entityId: date,
      before: before ?? undefined,
      after: day,
      at,
    });
  });
  return day;
}

export async function removeNationalDay(ctx: AppContext, actor: Actor, date: string) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.nationalDay(tx.db, date);
    if (!before)
      throw new AppError('NOT_FOUND', `Tidak ada hari libur nasional pada ${date} (no national day).`);
    await repo.deleteNationalDay(tx.db, date);
    await appendAudit(tx, {
      mallId: null,
      actorId: actor.id,
      action: 'calendar.national.delete',
      entity: 'national_calendar',
      entityId: date,
      before,
      at,
    });
  });
}

/**
 * Imports a year's list (or several) from CSV/XLSX: every row valid or nothing saved. Days in the
 * file are created or updated; days not in the file are left alone (an import never deletes).
 */
export async function importNationalCalendar(
  ctx: AppContext,
  actor: Actor,
  file: Buffer,
  format: ImportFormat,
  dryRun: boolean,
): Promise<CalendarImportReport> {
  const { days, errors } = await readNationalFile(file, format);
  const years = [...new Set(days.map((d) => Number(d.day.date.slice(0, 4))))].sort((a, b) => a - b);
  const report: CalendarImportReport = {
    dryRun,
    ok: errors.length === 0,
    rows: days.length + errors.filter((e) => e.row > 1).length,
    created: 0,
    updated: 0,
    unchanged: 0,
    years,
    errors,
  };
  if (!report.ok) return report;
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    for (const { day } of days) {
      const before = await repo.nationalDay(tx.db, day.date);
      if (!before) report.created++;
      else if (before.kind === day.kind && before.name === day.name && before.source === day.source) {
        report.unchanged++;
        continue;
      } else report.updated++;
      if (!dryRun) await repo.upsertNationalDay(tx.db, day, at);
    }
    if (!dryRun)
      await daysClosed(
        ctx,
        tx,
        null,
        days.map(({ day }) => ({ date: day.date, name: day.name })),
      );
    if (!dryRun)
      await appendAudit(tx, {
        mallId: null,
        actorId: actor.id,
        action: 'calendar.national.import',
        entity: 'national_calendar',
        entityId: years.join(','),
        after: { rows: days.length, created: report.created, updated: report.updated, years },
        at,
      });
  });
  return report;
}
