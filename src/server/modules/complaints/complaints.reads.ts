import type { z } from 'zod';
import type {
  ComplaintDeskQuery,
  ComplaintStats,
  PublicComplaintQuery,
} from '../../../shared/contracts/complaints.js';
import { addCalendarDays, localDayStart } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import { type Actor, scopeIn } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import type { MallRecord } from '../malls/malls.service.js';
import { loadAfterAction, loadByCode, loadForStaff } from './complaints.actions.js';
import { isOverdue, toPublicDto, toReporterDto, toStaffDto, toSummary } from './complaints.mapper.js';
import * as repo from './complaints.repo.js';

/** The reporter's view by tracking code. */
export async function readByCode(ctx: AppContext, mall: MallRecord, code: string) {
  const c = await loadByCode(ctx, mall, code);
  const db = ctx.database.db;
  return toReporterDto(c, await repo.listEvents(db, c.id), await repo.listAttachments(db, c.id));
}

/** The public list: non-confidential reports and the agencies' answers; no reporter, no officer. */
export async function listPublic(ctx: AppContext, mall: MallRecord, q: z.infer<typeof PublicComplaintQuery>) {
  const db = ctx.database.db;
  const f = { mallId: mall.id, status: q.status, agencyId: q.agencyId };
  const rows = await repo.listPublic(db, f, q.limit, q.offset);
  const answers = await repo.answersOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      toPublicDto(
        r,
        answers.filter((a) => a.complaint_id === r.id),
      ),
    ),
    total: await repo.countPublic(db, f),
  };
}

/** The desk: the mall's complaint desk sees all; agency staff what was dispatched to their agency. */
export async function listDesk(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  q: z.infer<typeof ComplaintDeskQuery>,
) {
  const now = ctx.now();
  const mallWide = scopeIn(actor, 'complaint.read', mall.id) === 'mall';
  const f: repo.DeskFilter = {
    mallId: mall.id,
    status: q.status,
    agencyId: mallWide ? q.agencyId : (actor.agencyId ?? -1),
    dispatchedOnly: !mallWide,
    overdueAt: q.overdue === 'true' ? now.toISOString() : undefined,
  };
  const db = ctx.database.db;
  const rows = await repo.listDesk(db, f, q.limit, q.offset);
  return {
    items: rows.map((r) => toSummary(r, mallWide ? 'mall' : 'agency', now)),
    total: await repo.countDesk(db, f),
  };
}

export async function readForStaff(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  justActed = false,
) {
  const { c, reader } = justActed
    ? await loadAfterAction(ctx, actor, mall, id)
    : await loadForStaff(ctx, actor, mall, id, 'complaint.read');
  const db = ctx.database.db;
  return toStaffDto(
    c,
    reader,
    ctx.now(),
    await repo.listEvents(db, c.id),
    await repo.listAttachments(db, c.id),
  );
}

/** The reporter's contacts unmasked, for the mall desk only; every read leaves an audit row. */
export async function readReporter(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.readReporter');
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, (tx) =>
    appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'complaint.reporter.read',
      entity: 'complaint',
      entityId: c.id,
      // Which contacts were shown, not what they are (the audit log outlives the retention period).
      after: { phone: c.reporter_phone !== null, email: c.reporter_email !== null },
      at,
    }),
  );
  return { name: c.reporter_name, phone: c.reporter_phone, email: c.reporter_email };
}

/** Counts for a period (local dates, inclusive): per status, type, agency, service and counter. */
export async function stats(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  from: string,
  to: string,
): Promise<z.infer<typeof ComplaintStats>> {
  const rows = await repo.inPeriod(
    ctx.database.db,
    mall.id,
    localDayStart(from, mall.timezone).toISOString(),
    localDayStart(addCalendarDays(to, 1), mall.timezone).toISOString(),
  );
  const mallWide = scopeIn(actor, 'complaint.read', mall.id) === 'mall';
  const mine = mallWide ? rows : rows.filter((r) => r.agency_id === actor.agencyId);
  const now = ctx.now();
  const tally = (key: (r: (typeof rows)[number]) => string) => {
    const out: Record<string, number> = {};
    for (const r of mine) out[key(r)] = (out[key(r)] ?? 0) + 1;
    return out;
  };
  const group = (
    id: (r: (typeof rows)[number]) => number | null,
    name: (r: (typeof rows)[number]) => string | null,
  ) => {
    const m = new Map<number | null, { id: number | null; name: string | null; count: number }>();
    for (const r of mine) {
      const g = m.get(id(r)) ?? { id: id(r), name: name(r), count: 0 };
      g.count++;
      m.set(id(r), g);
    }
    return [...m.values()].sort((a, b) => b.count - a.count);
  };
  return {
    total: mine.length,
    overdue: mine.filter((r) => isOverdue(r, now)).length,
    byStatus: tally((r) => r.status),
    byType: tally((r) => r.type),
    byAgency: group(
      (r) => r.agency_id,
      (r) => r.agency_name,
    ),
    byService: group(
      (r) => r.service_id,
      (r) => r.service_name,
    ),
    byCounter: group(
      (r) => r.counter_id,
      (r) => r.counter_name,
    ),
  };
}
