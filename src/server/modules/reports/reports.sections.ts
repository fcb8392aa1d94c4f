import type { z } from 'zod';
import type {
  ApplicationSla,
  BookingSummary,
  ComplaintsSummary,
  IkmSummary,
} from '../../../shared/contracts/reports.js';
import { addCalendarDays, localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import { computeSkm, type ElementTotals } from '../../../shared/domain/skm.js';
import { type Actor, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { MallRecord } from '../malls/malls.service.js';
import { mallElements, weighted } from '../surveys/survey-elements.service.js';
import * as surveys from '../surveys/surveys.repo.js';
import * as repo from './sections.repo.js';

/**
 * The report's sections that come from other modules' records: the back office's applications
 * (SLA compliance: finished by the due date of the standard, pauses already moved it) and the
 * complaints desk, the survey module's IKM (PermenPANRB 14/2017) and the bookings' show rate.
 */
export async function applicationSla(
  ctx: AppContext,
  mall: MallRecord,
  f: repo.SectionFilter,
  from: string,
  to: string,
): Promise<z.infer<typeof ApplicationSla>> {
  const db = ctx.database.db;
  const startIso = localDayStart(from, mall.timezone).toISOString();
  const endIso = localDayStart(addCalendarDays(to, 1), mall.timezone).toISOString();
  const today = localMoment(ctx.now(), mall.timezone).date;
  const [received, finishedRows, openOverdue] = await Promise.all([
    repo.applicationsReceived(db, f, from, to),
    repo.applicationsFinished(db, f, startIso, endIso),
    repo.applicationsOpenOverdue(db, f, today),
  ]);
  const first = new Map<number, { due: string; at: string }>();
  for (const r of finishedRows) {
    const seen = first.get(r.id);
    if (!seen || r.at < seen.at) first.set(r.id, { due: r.due_date, at: r.at });
  }
  let onTime = 0;
  for (const { due, at } of first.values())
    if (localMoment(new Date(at), mall.timezone).date <= due) onTime++;
  return {
    received,
    finished: first.size,
    finishedOnTime: onTime,
    compliance: first.size ? Math.round((onTime / first.size) * 10_000) / 10_000 : null,
    openOverdue,
  };
}

export async function complaintsSummary(
  ctx: AppContext,
  mall: MallRecord,
  f: repo.SectionFilter,
  from: string,
  to: string,
): Promise<z.infer<typeof ComplaintsSummary>> {
  const rows = await repo.complaintsSubmitted(
    ctx.database.db,
    f,
    localDayStart(from, mall.timezone).toISOString(),
    localDayStart(addCalendarDays(to, 1), mall.timezone).toISOString(),
  );
  const now = ctx.now().toISOString();
  const byType: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let overdue = 0;
  let escalated = 0;
  for (const r of rows) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.status !== 'closed' && r.status !== 'archived' && r.due_at !== null && r.due_at < now) overdue++;
    if (r.escalated_at !== null) escalated++;
  }
  return { total: rows.length, byType, byStatus, overdue, escalated };
}

/**
 * IKM over the range from the survey module's own totals and the exact SKM computation (shared/
 * domain/skm.ts), for those who may read survey results; the SKM report's sample-size check is left
 * to its own screen (it counts the previous period's tickets, which a year's report need not pay for).
 */
export async function ikmSummary(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  f: repo.SectionFilter,
  from: string,
  to: string,
): Promise<z.infer<typeof IkmSummary> | null> {
  if (f.counterId !== undefined) return null; // surveys are per service, not per counter
  const resource = { mallId: mall.id, ...(f.agencyId !== undefined ? { agencyId: f.agencyId } : {}) };
  if (!can(actor, 'survey.report', resource)) return null;
  const db = ctx.database.db;
  const filter = {
    mallId: mall.id,
    from,
    to,
    ...(f.agencyId !== undefined ? { agencyId: f.agencyId } : {}),
    ...(f.serviceId !== undefined ? { serviceId: f.serviceId } : {}),
  };
  const [{ elements }, totalsRows, respondentRows] = await Promise.all([
    mallElements(db, mall.id),
    surveys.answerTotals(db, filter),
    surveys.respondentsByService(db, filter),
  ]);
  const totals: Record<string, ElementTotals> = {};
  for (const r of totalsRows) {
    const t = totals[r.code] ?? { sum: 0, count: 0 };
    totals[r.code] = { sum: t.sum + Number(r.sum ?? 0), count: t.count + Number(r.count ?? 0) };
  }
  const respondents = respondentRows.reduce((sum, r) => sum + Number(r.count ?? 0), 0);
  const result = computeSkm(weighted(elements), totals, respondents);
  return { responses: respondents, ikm: result.ikm, grade: result.grade };
}

/**
 * Online bookings for the range's days (issue 11): `booked` counts every booking the citizen kept
 * (not cancelled, and not called off by the mall closing the day or session), `showed` those checked
 * in, `noShows` those marked absent; the show rate is showed ÷ (showed + no-shows), the bookings whose
 * outcome is known (today's and future ones still waiting count as booked only). Per counter it is not
 * defined (a booking is for a service, not a counter).
 */
export async function bookingSummary(
  ctx: AppContext,
  f: repo.SectionFilter,
  from: string,
  to: string,
): Promise<z.infer<typeof BookingSummary> | null> {
  if (f.counterId !== undefined) return null;
  const by = new Map(
    (await repo.bookingsByStatus(ctx.database.db, f, from, to)).map((r) => [r.status, Number(r.n)]),
  );
  const showed = by.get('checked_in') ?? 0;
  const noShows = by.get('no_show') ?? 0;
  return {
    booked: showed + noShows + (by.get('booked') ?? 0),
    showed,
    noShows,
    showRate: showed + noShows ? Math.round((showed / (showed + noShows)) * 10_000) / 10_000 : null,
  };
}
