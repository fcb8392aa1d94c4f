import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AgencyType, AgreementStatus } from '../../../shared/contracts/catalog.js';
import type {
  Agreement,
  AgreementInput,
  AgreementKind,
  AgreementList,
  AgreementState,
} from '../../../shared/contracts/opening.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './agreements.repo.js';
import { mallToday } from './plan.service.js';

type Kind = z.infer<typeof AgreementKind>;
type State = z.infer<typeof AgreementState>;

/** The agency's summary status follows its PKS (what the catalog showed before agreements existed). */
const AGENCY_STATUS: Record<State, z.infer<typeof AgreementStatus>> = {
  draft: 'negotiating',
  sent: 'invited',
  signed: 'signed',
  declined: 'terminated',
  expired: 'expired',
};
/** And the other way, for agencies created or edited with the older single status. */
const PKS_STATE: Partial<Record<z.infer<typeof AgreementStatus>, State>> = {
  invited: 'sent',
  negotiating: 'draft',
  signed: 'signed',
  expired: 'expired',
  terminated: 'declined',
};

export function toAgreementDto(a: repo.AgreementRow): z.infer<typeof Agreement> {
  return {
    agencyId: a.agency_id,
    kind: a.kind as Kind,
    status: a.status as State,
    date: a.date,
    signatories: JSON.parse(a.signatories) as { name: string; role?: string }[],
    reason: a.reason,
    deadline: a.deadline,
    documentId: a.document_id,
    updatedAt: a.updated_at,
  };
}

/** Every active agency with its MoU and PKS, and the ones not signed with their reason and deadline. */
export async function listAgreements(
  ctx: AppContext,
  mall: MallRecord,
): Promise<z.infer<typeof AgreementList>> {
  const db = ctx.database.db;
  const today = mallToday(ctx, mall);
  const [agencies, rows] = await Promise.all([
    repo.listAgencies(db, mall.id),
    repo.listAgreements(db, mall.id),
  ]);
  const find = (agencyId: number, kind: Kind) => {
    const r = rows.find((x) => x.agency_id === agencyId && x.kind === kind);
    return r ? toAgreementDto(r) : null;
  };
  const items = agencies.map((a) => ({
    agencyId: a.id,
    name: a.name,
    type: a.type as z.infer<typeof AgencyType>,
    mou: find(a.id, 'mou'),
    pks: find(a.id, 'pks'),
    live: a.agreement_status === 'signed' || a.agreement_override !== null,
    override: a.agreement_override,
  }));
  const unsigned = items
    .filter(
      (i) =>
        i.pks?.status !== 'signed' &&
        agencies.find((a) => a.id === i.agencyId)?.agreement_status !== 'signed',
    )
    .map((i) => {
      const deadline = i.pks?.deadline ?? i.mou?.deadline ?? mall.soft_opening_date ?? null;
      return {
        agencyId: i.agencyId,
        name: i.name,
        status: i.pks?.status ?? 'none',
        reason: i.pks?.reason ?? i.mou?.reason ?? null,
        deadline,
        overdue: deadline !== null && deadline < today,
      };
    });
  return { items, signed: items.length - unsigned.length, total: items.length, unsigned };
}

/** Records an agency's MoU or PKS; the PKS also sets the agency's summary status. One audit row. */
export async function saveAgreement(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  agencyId: number,
  kind: Kind,
  input: z.infer<typeof AgreementInput>,
) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const agency = await repo.agencyLive(tx.db, mall.id, agencyId);
    if (!agency) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
    if (input.documentId != null && !(await repo.findDocument(tx.db, mall.id, input.documentId)))
      throw notFound('NOT_FOUND', 'Dokumen');
    const before = await repo.findAgreement(tx.db, agencyId, kind);
    const values = {
      mall_id: mall.id,
      agency_id: agencyId,
      kind,
      status: input.status,
      date: input.date !== undefined ? input.date : (before?.date ?? null),
      signatories:
        input.signatories !== undefined ? JSON.stringify(input.signatories) : (before?.signatories ?? '[]'),
      reason: input.reason !== undefined ? input.reason : (before?.reason ?? null),
      deadline: input.deadline !== undefined ? input.deadline : (before?.deadline ?? null),
      document_id: input.documentId !== undefined ? input.documentId : (before?.document_id ?? null),
      updated_by: actor.id,
      updated_at: at,
    };
    await repo.saveAgreement(tx.db, before, values);
    if (kind === 'pks')
      await repo.updateAgency(tx.db, mall.id, agencyId, {
        agreement_status: AGENCY_STATUS[input.status],
        ...(input.status === 'signed' && { agreement_date: values.date }),
        updated_at: at,
      });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: `agreement.${kind}.save`,
      entity: 'agency',
      entityId: agencyId,
      before: before ?? null,
      after: values,
      at,
    });
    const saved = await repo.findAgreement(tx.db, agencyId, kind);
    return toAgreementDto(saved!);
  });
}

/**
 * Keeps the PKS in step when an agency is created or edited with the older single status (catalog
 * forms, spreadsheet imports); a signed one gets its memorandum recorded as signed too.
 */
export async function syncFromAgencyStatus(
  tx: Tx,
  mallId: number,
  agencyId: number,
  status: z.infer<typeof AgreementStatus>,
  date: string | null,
  at: string,
) {
  const state = PKS_STATE[status];
  if (!state) return;
  for (const kind of state === 'signed' ? (['mou', 'pks'] as const) : (['pks'] as const)) {
    const before = await repo.findAgreement(tx.db, agencyId, kind);
    await repo.saveAgreement(tx.db, before, {
      mall_id: mallId,
      agency_id: agencyId,
      kind,
      status: state,
      date: date ?? before?.date ?? null,
      signatories: before?.signatories ?? '[]',
      reason: before?.reason ?? null,
      deadline: before?.deadline ?? null,
      document_id: before?.document_id ?? null,
      updated_by: null,
      updated_at: at,
    });
  }
}

/** A mall admin lets an agency go live without a signed PKS (reason given), or withdraws that. */
export async function setOverride(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  agencyId: number,
  reason: string | null,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const agency = await repo.agencyLive(tx.db, mall.id, agencyId);
    if (!agency) throw notFound('AGENCY_NOT_FOUND', 'Instansi');
    await repo.updateAgency(tx.db, mall.id, agencyId, { agreement_override: reason, updated_at: at });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: reason ? 'agreement.override' : 'agreement.override.withdraw',
      entity: 'agency',
      entityId: agencyId,
      before: { agreement_override: agency.agreement_override },
      after: { agreement_override: reason },
      at,
    });
  });
}

/**
 * The gate: nothing about an agency goes live (a counter, tickets for its services) before its
 * cooperation agreement is signed, unless a mall admin overrode it with a reason.
 */
export async function requireAgencyLive(tx: Tx, mallId: number, agencyId: number): Promise<void> {
  const a = await repo.agencyLive(tx.db, mallId, agencyId);
  if (a) assertLive(a);
}

export function assertLive(a: { agreement_status: string; agreement_override: string | null }) {
  if (a.agreement_status !== 'signed' && a.agreement_override === null)
    throw new AppError(
      'AGREEMENT_REQUIRED',
      'Instansi ini belum menandatangani perjanjian kerja sama (PKS) (cooperation agreement not signed).',
    );
}

const DOCUMENT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Stores an uploaded scan (PDF, JPEG, PNG) for an agreement; audited with its hash. */
export async function uploadDocument(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  contentType: string,
  content: Buffer,
) {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!DOCUMENT_TYPES.has(type))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unggah PDF, JPEG atau PNG (upload a PDF, JPEG or PNG).');
  if (content.length === 0) throw new AppError('BAD_REQUEST', 'Berkas kosong (empty file).');
  const at = ctx.now().toISOString();
  const sha256 = createHash('sha256').update(content).digest('hex');
  return inTransaction(ctx.database.db, async (tx) => {
    const values = {
      mall_id: mall.id,
      content_type: type,
      size_bytes: content.length,
      sha256,
      content,
      uploaded_by: actor.id,
      uploaded_at: at,
    };
    const id = await repo.insertDocument(tx.db, values);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'opening.document.upload',
      entity: 'opening_document',
      entityId: id,
      after: { content_type: type, size_bytes: content.length, sha256 },
      at,
    });
    return { id, contentType: type, size: content.length, sha256, uploadedAt: at };
  });
}

export async function getDocument(ctx: AppContext, mall: MallRecord, id: number) {
  const d = await repo.findDocument(ctx.database.db, mall.id, id);
  if (!d) throw notFound('NOT_FOUND', 'Dokumen');
  return d;
}
