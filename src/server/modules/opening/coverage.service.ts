import type { z } from 'zod';
import type {
  Coverage,
  CoverageReport,
  DualismEntry,
  DualismInput,
  DualismPatch,
} from '../../../shared/contracts/opening.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as services from '../services/services.repo.js';
import * as repo from './coverage.repo.js';
import { mallToday } from './plan.service.js';

type Counts = { total: number; full: number; intakeOnly: number; notServed: number };
const zero = (): Counts => ({ total: 0, full: 0, intakeOnly: 0, notServed: 0 });
function add(c: Counts, coverage: string) {
  c.total++;
  if (coverage === 'full') c.full++;
  else if (coverage === 'intake_only') c.intakeOnly++;
  else c.notServed++;
}

/** Per agency and for the mall: how many services are served in full, taken in only, not served. */
export async function coverageReport(
  ctx: AppContext,
  mallId: number,
): Promise<z.infer<typeof CoverageReport>> {
  const rows = await repo.coverageRows(ctx.database.db, mallId);
  const totals = zero();
  const byAgency = new Map<number, z.infer<typeof CoverageReport>['agencies'][number]>();
  for (const r of rows) {
    let a = byAgency.get(r.agency_id);
    if (!a) {
      a = { agencyId: r.agency_id, name: r.agency_name, ...zero(), services: [] };
      byAgency.set(r.agency_id, a);
    }
    add(a, r.coverage);
    add(totals, r.coverage);
    a.services.push({
      id: r.id,
      name: r.name,
      coverage: r.coverage as z.infer<typeof Coverage>,
      coverageReason: r.coverage_reason,
    });
  }
  return { agencies: [...byAgency.values()], totals };
}

function toDualismDto(d: repo.DualismRow & { service_name: string; agency_name: string }, today: string) {
  return {
    id: d.id,
    serviceId: d.service_id,
    serviceName: d.service_name,
    agencyName: d.agency_name,
    plan: d.plan,
    endDate: d.end_date,
    endedAt: d.ended_at,
    overdue: d.ended_at === null && d.end_date < today,
  } satisfies z.infer<typeof DualismEntry>;
}

export async function listDualism(ctx: AppContext, mall: MallRecord) {
  const today = mallToday(ctx, mall);
  return (await repo.listDualism(ctx.database.db, mall.id)).map((d) => toDualismDto(d, today));
}

export async function createDualism(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof DualismInput>,
) {
  const at = ctx.now().toISOString();
  const id = await inTransaction(ctx.database.db, async (tx) => {
    if (!(await services.findService(tx.db, mall.id, input.serviceId)))
      throw notFound('SERVICE_NOT_FOUND', 'Layanan');
    const values = {
      mall_id: mall.id,
      service_id: input.serviceId,
      plan: input.plan,
      end_date: input.endDate,
      ended_at: null,
      created_at: at,
      updated_at: at,
    };
    const newId = await repo.insertDualism(tx.db, values);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'dualism.create',
      entity: 'dualism',
      entityId: newId,
      after: values,
      at,
    });
    return newId;
  });
  return (await listDualism(ctx, mall)).find((d) => d.id === id)!;
}

export async function updateDualism(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof DualismPatch>,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findDualism(tx.db, mall.id, id);
    if (!before) throw notFound('NOT_FOUND', 'Dualisme');
    const set = {
      ...(patch.plan !== undefined && { plan: patch.plan }),
      ...(patch.endDate !== undefined && { end_date: patch.endDate }),
      ...(patch.ended !== undefined && { ended_at: patch.ended ? (before.ended_at ?? at) : null }),
      updated_at: at,
    };
    await repo.updateDualism(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'dualism.update',
      entity: 'dualism',
      entityId: id,
      before,
      after: { ...before, ...set },
      at,
    });
  });
  return (await listDualism(ctx, mall)).find((d) => d.id === id)!;
}
