import type { z } from 'zod';
import type { AgencyType, ServiceKind } from '../../../shared/contracts/catalog.js';
import type {
  Candidate,
  CandidateDecision,
  CandidateInput,
  CandidatePatch,
  ConsultationInput,
  DecisionInput,
  Shortlist,
} from '../../../shared/contracts/opening.js';
import { normalizeText } from '../../../shared/domain/search-text.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { createAgency } from '../agencies/agencies.service.js';
import type { MallRecord } from '../malls/malls.service.js';
import { createService } from '../services/services.service.js';
import * as repo from './candidates.repo.js';

type Dto = z.infer<typeof Candidate>;

export async function listCandidates(ctx: AppContext, mallId: number): Promise<Dto[]> {
  const { candidates, services, inputs } = await repo.listCandidates(ctx.database.db, mallId);
  return candidates.map((c) => {
    const mine = inputs.filter((i) => i.candidate_id === c.id);
    return {
      id: c.id,
      name: c.name,
      type: c.type as z.infer<typeof AgencyType>,
      services: services
        .filter((s) => s.candidate_id === c.id)
        .map((s) => ({ id: s.id, name: s.name, kind: s.kind as z.infer<typeof ServiceKind> })),
      countersNeeded: c.counters_needed,
      desksNeeded: c.desks_needed,
      note: c.note,
      votes: mine.reduce((n, i) => n + i.votes, 0),
      inputs: mine.map((i) => ({
        id: i.id,
        forumDate: i.forum_date,
        source: i.source,
        votes: i.votes,
        request: i.request,
        serviceName: i.service_name,
      })),
      decision: c.decision as z.infer<typeof CandidateDecision>,
      decisionReason: c.decision_reason,
      agencyId: c.agency_id,
    };
  });
}

/**
 * Candidates ranked by the public's votes (then fewer counters needed), each marked whether it fits
 * in the space left after the ones above it; declined candidates take no space.
 */
export function rankShortlist(
  candidates: Dto[],
  space: { counters: number | null; desks: number | null },
): z.infer<typeof Shortlist>['items'] {
  let counters = space.counters ?? Number.POSITIVE_INFINITY;
  let desks = space.desks ?? Number.POSITIVE_INFINITY;
  return [...candidates]
    .sort((a, b) => b.votes - a.votes || a.countersNeeded - b.countersNeeded || a.name.localeCompare(b.name))
    .map((c, i) => {
      const fits = c.decision !== 'decline' && c.countersNeeded <= counters && c.desksNeeded <= desks;
      if (fits) {
        counters -= c.countersNeeded;
        desks -= c.desksNeeded;
      }
      return {
        rank: i + 1,
        candidateId: c.id,
        name: c.name,
        votes: c.votes,
        countersNeeded: c.countersNeeded,
        desksNeeded: c.desksNeeded,
        fits,
        decision: c.decision,
      };
    });
}

export async function shortlist(ctx: AppContext, mall: MallRecord) {
  return {
    spaceCounters: mall.space_counters,
    spaceDesks: mall.space_desks,
    items: rankShortlist(await listCandidates(ctx, mall.id), {
      counters: mall.space_counters,
      desks: mall.space_desks,
    }),
  };
}

const one = async (ctx: AppContext, mallId: number, id: number) => {
  const c = (await listCandidates(ctx, mallId)).find((x) => x.id === id);
  if (!c) throw notFound('NOT_FOUND', 'Calon instansi');
  return c;
};

export async function createCandidate(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof CandidateInput>,
) {
  const at = ctx.now().toISOString();
  const id = await inTransaction(ctx.database.db, async (tx) => {
    const values = {
      mall_id: mall.id,
      name: input.name,
      type: input.type,
      counters_needed: input.countersNeeded,
      desks_needed: input.desksNeeded,
      note: input.note ?? null,
      decision: 'pending',
      decision_reason: null,
      agency_id: null,
      created_at: at,
      updated_at: at,
    };
    const newId = await repo.insertCandidate(tx.db, values);
    await repo.insertCandidateServices(
      tx.db,
      input.services.map((s) => ({ mall_id: mall.id, candidate_id: newId, name: s.name, kind: s.kind })),
    );
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'candidate.create',
      entity: 'candidate',
      entityId: newId,
      after: { ...values, services: input.services },
      at,
    });
    return newId;
  });
  return one(ctx, mall.id, id);
}

export async function updateCandidate(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof CandidatePatch>,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findCandidate(tx.db, mall.id, id);
    if (!before) throw notFound('NOT_FOUND', 'Calon instansi');
    const set = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.countersNeeded !== undefined && { counters_needed: patch.countersNeeded }),
      ...(patch.desksNeeded !== undefined && { desks_needed: patch.desksNeeded }),
      ...(patch.note !== undefined && { note: patch.note }),
      updated_at: at,
    };
    await repo.updateCandidate(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'candidate.update',
      entity: 'candidate',
      entityId: id,
      before,
      after: { ...before, ...set },
      at,
    });
  });
  return one(ctx, mall.id, id);
}

/** Records a consultation forum's requests and votes for a candidate. */
export async function addInput(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  input: z.infer<typeof ConsultationInput>,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.findCandidate(tx.db, mall.id, id))) throw notFound('NOT_FOUND', 'Calon instansi');
    const values = {
      mall_id: mall.id,
      candidate_id: id,
      forum_date: input.forumDate,
      source: input.source,
      votes: input.votes,
      request: input.request ?? null,
      service_name: input.serviceName ?? null,
      created_at: at,
    };
    const inputId = await repo.insertInput(tx.db, values);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'consultation.input',
      entity: 'candidate',
      entityId: id,
      after: { id: inputId, ...values },
      at,
    });
  });
  return one(ctx, mall.id, id);
}

const keyFrom = (name: string) =>
  normalizeText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'instansi';

/**
 * Decides on a candidate, with the reason. Joining creates the agency of the mall with the
 * candidate's services, each with a draft standard (marked `draft:` so the readiness check counts it
 * unpublished until the agency writes its own). One transaction, audited.
 */
export async function decide(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  input: z.infer<typeof DecisionInput>,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findCandidate(tx.db, mall.id, id);
    if (!before) throw notFound('NOT_FOUND', 'Calon instansi');
    if (before.agency_id !== null)
      throw new AppError('ILLEGAL_TRANSITION', 'Calon ini sudah bergabung (already joined).');
    let agencyId: number | null = null;
    if (input.decision === 'join') {
      const agency = await createAgency(
        ctx,
        actor,
        mall.id,
        {
          key: input.agencyKey ?? keyFrom(before.name),
          name: before.name,
          type: before.type as z.infer<typeof AgencyType>,
          agreementStatus: 'none',
        },
        tx,
      );
      agencyId = agency.id;
      for (const s of await repo.candidateServices(tx.db, id))
        await createService(
          ctx,
          actor,
          mall.id,
          {
            agencyId,
            name: s.name,
            kind: s.kind as z.infer<typeof ServiceKind>,
            keywords: [],
            servedAtMall: true,
            onlineBookable: false,
            priorityMaxStreak: 3,
            standard: {
              legalBasis: '',
              requirements: ['Belum ditetapkan'],
              procedure: ['Belum ditetapkan'],
              completionTime: { value: 1, unit: 'working_days' },
              fee: { amount: null, legalBasis: 'Belum ditetapkan' },
              product: 'Belum ditetapkan',
              complaintHandling: 'Belum ditetapkan',
              facilities: '',
              officerCompetence: '',
              internalSupervision: '',
              officerCount: null,
              serviceGuarantee: '',
              securityGuarantee: '',
              performanceEvaluation: '',
              source: `draft:candidate:${id}`,
            },
          },
          tx,
        );
    }
    const set = {
      decision: input.decision,
      decision_reason: input.reason,
      agency_id: agencyId,
      updated_at: at,
    };
    await repo.updateCandidate(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'candidate.decide',
      entity: 'candidate',
      entityId: id,
      before,
      after: { ...before, ...set },
      at,
    });
  });
  return one(ctx, mall.id, id);
}
