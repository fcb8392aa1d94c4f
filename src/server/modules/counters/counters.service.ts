import type { z } from 'zod';
import type { Counter, CounterInput, CounterPatch } from '../../../shared/contracts/catalog.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import * as agencies from '../agencies/agencies.repo.js';
import { assertLive } from '../opening/agreements.service.js';
import * as repo from './counters.repo.js';

type CounterDto = z.infer<typeof Counter>;

export async function listCounters(ctx: AppContext, mallId: number): Promise<CounterDto[]> {
  const db = ctx.database.db;
  const [rows, links] = await Promise.all([repo.listCounters(db, mallId), repo.counterServices(db, mallId)]);
  return rows.map((c) => {
    const services = links
      .filter((l) => l.counter_id === c.id)
      .map((l) => ({ id: l.id, name: l.name, queuePrefix: l.queue_prefix }));
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      status: c.status as CounterDto['status'],
      agencyId: c.agency_id,
      agencyName: c.agency_name,
      zone: c.zone_slug,
      serviceIds: services.map((s) => s.id),
      services,
    };
  });
}

/** The services exist in this mall, and the actor may put each one on a counter (its agency's). */
async function checkServices(tx: Tx, actor: Actor, mallId: number, serviceIds: number[]) {
  const unique = [...new Set(serviceIds)];
  const found = await repo.servicesInMall(tx.db, mallId, unique);
  if (found.length !== unique.length) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  for (const s of found) {
    authorize(actor, 'counter.manage', { mallId, agencyId: s.agency_id });
    // A service goes live at a counter only once its agency's cooperation agreement is signed.
    assertLive(s);
  }
  return unique;
}

export async function createCounter(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  input: z.infer<typeof CounterInput>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const agency = await agencies.findAgency(tx.db, mallId, input.agencyId);
    if (!agency) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
    assertLive(agency);
    const serviceIds = await checkServices(tx, actor, mallId, input.serviceIds);
    const values = {
      mall_id: mallId,
      agency_id: input.agencyId,
      number: input.number,
      name: input.name,
      zone_id: input.zone ? await repo.findOrCreateZone(tx.db, mallId, input.zone) : null,
      status: input.status,
      retired_at: null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertCounter(tx.db, values);
    await repo.setCounterServices(tx.db, mallId, id, serviceIds);
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action: 'counter.create',
      entity: 'counter',
      entityId: id,
      after: { ...values, serviceIds },
      at,
    });
    return id;
  });
}

export async function updateCounter(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  id: number,
  patch: z.infer<typeof CounterPatch> & { retired?: boolean },
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findCounter(tx.db, mallId, id);
    if (!before) throw notFound('COUNTER_NOT_FOUND', 'Loket');
    if (patch.agencyId !== undefined && patch.agencyId !== before.agency_id) {
      // Moving a counter to another agency hands its officers that agency's citizens: mall admins only.
      authorize(actor, 'counter.reassign', { mallId, agencyId: patch.agencyId });
      const agency = await agencies.findAgency(tx.db, mallId, patch.agencyId);
      if (!agency) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
      assertLive(agency);
    }
    const set = {
      ...(patch.agencyId !== undefined && { agency_id: patch.agencyId }),
      ...(patch.number !== undefined && { number: patch.number }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.zone !== undefined && {
        zone_id: patch.zone ? await repo.findOrCreateZone(tx.db, mallId, patch.zone) : null,
      }),
      ...(patch.retired !== undefined && { retired_at: patch.retired ? at : null }),
      updated_at: at,
    };
    await repo.updateCounter(tx.db, mallId, id, set);
    if (patch.serviceIds)
      await repo.setCounterServices(
        tx.db,
        mallId,
        id,
        await checkServices(tx, actor, mallId, patch.serviceIds),
      );
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action: patch.retired ? 'counter.retire' : 'counter.update',
      entity: 'counter',
      entityId: id,
      before,
      after: { ...before, ...set, ...(patch.serviceIds && { serviceIds: patch.serviceIds }) },
      at,
    });
  });
}

export async function getCounter(ctx: AppContext, mallId: number, id: number): Promise<CounterDto> {
  const c = (await listCounters(ctx, mallId)).find((x) => x.id === id);
  if (!c) throw notFound('COUNTER_NOT_FOUND', 'Loket');
  return c;
}

export async function counterAgencyId(ctx: AppContext, mallId: number, id: number): Promise<number> {
  const c = await repo.findCounter(ctx.database.db, mallId, id);
  if (!c || c.retired_at) throw notFound('COUNTER_NOT_FOUND', 'Loket');
  return c.agency_id;
}
