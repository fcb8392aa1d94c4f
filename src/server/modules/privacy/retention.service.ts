import { addCalendarDays, localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import * as repo from './privacy.repo.js';
import { scrubNullable, scrubText } from './scrub.js';

/**
 * Personal-data retention (UU 27/2022 PDP; docs/privacy.md). A mall keeps a citizen's personal data
 * for `retention_days` after the record is finished, then blanks it and keeps the row: bookings by
 * their day, finished applications (rejected, collected, delivered) by their last change, closed
 * complaints by their closing, notify requests, online tickets and messages by their creation. Counts,
 * dates, services, statuses, fees and receipt numbers stay, so every report reads the same. Open
 * records (an application in process, a future booking, an open complaint) are never touched.
 *
 * A run works in batches, each one transaction with one audit row (counts and record ids, never a
 * personal value). Rows are claimed by a conditional update, so several nodes may run it at once and
 * a second run finds nothing to do.
 */

export interface RetentionCounts {
  bookings: number;
  applications: number;
  documents: number;
  complaints: number;
  attachments: number;
  notifications: number;
  onlineTickets: number;
  messages: number;
}

const zero = (): RetentionCounts => ({
  bookings: 0,
  applications: 0,
  documents: 0,
  complaints: 0,
  attachments: 0,
  notifications: 0,
  onlineTickets: 0,
  messages: 0,
});
const total = (c: RetentionCounts) => Object.values(c).reduce((a, b) => a + b, 0);

export interface RetentionMall {
  id: number;
  timezone: string;
  retention_days: number;
}

/** The instant and the mall's local date before which finished records are anonymised. */
export function retentionCutoff(now: Date, mall: RetentionMall) {
  return {
    before: new Date(now.getTime() - mall.retention_days * 86_400_000).toISOString(),
    beforeDate: addCalendarDays(localMoment(now, mall.timezone).date, -mall.retention_days),
  };
}

async function anonymiseBatch(ctx: AppContext, mall: RetentionMall, batch: number): Promise<RetentionCounts> {
  const now = ctx.now();
  const at = now.toISOString();
  const { before, beforeDate } = retentionCutoff(now, mall);
  return inTransaction(ctx.database.db, async (tx) => {
    const db = tx.db;
    const n = zero();

    const bookings = await repo.dueBookings(db, mall.id, beforeDate, batch);
    const bookingIds = await repo.claimBookings(
      db,
      bookings.map((b) => b.id),
      at,
    );
    const claimedBookings = new Set(bookingIds);
    await repo.blankBookings(db, bookingIds);
    for (const b of bookings) {
      if (!claimedBookings.has(b.id) || b.cancel_reason === null) continue;
      const text = scrubText(b.cancel_reason, [b.name, b.phone, b.email]);
      if (text !== b.cancel_reason) await repo.setBookingCancelReason(db, b.id, text);
    }
    n.bookings = bookingIds.length;
    n.messages += await repo.blankMessagesOf(db, mall.id, 'booking', bookingIds, at);

    const applications = await repo.dueApplications(db, mall.id, before, batch);
    const applicationIds = await repo.claimApplications(
      db,
      applications.map((a) => a.id),
      at,
    );
    const known = new Map(
      applications
        .filter((a) => applicationIds.includes(a.id))
        .map((a) => [a.id, { row: a, secrets: [a.applicant_name, a.phone] }]),
    );
    await repo.blankApplications(db, applicationIds);
    for (const { row, secrets } of known.values()) {
      const reason = scrubNullable(row.reject_reason, secrets);
      if (reason !== row.reject_reason) await repo.setRejectReason(db, row.id, reason);
    }
    for (const e of await repo.applicationEventTexts(db, applicationIds)) {
      const secrets = known.get(e.application_id)?.secrets ?? [];
      const note = scrubNullable(e.note, secrets);
      const reason = scrubNullable(e.reason, secrets);
      if (note !== e.note || reason !== e.reason) await repo.setApplicationEventTexts(db, e.id, note, reason);
    }
    for (const p of await repo.paymentReasons(db, applicationIds)) {
      const reason = scrubNullable(p.reason, known.get(p.application_id)?.secrets ?? []);
      if (reason !== p.reason) await repo.setPaymentReason(db, p.id, reason);
    }
    n.applications = applicationIds.length;
    n.documents = await repo.dropDocumentFiles(db, applicationIds);
    n.messages += await repo.blankMessagesOf(db, mall.id, 'application', applicationIds, at);

    const complaints = await repo.dueComplaints(db, mall.id, before, batch);
    const complaintIds = await repo.claimComplaints(
      db,
      complaints.map((c) => c.id),
      at,
    );
    const reporters = new Map(
      complaints
        .filter((c) => complaintIds.includes(c.id))
        .map((c) => [c.id, { row: c, secrets: [c.reporter_name, c.reporter_phone, c.reporter_email] }]),
    );
    await repo.blankComplaints(db, complaintIds);
    for (const { row, secrets } of reporters.values()) {
      const title = scrubText(row.title, secrets);
      const body = scrubText(row.body, secrets);
      if (title !== row.title || body !== row.body) await repo.setComplaintTexts(db, row.id, title, body);
    }
    for (const e of await repo.complaintEventTexts(db, complaintIds)) {
      const message = scrubNullable(e.message, reporters.get(e.complaint_id)?.secrets ?? []);
      if (message !== e.message) await repo.setComplaintEventMessage(db, e.id, message);
    }
    n.complaints = complaintIds.length;
    n.attachments = await repo.deleteAttachments(db, complaintIds);
    n.messages += await repo.blankMessagesOf(db, mall.id, 'complaint', complaintIds, at);

    const notifications = await repo.dueNotifications(db, mall.id, before, batch);
    n.notifications = await repo.blankNotifications(
      db,
      notifications.map((r) => r.id),
      at,
    );
    const online = await repo.dueOnlineTickets(db, mall.id, beforeDate, batch);
    n.onlineTickets = await repo.blankOnlineTickets(
      db,
      online.map((r) => r.id),
      at,
    );
    const messages = await repo.dueMessages(db, mall.id, before, batch);
    n.messages += await repo.blankMessagesById(
      db,
      messages.map((r) => r.id),
      at,
    );

    if (total(n) > 0)
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'privacy.anonymise',
        entity: 'mall',
        entityId: mall.id,
        after: {
          retentionDays: mall.retention_days,
          finishedBefore: before,
          daysBefore: beforeDate,
          ...n,
          ids: { bookings: bookingIds, applications: applicationIds, complaints: complaintIds },
        },
        at,
      });
    return n;
  });
}

export interface RetentionRun {
  batches: number;
  counts: RetentionCounts;
}

/**
 * Anonymises everything of one mall that is due, batch after batch, until a batch finds nothing
 * (another node may be taking the rest). Tests call this with their own clock (ctx.now).
 */
export async function anonymiseMall(
  ctx: AppContext,
  mall: RetentionMall,
  opts: { batch?: number; pauseMs?: number } = {},
): Promise<RetentionRun> {
  const counts = zero();
  let batches = 0;
  for (;;) {
    const n = await anonymiseBatch(ctx, mall, opts.batch ?? 200);
    if (total(n) === 0) break;
    batches++;
    for (const k of Object.keys(n) as (keyof RetentionCounts)[]) counts[k] += n[k];
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  return { batches, counts };
}

/** Every mall of the deployment, each by its own retention period. */
export async function anonymiseEverywhere(ctx: AppContext, opts: { pauseMs?: number } = {}) {
  const out: Record<string, RetentionRun> = {};
  for (const mall of await repo.mallsForRetention(ctx.database.db)) {
    const run = await anonymiseMall(ctx, mall, opts);
    if (run.batches) out[mall.slug] = run;
  }
  return out;
}

/**
 * Shortly after start, then hourly: a short pause between batches leaves the database to the
 * requests while a large backlog (the first run after an upgrade) is worked off. Returns a stop.
 */
export function startRetentionJob(ctx: AppContext, everyMs = 3_600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running
      .then(() => (stopped ? {} : anonymiseEverywhere(ctx, { pauseMs: 20 })))
      .then((runs) => {
        if (Object.keys(runs).length)
          ctx.log.info({ runs }, 'privacy: personal data past retention anonymised');
      })
      .catch((err: unknown) =>
        ctx.log.warn({ err }, 'privacy: anonymising past retention failed; next hour again'),
      );
  };
  const first = setTimeout(tick, 30_000);
  first.unref();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
