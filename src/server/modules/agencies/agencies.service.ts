import type { z } from 'zod';
import type { Agency, AgencyInput, AgencyPatch, PublicAgency } from '../../../shared/contracts/catalog.js';
import { appendAudit } from '../../audit/audit.js';
import { type Actor, can, type Subject } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, inTransactionOr, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { syncFromAgencyStatus } from '../opening/agreements.service.js';
import { refreshAgencySearchText } from '../services/services.service.js';
import * as repo from './agencies.repo.js';

export function toAgencyDto(a: repo.AgencyRow & { service_count?: number | null }): z.infer<typeof Agency> {
  return {
    id: a.id,
    key: a.key,
    name: a.name,
    type: a.type as z.infer<typeof Agency>['type'],
    agreementStatus: a.agreement_status as z.infer<typeof Agency>['agreementStatus'],
    agreementDate: a.agreement_date,
    hotline: a.hotline,
    backOfficeContact: a.back_office_contact,
    retired: a.retired_at !== null,
    ...(a.service_count !== undefined ? { serviceCount: Number(a.service_count ?? 0) } : {}),
  };
}

/** The public shape: name, type, hotline and services; no back-office contact, no agreement. */
export function toPublicAgencyDto(a: z.infer<typeof Agency>): z.infer<typeof PublicAgency> {
  const { agreementStatus: _s, agreementDate: _d, backOfficeContact: _c, ...rest } = a;
  return rest;
}

/** Staff of the mall see the agency's internal details; everyone else its public face. */
export function agencyView(subject: Subject, mallId: number, a: z.infer<typeof Agency>) {
  return can(subject, 'catalog.readInternal', { mallId, agencyId: a.id }) ? a : toPublicAgencyDto(a);
}

export async function listAgencies(
  ctx: AppContext,
  subject: Subject,
  mallId: number,
  includeRetired = false,
) {
  return (await repo.listAgencies(ctx.database.db, mallId, includeRetired)).map((a) =>
    agencyView(subject, mallId, toAgencyDto(a)),
  );
}

export async function getAgency(ctx: AppContext, mallId: number, id: number) {
  const a = await repo.findAgency(ctx.database.db, mallId, id);
  if (!a) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  return a;
}

/** Creates an agency with its audit row; joins the caller's transaction when given one (imports). */
export async function createAgency(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  input: z.infer<typeof AgencyInput>,
  tx?: Tx,
) {
  const at = ctx.now().toISOString();
  const run = async (t: Tx) => {
    if (await repo.findAgencyByKey(t.db, mallId, input.key)) {
      throw new AppError('SLUG_TAKEN', `Kode instansi "${input.key}" sudah dipakai (agency key taken).`);
    }
    const values = {
      mall_id: mallId,
      key: input.key,
      name: input.name,
      type: input.type,
      agreement_status: input.agreementStatus,
      agreement_date: input.agreementDate ?? null,
      hotline: input.hotline ?? null,
      back_office_contact: input.backOfficeContact ?? null,
      retired_at: null,
      created_at: at,
      updated_at: at,
      agreement_override: null,
    };
    const id = await repo.insertAgency(t.db, values);
    await syncFromAgencyStatus(t, mallId, id, input.agreementStatus, values.agreement_date, at);
    await appendAudit(t, {
      mallId,
      actorId: actor.id,
      action: 'agency.create',
      entity: 'agency',
      entityId: id,
      after: values,
      at,
    });
    return toAgencyDto({ id, ...values });
  };
  return inTransactionOr(ctx.database.db, tx, run);
}

export async function updateAgency(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  id: number,
  patch: z.infer<typeof AgencyPatch> & { retired?: boolean },
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findAgency(tx.db, mallId, id);
    if (!before) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
    if (patch.key && patch.key !== before.key && (await repo.findAgencyByKey(tx.db, mallId, patch.key))) {
      throw new AppError('SLUG_TAKEN', `Kode instansi "${patch.key}" sudah dipakai (agency key taken).`);
    }
    const set = {
      ...(patch.key !== undefined && { key: patch.key }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.agreementStatus !== undefined && { agreement_status: patch.agreementStatus }),
      ...(patch.agreementDate !== undefined && { agreement_date: patch.agreementDate }),
      ...(patch.hotline !== undefined && { hotline: patch.hotline }),
      ...(patch.backOfficeContact !== undefined && { back_office_contact: patch.backOfficeContact }),
      ...(patch.retired !== undefined && { retired_at: patch.retired ? (before.retired_at ?? at) : null }),
      updated_at: at,
    };
    await repo.updateAgency(tx.db, mallId, id, set);
    if (patch.agreementStatus !== undefined && patch.agreementStatus !== before.agreement_status)
      await syncFromAgencyStatus(
        tx,
        mallId,
        id,
        patch.agreementStatus,
        patch.agreementDate ?? before.agreement_date,
        at,
      );
    if (patch.name !== undefined || patch.key !== undefined)
      await refreshAgencySearchText(tx, mallId, {
        id,
        name: patch.name ?? before.name,
        key: patch.key ?? before.key,
      });
    const after = { ...before, ...set };
    const action = patch.retired === true ? 'agency.retire' : 'agency.update';
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action,
      entity: 'agency',
      entityId: id,
      before,
      after,
      at,
    });
    return toAgencyDto(after);
  });
}
