import type { Updateable } from 'kysely';
import { type ComplaintDeadline, complaintDueAt } from '../../../shared/domain/complaint-deadlines.js';
import { type Action, type Actor, can, scopeIn } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { ComplaintsTable } from '../../db/schema.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { workingCalendar } from '../calendar/calendar.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './complaints.repo.js';
import {
  emitWebhook,
  recordStep,
  type Step,
  type StepActor,
  stepActorOf,
  tellReporter,
} from './complaints.steps.js';

type Row = NonNullable<repo.ComplaintView>;
type Patch = Updateable<ComplaintsTable>;

export const notFoundComplaint = () => notFound('COMPLAINT_NOT_FOUND', 'Laporan');

const illegal = (status: string) =>
  new AppError(
    'COMPLAINT_STATE',
    `Tidak dapat dilakukan pada laporan berstatus "${status}" (not allowed in this state).`,
  );

/**
 * A complaint a staff member may act on: the mall desk any of the mall's; agency staff only one
 * dispatched to their agency (else 404, so another agency's complaints do not even show to exist).
 */
export async function loadForStaff(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  action: Action,
): Promise<{ c: Row; reader: 'mall' | 'agency' }> {
  const c = await repo.findComplaint(ctx.database.db, mall.id, id);
  if (!c) throw notFoundComplaint();
  const reader = scopeIn(actor, action, mall.id) === 'mall' ? 'mall' : 'agency';
  if (
    !can(actor, action, { mallId: mall.id, agencyId: c.agency_id }) ||
    (reader === 'agency' && !c.dispatched_at)
  )
    throw notFoundComplaint();
  return { c, reader };
}

/**
 * The complaint as its actor sees it right after acting (an agency that just returned a complaint
 * reads the result once, though it is no longer theirs); the action itself passed loadForStaff.
 */
export async function loadAfterAction(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const c = await repo.findComplaint(ctx.database.db, mall.id, id);
  if (!c) throw notFoundComplaint();
  return {
    c,
    reader: scopeIn(actor, 'complaint.read', mall.id) === 'mall' ? ('mall' as const) : ('agency' as const),
  };
}

/** A deadline starting now on the mall's working calendar. */
async function deadline(ctx: AppContext, mall: MallRecord, kind: ComplaintDeadline) {
  return complaintDueAt(kind, ctx.now(), await workingCalendar(ctx, mall), mall.timezone);
}

/**
 * Moves the complaint from one of `from` to the patch in one transaction with its step(s), its
 * audit rows and what it tells others; a complaint changed meanwhile (another desk) gets 409.
 */
async function move(
  ctx: AppContext,
  c: Row,
  from: readonly string[],
  patch: Patch,
  who: StepActor,
  steps: Step[],
  after?: (tx: Tx, at: string) => Promise<void>,
): Promise<void> {
  if (!from.includes(c.status)) throw illegal(c.status);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const ok = await repo.updateComplaint(tx.db, c.id, { ...patch, updated_at: at }, { status: [c.status] });
    if (!ok) throw illegal('berubah');
    for (const s of steps) await recordStep(tx, c, who, s, at);
    await after?.(tx, at);
  });
}

const staffNote = (kind: string, status: string | null, message?: string): Step[] =>
  message ? [{ kind, status, message, visibility: 'staff' }] : [];

// ── The mall's complaint desk ─────────────────────────────────────────────────────────────────────

/** Verifies (first time) and dispatches to the responsible agency; its follow-up deadline starts. */
export async function dispatch(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  agencyId: number,
  note?: string,
) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.manage');
  const agency = await repo.agencyOf(ctx.database.db, mall.id, agencyId);
  if (!agency || agency.retired_at) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  const due = await deadline(ctx, mall, 'follow_up');
  const at = ctx.now().toISOString();
  const patch = {
    status: 'dispatched',
    agency_id: agencyId,
    verified_at: c.verified_at ?? at,
    dispatched_at: at,
    due_at: due,
    due_kind: 'follow_up',
    escalated_at: null,
  };
  await move(
    ctx,
    c,
    ['submitted', 'on_hold'],
    patch,
    stepActorOf({ actor, device: null }),
    [
      { kind: 'dispatched', status: 'dispatched', agencyId, visibility: 'reporter' },
      ...staffNote('note', 'dispatched', note),
    ],
    (tx) => emitWebhook(ctx, tx, c, 'complaint.dispatched', patch, `dispatched:${at}`),
  );
}

/** Holds it (e.g. waiting for the reporter's details): the dispatch clock stops until they reply. */
export async function hold(ctx: AppContext, actor: Actor, mall: MallRecord, id: number, reason: string) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.manage');
  await move(
    ctx,
    c,
    ['submitted'],
    { status: 'on_hold', due_at: null, due_kind: null, escalated_at: null },
    stepActorOf({ actor, device: null }),
    [{ kind: 'held', status: 'on_hold', message: reason, visibility: 'reporter' }],
  );
}

/** "Not our authority": sends a dispatched complaint on to another agency, with a new follow-up deadline. */
export async function reroute(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  agencyId: number,
  reason: string,
) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.manage');
  if (c.agency_id === agencyId)
    throw new AppError('VALIDATION_FAILED', 'Pilih instansi lain (choose another agency).');
  const agency = await repo.agencyOf(ctx.database.db, mall.id, agencyId);
  if (!agency || agency.retired_at) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  const due = await deadline(ctx, mall, 'follow_up');
  const at = ctx.now().toISOString();
  const patch = {
    status: 'dispatched',
    agency_id: agencyId,
    verified_at: c.verified_at ?? at,
    dispatched_at: at,
    due_at: due,
    due_kind: 'follow_up',
    escalated_at: null,
  };
  await move(
    ctx,
    c,
    ['dispatched', 'submitted', 'on_hold'],
    patch,
    stepActorOf({ actor, device: null }),
    [
      {
        kind: 'rerouted',
        status: 'dispatched',
        agencyId,
        visibility: 'reporter',
        audit: { fromAgencyId: c.agency_id },
      },
      ...staffNote('note', 'dispatched', reason),
    ],
    (tx) => emitWebhook(ctx, tx, c, 'complaint.dispatched', patch, `dispatched:${at}`),
  );
}

/** Archives with a reason the reporter reads (duplicate, not a complaint, no reply to a hold…). */
export async function archive(ctx: AppContext, actor: Actor, mall: MallRecord, id: number, reason: string) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.manage');
  const at = ctx.now().toISOString();
  const patch = { status: 'archived', due_at: null, due_kind: null, closed_at: at };
  await move(
    ctx,
    c,
    ['submitted', 'on_hold', 'dispatched', 'answered'],
    patch,
    stepActorOf({ actor, device: null }),
    [{ kind: 'archived', status: 'archived', message: reason, visibility: 'reporter' }],
    (tx) => emitWebhook(ctx, tx, c, 'complaint.closed', patch, 'archived'),
  );
}

// ── The agency's desk ─────────────────────────────────────────────────────────────────────────────

/** The agency's answer: the reporter is told, and the auto-close clock (10 working days) starts. */
export async function answer(ctx: AppContext, actor: Actor, mall: MallRecord, id: number, message: string) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.answer');
  const due = await deadline(ctx, mall, 'auto_close');
  const at = ctx.now().toISOString();
  const patch = {
    status: 'answered',
    answered_at: at,
    due_at: due,
    due_kind: 'auto_close',
    escalated_at: null,
  };
  await move(
    ctx,
    c,
    ['dispatched'],
    patch,
    stepActorOf({ actor, device: null }),
    [{ kind: 'answered', status: 'answered', agencyId: c.agency_id, message, visibility: 'reporter' }],
    async (tx) => {
      await tellReporter(ctx, tx, mall, c, 'complaint.answered', { agency: c.agency_name ?? '' }, at);
      await emitWebhook(ctx, tx, c, 'complaint.answered', patch, `answered:${at}`);
    },
  );
}

/** The agency says it is not theirs: back to the mall desk, which dispatches it again within 3 days. */
export async function returnToDesk(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  reason: string,
) {
  const { c } = await loadForStaff(ctx, actor, mall, id, 'complaint.answer');
  const due = await deadline(ctx, mall, 'dispatch');
  await move(
    ctx,
    c,
    ['dispatched'],
    {
      status: 'submitted',
      agency_id: null,
      dispatched_at: null,
      due_at: due,
      due_kind: 'dispatch',
      escalated_at: null,
    },
    stepActorOf({ actor, device: null }),
    [{ kind: 'returned', status: 'submitted', agencyId: c.agency_id, message: reason, visibility: 'staff' }],
  );
}

// ── The reporter, with the tracking code ──────────────────────────────────────────────────────────

export async function loadByCode(ctx: AppContext, mall: MallRecord, code: string): Promise<Row> {
  const c = await repo.findComplaintByCode(ctx.database.db, mall.id, code.trim().toUpperCase());
  if (!c) throw notFoundComplaint();
  return c;
}

/**
 * A reply: on an answered or closed complaint it reopens it at the agency (a new follow-up deadline);
 * on a held one it goes back to the desk (a new dispatch deadline); otherwise it is added to the file.
 */
export async function reply(
  ctx: AppContext,
  who: StepActor,
  mall: MallRecord,
  code: string,
  message: string,
) {
  const c = await loadByCode(ctx, mall, code);
  if (c.status === 'archived') throw illegal(c.status);
  const reopen = c.status === 'answered' || c.status === 'closed';
  const unhold = c.status === 'on_hold';
  const patch: Patch = reopen
    ? {
        status: 'dispatched',
        due_at: await deadline(ctx, mall, 'follow_up'),
        due_kind: 'follow_up',
        escalated_at: null,
        closed_at: null,
      }
    : unhold
      ? {
          status: 'submitted',
          due_at: await deadline(ctx, mall, 'dispatch'),
          due_kind: 'dispatch',
          escalated_at: null,
        }
      : {};
  const status = (patch.status as string | undefined) ?? c.status;
  const at = ctx.now().toISOString();
  await move(
    ctx,
    c,
    [c.status],
    patch,
    who,
    [{ kind: c.status === 'closed' ? 'reopened' : 'reply', status, message, visibility: 'reporter' }],
    reopen ? (tx) => emitWebhook(ctx, tx, c, 'complaint.dispatched', patch, `reopened:${at}`) : undefined,
  );
}

/** The reporter accepts the answer: closed. */
export async function accept(ctx: AppContext, who: StepActor, mall: MallRecord, code: string) {
  const c = await loadByCode(ctx, mall, code);
  const at = ctx.now().toISOString();
  const patch = { status: 'closed', closed_at: at, due_at: null, due_kind: null };
  await move(
    ctx,
    c,
    ['answered'],
    patch,
    who,
    [{ kind: 'accepted', status: 'closed', visibility: 'reporter' }],
    (tx) => emitWebhook(ctx, tx, c, 'complaint.closed', patch, `closed:${at}`),
  );
}
