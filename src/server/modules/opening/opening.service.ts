import type { z } from 'zod';
import type {
  MilestoneKey,
  OpeningSettings,
  OpeningStage,
  OpeningSummary,
} from '../../../shared/contracts/opening.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import * as malls from '../malls/malls.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { listAgreements } from './agreements.service.js';
import { coverageReport, listDualism } from './coverage.service.js';
import { getPlan, mallToday } from './plan.service.js';
import { getReadiness } from './readiness.service.js';

type Key = z.infer<typeof MilestoneKey>;
const MILESTONES: { key: Key; column: keyof MallRecord }[] = [
  { key: 'commitment', column: 'commitment_date' },
  { key: 'trial', column: 'trial_date' },
  { key: 'soft_opening', column: 'soft_opening_date' },
  { key: 'grand_opening', column: 'grand_opening_date' },
];

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function stageOf(mall: MallRecord, today: string, actionsDone: number): z.infer<typeof OpeningStage> {
  if (mall.status === 'open')
    return mall.grand_opening_date && today < mall.grand_opening_date ? 'soft_opening' : 'open';
  if (mall.trial_date && today >= mall.trial_date) return 'trial';
  return actionsDone > 0 ? 'preparing' : 'committed';
}

/** One mall's road at a glance: stage, milestones with what blocks them, plan, readiness, agreements. */
export async function openingSummary(
  ctx: AppContext,
  mall: MallRecord,
): Promise<z.infer<typeof OpeningSummary>> {
  const today = mallToday(ctx, mall);
  const [plan, readiness, agreements, coverage, dualism] = await Promise.all([
    getPlan(ctx, mall),
    getReadiness(ctx, mall),
    listAgreements(ctx, mall),
    coverageReport(ctx, mall.id),
    listDualism(ctx, mall),
  ]);
  const actions = plan.stages.flatMap((s) => s.actions.map((a) => ({ ...a, milestone: s.milestone })));
  const open = actions.filter((a) => a.status === 'todo' || a.status === 'doing');
  const milestones = MILESTONES.map(({ key, column }) => {
    const date = (mall[column] as string | null) ?? null;
    const blockers = open
      .filter((a) => a.milestone === key || (date !== null && a.dueDate !== null && a.dueDate <= date))
      .map((a) => a.title);
    if (key === 'soft_opening' && mall.status === 'preparing')
      blockers.push(...readiness.missing.map((m) => m.title));
    const passed = mall.status === 'open' && key !== 'grand_opening';
    return {
      key,
      date,
      daysRemaining: date ? daysBetween(today, date) : null,
      blockers: passed ? [] : [...new Set(blockers)].slice(0, 20),
    };
  });
  const upcoming = milestones
    .filter((m) => m.date !== null && m.date >= today)
    .sort((a, b) => (a.date! < b.date! ? -1 : 1))[0];
  return {
    mallId: mall.id,
    slug: mall.slug,
    name: mall.name,
    status: mall.status === 'preparing' ? 'preparing' : 'open',
    stage: stageOf(mall, today, plan.done),
    openedAt: mall.opened_at,
    spaceCounters: mall.space_counters,
    spaceDesks: mall.space_desks,
    milestones,
    next: upcoming
      ? { key: upcoming.key, date: upcoming.date!, daysRemaining: upcoming.daysRemaining! }
      : null,
    plan: { done: plan.done, total: plan.total, percent: plan.percent },
    readiness: { score: readiness.score, ready: readiness.ready, missing: readiness.missing.length },
    agreements: { signed: agreements.signed, total: agreements.total },
    coverage: coverage.totals,
    overdue: {
      actions: actions.filter((a) => a.overdue).map((a) => a.title),
      dualism: dualism.filter((d) => d.overdue).length,
    },
    budget: plan.budget,
  };
}

/** The ministry's view: every mall's road, preparing ones first. */
export async function overview(ctx: AppContext) {
  const all = await malls.listMalls(ctx.database.db);
  const items = [];
  for (const m of all) items.push(await openingSummary(ctx, m));
  items.sort((a, b) =>
    a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'preparing' ? -1 : 1,
  );
  return {
    items,
    totals: {
      malls: items.length,
      open: items.filter((i) => i.status === 'open').length,
      preparing: items.filter((i) => i.status === 'preparing').length,
    },
  };
}

/** Milestone dates and the space on offer; only the fields named change. Audited. */
export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  patch: z.infer<typeof OpeningSettings>,
) {
  const at = ctx.now().toISOString();
  const set = {
    ...(patch.commitmentDate !== undefined && { commitment_date: patch.commitmentDate }),
    ...(patch.trialDate !== undefined && { trial_date: patch.trialDate }),
    ...(patch.softOpeningDate !== undefined && { soft_opening_date: patch.softOpeningDate }),
    ...(patch.grandOpeningDate !== undefined && { grand_opening_date: patch.grandOpeningDate }),
    ...(patch.spaceCounters !== undefined && { space_counters: patch.spaceCounters }),
    ...(patch.spaceDesks !== undefined && { space_desks: patch.spaceDesks }),
  };
  await inTransaction(ctx.database.db, async (tx) => {
    if (Object.keys(set).length) await malls.updateMall(tx.db, mall.id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'opening.settings',
      entity: 'mall',
      entityId: mall.id,
      before: Object.fromEntries(Object.keys(set).map((k) => [k, mall[k as keyof MallRecord]])),
      after: set,
      at,
    });
  });
  return openingSummary(ctx, { ...mall, ...set });
}
