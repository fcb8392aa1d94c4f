import type { z } from 'zod';
import type {
  ActionStatus,
  Plan,
  PlanAction,
  PlanActionInput,
  PlanActionPatch,
  PlanStageInput,
  PlanStagePatch,
} from '../../../shared/contracts/opening.js';
import { addCalendarDays, localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { PLAN_TEMPLATE } from './opening.template.js';
import * as repo from './plan.repo.js';

/** Percent of `done` over `total`, one decimal; an empty plan is 0 %. */
export const percent = (done: number, total: number) => (total ? Math.round((1000 * done) / total) / 10 : 0);

export const mallToday = (ctx: AppContext, mall: { timezone: string }) =>
  localMoment(ctx.now(), mall.timezone).date;

const isOpen = (status: string) => status === 'todo' || status === 'doing';

export function toActionDto(a: repo.ActionRow, today: string): z.infer<typeof PlanAction> {
  return {
    id: a.id,
    stageId: a.stage_id,
    title: a.title,
    owner: a.owner,
    dueDate: a.due_date,
    status: a.status as z.infer<typeof ActionStatus>,
    evidence: a.evidence,
    budgetPlanned: a.budget_planned,
    budgetRealised: a.budget_realised,
    doneAt: a.done_at,
    overdue: isOpen(a.status) && a.due_date !== null && a.due_date < today,
  };
}

/** The plan with every percentage computed from its actions; dropped actions count nowhere. */
export function buildPlan(
  stages: repo.StageRow[],
  actions: repo.ActionRow[],
  today: string,
): z.infer<typeof Plan> {
  let done = 0;
  let total = 0;
  let overdue = 0;
  const budget = { planned: 0, realised: 0 };
  const out = stages.map((s) => {
    const mine = actions.filter((a) => a.stage_id === s.id).map((a) => toActionDto(a, today));
    const counted = mine.filter((a) => a.status !== 'dropped');
    const d = counted.filter((a) => a.status === 'done').length;
    done += d;
    total += counted.length;
    overdue += mine.filter((a) => a.overdue).length;
    budget.planned += (s.budget_planned ?? 0) + mine.reduce((n, a) => n + (a.budgetPlanned ?? 0), 0);
    budget.realised += (s.budget_realised ?? 0) + mine.reduce((n, a) => n + (a.budgetRealised ?? 0), 0);
    return {
      id: s.id,
      name: s.name,
      milestone: s.milestone,
      done: d,
      total: counted.length,
      percent: percent(d, counted.length),
      budgetPlanned: s.budget_planned,
      budgetRealised: s.budget_realised,
      actions: mine,
    };
  });
  return { stages: out, done, total, percent: percent(done, total), overdue, budget };
}

export async function getPlan(ctx: AppContext, mall: MallRecord) {
  const db = ctx.database.db;
  const [stages, actions] = await Promise.all([repo.listStages(db, mall.id), repo.listActions(db, mall.id)]);
  return buildPlan(stages, actions, mallToday(ctx, mall));
}

/** Writes the template plan for a new mall (inside its creation's transaction). */
export async function createTemplatePlan(tx: Tx, mallId: number, startDate: string, at: string) {
  for (const [i, stage] of PLAN_TEMPLATE.entries()) {
    const stageId = await repo.insertStage(tx.db, {
      mall_id: mallId,
      position: i + 1,
      name: stage.name,
      milestone: stage.milestone ?? null,
      budget_planned: null,
      budget_realised: null,
      created_at: at,
      updated_at: at,
    });
    for (const [j, a] of stage.actions.entries())
      await repo.insertAction(tx.db, {
        mall_id: mallId,
        stage_id: stageId,
        position: j + 1,
        title: a.title,
        owner: a.owner,
        due_date: addCalendarDays(startDate, a.dueDays),
        status: 'todo',
        evidence: null,
        budget_planned: null,
        budget_realised: null,
        done_at: null,
        created_at: at,
        updated_at: at,
      });
  }
}

export async function createAction(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof PlanActionInput>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.findStage(tx.db, mall.id, input.stageId))) throw notFound('NOT_FOUND', 'Tahap');
    const values = {
      mall_id: mall.id,
      stage_id: input.stageId,
      position: await repo.nextActionPosition(tx.db, input.stageId),
      title: input.title,
      owner: input.owner ?? null,
      due_date: input.dueDate ?? null,
      status: input.status,
      evidence: input.evidence ?? null,
      budget_planned: input.budgetPlanned ?? null,
      budget_realised: input.budgetRealised ?? null,
      done_at: input.status === 'done' ? at : null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertAction(tx.db, values);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'plan.action.create',
      entity: 'plan_action',
      entityId: id,
      after: values,
      at,
    });
    return toActionDto({ id, ...values }, mallToday(ctx, mall));
  });
}

export async function updateAction(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof PlanActionPatch>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findAction(tx.db, mall.id, id);
    if (!before) throw notFound('NOT_FOUND', 'Aksi');
    if (patch.stageId !== undefined && !(await repo.findStage(tx.db, mall.id, patch.stageId)))
      throw notFound('NOT_FOUND', 'Tahap');
    const set = {
      ...(patch.stageId !== undefined && { stage_id: patch.stageId }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.owner !== undefined && { owner: patch.owner }),
      ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
      ...(patch.status !== undefined && {
        status: patch.status,
        done_at: patch.status === 'done' ? (before.done_at ?? at) : null,
      }),
      ...(patch.evidence !== undefined && { evidence: patch.evidence }),
      ...(patch.budgetPlanned !== undefined && { budget_planned: patch.budgetPlanned }),
      ...(patch.budgetRealised !== undefined && { budget_realised: patch.budgetRealised }),
      updated_at: at,
    };
    await repo.updateAction(tx.db, id, set);
    const after = { ...before, ...set };
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'plan.action.update',
      entity: 'plan_action',
      entityId: id,
      before,
      after,
      at,
    });
    return toActionDto(after, mallToday(ctx, mall));
  });
}

export async function createStage(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof PlanStageInput>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const values = {
      mall_id: mall.id,
      position: await repo.nextStagePosition(tx.db, mall.id),
      name: input.name,
      milestone: null,
      budget_planned: input.budgetPlanned ?? null,
      budget_realised: input.budgetRealised ?? null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertStage(tx.db, values);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'plan.stage.create',
      entity: 'plan_stage',
      entityId: id,
      after: values,
      at,
    });
    return id;
  });
}

export async function updateStage(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof PlanStagePatch>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findStage(tx.db, mall.id, id);
    if (!before) throw notFound('NOT_FOUND', 'Tahap');
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.budgetPlanned !== undefined && { budget_planned: patch.budgetPlanned }),
      ...(patch.budgetRealised !== undefined && { budget_realised: patch.budgetRealised }),
      updated_at: at,
    };
    await repo.updateStage(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'plan.stage.update',
      entity: 'plan_stage',
      entityId: id,
      before,
      after: { ...before, ...set },
      at,
    });
  });
}
