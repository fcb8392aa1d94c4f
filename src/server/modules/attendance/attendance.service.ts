import type { z } from 'zod';
import type {
  Attendance,
  AttendanceQuery,
  CounterRequestDecision,
  CounterRequestDto,
  CounterRequestInput,
  CounterSessionDto,
  OfficerWork,
  OfficerWorkQuery,
} from '../../../shared/contracts/attendance.js';
import { addCalendarDays, localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import { type Actor, scopeIn } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { lockMallQueue } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { operableCounter } from '../queue/counter-access.js';
import { changeCounterStatus } from '../queue/counter-actions.service.js';
import * as repo from './attendance.repo.js';
import { tallyOfficerWork, type WorkSession, type WorkTally } from './officer-work.js';

const toSession = (r: NonNullable<Awaited<ReturnType<typeof repo.findSession>>>): CounterSessionDto => ({
  id: r.id,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  userId: r.user_id,
  displayName: r.display_name,
  localDate: r.local_date,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  endReason: r.end_reason,
});

const toRequest = (r: repo.RequestRow): CounterRequestDto => ({
  id: r.id,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  userId: r.user_id,
  displayName: r.display_name,
  kind: r.kind as CounterRequestDto['kind'],
  reason: r.reason,
  minutes: r.minutes,
  status: r.status as CounterRequestDto['status'],
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  createdAt: r.created_at,
});

async function audit(
  tx: Tx,
  mall: MallRecord,
  actor: Actor,
  action: string,
  entity: string,
  id: number,
  after: object,
  at: string,
) {
  await appendAudit(tx, { mallId: mall.id, actorId: actor.id, action, entity, entityId: id, after, at });
}

/**
 * An officer signs in at a counter (attendance). Idempotent for the same officer; another officer's
 * open session there answers 409 COUNTER_OCCUPIED; the officer's session at another counter ends.
 */
export async function signIn(ctx: AppContext, mall: MallRecord, actor: Actor, counterId: number) {
  const at = ctx.now().toISOString();
  const localDate = localMoment(ctx.now(), mall.timezone).date;
  return inTransaction(ctx.database.db, async (tx) => {
    await lockMallQueue(tx, mall.id);
    const counter = await operableCounter(tx, mall.id, actor, counterId);
    const there = await repo.openSessionAtCounter(tx.db, counterId);
    if (there && there.user_id === actor.id) return toSession(there);
    if (there)
      throw new AppError(
        'COUNTER_OCCUPIED',
        `Loket ${counter.number} sedang dipakai ${there.display_name}; minta keluar dulu (counter in use).`,
      );
    for (const s of await repo.openSessionsOfUser(tx.db, mall.id, actor.id)) {
      await repo.endSession(tx.db, s.id, at, 'replaced');
      await audit(
        tx,
        mall,
        actor,
        'counter.sign_out',
        'counter',
        s.counter_id,
        { sessionId: s.id, reason: 'replaced' },
        at,
      );
    }
    const id = await repo.insertSession(tx.db, {
      mall_id: mall.id,
      counter_id: counterId,
      user_id: actor.id,
      local_date: localDate,
      started_at: at,
    });
    await audit(tx, mall, actor, 'counter.sign_in', 'counter', counterId, { sessionId: id }, at);
    return toSession((await repo.findSession(tx.db, id))!);
  });
}

/** Signs the officer out of the counter (a mall admin may sign out whoever is there). */
export async function signOut(ctx: AppContext, mall: MallRecord, actor: Actor, counterId: number) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    await operableCounter(tx, mall.id, actor, counterId);
    const there = await repo.openSessionAtCounter(tx.db, counterId);
    if (!there || (there.user_id !== actor.id && !isMallAdmin(actor, mall)))
      throw new AppError('NOT_SIGNED_IN', 'Anda belum masuk di loket ini (not signed in at this counter).');
    await repo.endSession(tx.db, there.id, at, 'signed_out');
    await audit(
      tx,
      mall,
      actor,
      'counter.sign_out',
      'counter',
      counterId,
      { sessionId: there.id, userId: there.user_id },
      at,
    );
    return toSession((await repo.findSession(tx.db, there.id))!);
  });
}

const isMallAdmin = (actor: Actor, mall: MallRecord) => scopeIn(actor, 'counter.approve', mall.id) === 'mall';

/** The agency a reader is confined to: its own when the policy reaches only its agency. */
function agencyFilter(actor: Actor, mall: MallRecord, asked: number | undefined): number | undefined {
  const scope = scopeIn(actor, 'attendance.read', mall.id);
  if (scope === 'mall') return asked;
  if (scope === 'agency' && actor.agencyId !== null) {
    if (asked !== undefined && asked !== actor.agencyId)
      authorize(actor, 'attendance.read', { mallId: mall.id, agencyId: asked });
    return actor.agencyId;
  }
  authorize(actor, 'attendance.read', { mallId: mall.id, agencyId: asked ?? -1 });
  return asked;
}

/** Who worked when on a local date: first sign-in, last sign-out, minutes signed in, each session. */
export async function attendance(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  q: z.infer<typeof AttendanceQuery>,
): Promise<z.infer<typeof Attendance>> {
  const agencyId = agencyFilter(actor, mall, q.agencyId);
  const rows = await repo.sessionsBetween(ctx.database.db, mall.id, q.date, q.date, agencyId);
  const now = ctx.now().getTime();
  const byUser = new Map<number, typeof rows>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  return {
    date: q.date,
    items: [...byUser.values()].map((sessions) => {
      const open = sessions.some((s) => s.ended_at === null);
      const ms = sessions.reduce(
        (sum, s) => sum + ((s.ended_at ? Date.parse(s.ended_at) : now) - Date.parse(s.started_at)),
        0,
      );
      return {
        userId: sessions[0]!.user_id,
        displayName: sessions[0]!.display_name,
        agencyId: sessions[0]!.user_agency_id,
        firstIn: sessions[0]!.started_at,
        lastOut: open
          ? null
          : sessions
              .map((s) => s.ended_at!)
              .sort()
              .at(-1)!,
        minutes: Math.round(ms / 600) / 100,
        sessions: sessions.map(toSession),
      };
    }),
  };
}

/** An officer asks for a break or a closure of its counter; a mall admin decides. */
export async function requestPause(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  counterId: number,
  input: z.infer<typeof CounterRequestInput>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    await operableCounter(tx, mall.id, actor, counterId);
    if (await repo.pendingRequestAt(tx.db, counterId))
      throw new AppError(
        'REQUEST_PENDING',
        'Permintaan untuk loket ini masih menunggu keputusan (a request for this counter is pending).',
      );
    const id = await repo.insertRequest(tx.db, {
      mall_id: mall.id,
      counter_id: counterId,
      user_id: actor.id,
      kind: input.kind,
      reason: input.reason,
      minutes: input.minutes ?? null,
      created_at: at,
    });
    await audit(tx, mall, actor, 'counter.request', 'counter_request', id, { counterId, ...input }, at);
    return toRequest((await repo.findRequest(tx.db, mall.id, id))!);
  });
}

export async function listRequests(ctx: AppContext, mall: MallRecord, actor: Actor, status?: string) {
  const agencyId = agencyFilter(actor, mall, undefined);
  return { items: (await repo.listRequests(ctx.database.db, mall.id, status, agencyId)).map(toRequest) };
}

/**
 * A mall admin approves (the counter goes on break or closes, the reason on the boards, in the same
 * transaction) or rejects a pending request. Deciding twice answers 409 REQUEST_DECIDED.
 */
export async function decideRequest(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  id: number,
  d: z.infer<typeof CounterRequestDecision>,
) {
  const at = ctx.now().toISOString();
  return ctx.database.group.run(mall.id, async (tx) => {
    const r = await repo.findRequest(tx.db, mall.id, id);
    if (!r) throw notFound('REQUEST_NOT_FOUND', 'Permintaan');
    authorize(actor, 'counter.approve', { mallId: mall.id, agencyId: r.agency_id, counterId: r.counter_id });
    if (
      !(await repo.decideRequest(
        tx.db,
        id,
        d.approve ? 'approved' : 'rejected',
        actor.id,
        at,
        d.note ?? null,
      ))
    )
      throw new AppError('REQUEST_DECIDED', 'Permintaan ini sudah diputuskan (already decided).');
    await audit(
      tx,
      mall,
      actor,
      'counter.request.decide',
      'counter_request',
      id,
      { approve: d.approve, note: d.note ?? null },
      at,
    );
    if (d.approve)
      await changeCounterStatus(
        ctx,
        tx,
        mall,
        actor,
        r.counter_id,
        r.kind === 'break' ? 'break' : 'closed',
        r.reason,
        at,
      );
    return toRequest((await repo.findRequest(tx.db, mall.id, id))!);
  });
}

const MAX_WORK_DAYS = 92;

/** Officers' work per counter over local dates (see officer-work.ts), minutes to 2 decimals. */
export async function officerWork(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  q: z.infer<typeof OfficerWorkQuery>,
): Promise<z.infer<typeof OfficerWork>> {
  const agencyId = agencyFilter(actor, mall, q.agencyId);
  const db = ctx.database.db;
  const sessions = await repo.sessionsBetween(db, mall.id, q.from, q.to, agencyId);
  const servicesOf = new Map<number, number[]>();
  for (const r of await repo.counterServicesOfMall(db, mall.id))
    servicesOf.set(r.counter_id, [...(servicesOf.get(r.counter_id) ?? []), r.service_id]);
  const tally = new Map<string, WorkTally>();
  const now = ctx.now().getTime();
  let days = 0;
  for (let day = q.from; day <= q.to; day = addCalendarDays(day, 1)) {
    if (++days > MAX_WORK_DAYS)
      throw new AppError(
        'VALIDATION_FAILED',
        `Rentang paling lama ${MAX_WORK_DAYS} hari (at most ${MAX_WORK_DAYS} days).`,
      );
    const ofDay = sessions.filter((s) => s.local_date === day);
    if (ofDay.length === 0) continue;
    const dayEnd = localDayStart(addCalendarDays(day, 1), mall.timezone).getTime();
    const work: WorkSession[] = ofDay.map((s) => ({
      userId: s.user_id,
      counterId: s.counter_id,
      start: Date.parse(s.started_at),
      end: s.ended_at ? Date.parse(s.ended_at) : Math.min(now, dayEnd),
    }));
    tallyOfficerWork(await repo.dayWorkEvents(db, mall.id, day), work, servicesOf, tally);
  }
  const names = new Map(sessions.map((s) => [s.user_id, s.display_name]));
  const numbers = new Map(sessions.map((s) => [s.counter_id, s.counter_number]));
  const m = (ms: number) => Math.round(ms / 600) / 100;
  return {
    from: q.from,
    to: q.to,
    items: [...tally.values()].map((t) => ({
      userId: t.userId,
      displayName: names.get(t.userId) ?? `#${t.userId}`,
      counterId: t.counterId,
      counterNumber: numbers.get(t.counterId) ?? 0,
      signedInMinutes: m(t.signedInMs),
      servingMinutes: m(t.servingMs),
      calledNotStartedMinutes: m(t.calledNotStartedMs),
      idleWhileWaitingMinutes: m(t.idleWhileWaitingMs),
      served: t.served,
    })),
  };
}
