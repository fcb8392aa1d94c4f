import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Readiness, ReadinessItemPatch } from '../../../shared/contracts/opening.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import * as malls from '../malls/malls.repo.js';
import { type MallRecord, toMallDto } from '../malls/malls.service.js';
import { type AreaKey, READINESS_AREAS, READINESS_TEMPLATE, type ReadinessRule } from './opening.template.js';
import { mallToday, percent } from './plan.service.js';
import * as repo from './readiness.repo.js';
import { evaluateRule } from './readiness.rules.js';

/** The checklist's five areas with manual items as ticked and computed items derived right now. */
export async function readinessIn(
  db: Kysely<DB>,
  mallId: number,
  today: string,
): Promise<z.infer<typeof Readiness>> {
  const [items, facts] = await Promise.all([repo.listItems(db, mallId), repo.readinessFacts(db, mallId)]);
  const areas = (Object.keys(READINESS_AREAS) as AreaKey[]).map((key) => {
    const mine = items
      .filter((i) => i.area === key)
      .map((i) => {
        const computed = i.rule ? evaluateRule(i.rule as ReadinessRule, facts, today) : null;
        return {
          id: i.id,
          title: i.title,
          done: computed ? computed.done : i.done === 1,
          evidence: i.evidence,
          computed: computed !== null,
          detail: computed?.detail ?? null,
        };
      });
    return {
      key,
      name: READINESS_AREAS[key],
      done: mine.filter((i) => i.done).length,
      total: mine.length,
      items: mine,
    };
  });
  const all = areas.flatMap((a) => a.items.map((i) => ({ ...i, area: a.key })));
  const missing = all.filter((i) => !i.done).map((i) => ({ id: i.id, area: i.area, title: i.title }));
  return {
    areas,
    score: percent(all.length - missing.length, all.length),
    ready: all.length > 0 && missing.length === 0,
    missing,
  };
}

export const getReadiness = (ctx: AppContext, mall: MallRecord) =>
  readinessIn(ctx.database.db, mall.id, mallToday(ctx, mall));

export async function createTemplateReadiness(tx: Tx, mallId: number, at: string) {
  await repo.insertItems(
    tx.db,
    READINESS_TEMPLATE.map((t, i) => ({
      mall_id: mallId,
      area: t.area,
      position: i + 1,
      title: t.title,
      rule: t.rule ?? null,
      done: 0,
      evidence: null,
      updated_by: null,
      updated_at: at,
    })),
  );
}

export async function updateItem(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof ReadinessItemPatch>,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findItem(tx.db, mall.id, id);
    if (!before) throw notFound('NOT_FOUND', 'Butir kesiapan');
    if (before.rule && patch.done !== undefined) {
      // A computed item follows the data; ticking it by hand would hide what is still missing.
      const now = await readinessIn(tx.db, mall.id, mallToday(ctx, mall));
      const item = now.areas.flatMap((a) => a.items).find((i) => i.id === id);
      if (item && item.done !== patch.done)
        throw new AppError(
          'READINESS_COMPUTED',
          `Butir ini dihitung dari data (computed from the mall's data): ${item.detail ?? item.title}`,
        );
    }
    const set = {
      ...(patch.done !== undefined && !before.rule && { done: patch.done ? 1 : 0 }),
      ...(patch.evidence !== undefined && { evidence: patch.evidence }),
      updated_by: actor.id,
      updated_at: at,
    };
    await repo.updateItem(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'readiness.update',
      entity: 'readiness_item',
      entityId: id,
      before,
      after: { ...before, ...set },
      at,
    });
  });
  return getReadiness(ctx, mall);
}

/**
 * Opens a mall in preparation: refused with 409 NOT_READY (the missing items in `details`) while
 * any readiness item is open. The soft opening date defaults to the launch day. Audited.
 */
export async function launch(ctx: AppContext, actor: Actor, mall: MallRecord) {
  const at = ctx.now().toISOString();
  const today = mallToday(ctx, mall);
  return inTransaction(ctx.database.db, async (tx) => {
    const current = await malls.findMallById(tx.db, mall.id);
    if (!current) throw notFound('MALL_NOT_FOUND', 'Mal');
    if (current.status === 'open') return toMallDto(current);
    const r = await readinessIn(tx.db, mall.id, today);
    if (!r.ready)
      throw new AppError(
        'NOT_READY',
        `Mal belum siap dibuka; ${r.missing.length} butir belum terpenuhi (not ready): ` +
          r.missing.map((m) => m.title).join('; '),
        { missing: r.missing },
      );
    const set = {
      status: 'open',
      opened_at: at,
      soft_opening_date: current.soft_opening_date ?? today,
    };
    await malls.updateMall(tx.db, mall.id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'mall.launch',
      entity: 'mall',
      entityId: mall.id,
      before: { status: current.status },
      after: { ...set, readinessScore: r.score },
      at,
    });
    return toMallDto({ ...current, ...set });
  });
}
