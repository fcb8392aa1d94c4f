import type { z } from 'zod';
import type { MallInput, MallPatch, ZoneInput } from '../../../shared/contracts/catalog.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import { createTemplatePlan } from '../opening/plan.service.js';
import { createTemplateReadiness } from '../opening/readiness.service.js';
import * as repo from './malls.repo.js';
import { type MallRecord, toMallDto } from './malls.service.js';

/** A new mall's hours until its admin sets its own: Mon–Thu 08:00–15:00, Friday with the prayer break. */
const DEFAULT_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: '08:00',
  closes: weekday === 5 ? '15:30' : '15:00',
  breaks: JSON.stringify(
    weekday === 5 ? [{ start: '11:30', end: '13:00', label: 'Istirahat salat Jumat' }] : [],
  ),
}));

/** Creates a mall (national admin): its row, default opening hours, audited on the deployment chain. */
export async function createMall(ctx: AppContext, actor: Actor, input: z.infer<typeof MallInput>) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    if (await repo.findMallBySlug(tx.db, input.slug))
      throw new AppError('SLUG_TAKEN', `Slug "${input.slug}" sudah dipakai (slug taken).`);
    const values = {
      slug: input.slug,
      name: input.name,
      timezone: input.timezone,
      address: input.address,
      working_days: JSON.stringify(input.workingWeekdays),
      notify_when_ahead: input.notifyWhenAhead,
      retention_days: input.retentionDays,
      created_at: at,
      // A new mall starts on the road to opening: no public catalog, no tickets until it is launched.
      status: 'preparing',
    };
    const id = await repo.insertMall(tx.db, values);
    const today = localMoment(ctx.now(), input.timezone).date;
    await createTemplatePlan(tx, id, today, at);
    await createTemplateReadiness(tx, id, at);
    await repo.insertOpeningHours(
      tx.db,
      DEFAULT_HOURS.map((h) => ({ ...h, mall_id: id })),
    );
    await appendAudit(tx, {
      mallId: null,
      actorId: actor.id,
      action: 'mall.create',
      entity: 'mall',
      entityId: id,
      after: values,
      at,
    });
    const created = await repo.findMallById(tx.db, id);
    if (!created) throw new Error(`mall ${id} vanished during its creation`);
    return toMallDto(created);
  });
}

export async function updateMall(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  patch: z.infer<typeof MallPatch>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.timezone !== undefined && { timezone: patch.timezone }),
      ...(patch.workingWeekdays !== undefined && {
        working_days: JSON.stringify([...new Set(patch.workingWeekdays)].sort()),
      }),
      ...(patch.notifyWhenAhead !== undefined && { notify_when_ahead: patch.notifyWhenAhead }),
      ...(patch.retentionDays !== undefined && { retention_days: patch.retentionDays }),
    };
    if (Object.keys(set).length) await repo.updateMall(tx.db, mall.id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'mall.update',
      entity: 'mall',
      entityId: mall.id,
      before: mall,
      after: { ...mall, ...set },
      at,
    });
    return toMallDto({ ...mall, ...set });
  });
}

export async function listZones(ctx: AppContext, mallId: number) {
  return repo.listZones(ctx.database.db, mallId);
}

/** Display zones (e.g. floors): a display at /display?zone=lantai-2 shows only that zone's counters. */
export async function saveZone(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  input: z.infer<typeof ZoneInput>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const existing = await repo.findZoneBySlug(tx.db, mallId, input.slug);
    let id: number;
    if (existing) {
      id = existing.id;
      await repo.renameZone(tx.db, id, input.name);
    } else {
      id = await repo.insertZone(tx.db, mallId, input.slug, input.name);
    }
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action: 'zone.save',
      entity: 'zone',
      entityId: id,
      after: input,
      at,
    });
    return { id, ...input };
  });
}
