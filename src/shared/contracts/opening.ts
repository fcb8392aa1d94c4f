import { z } from 'zod';
import { AgencyType, Coverage, Id, LocalDate, MallStatus, ServiceKind } from './catalog.js';
import { patchOf } from './patch.js';
import { staffText } from './queue.js';

/**
 * The road to opening a mall (issue 14): status, milestones, the action plan, readiness, agreements,
 * service coverage and dualism, candidates and the public consultation, the ministry's overview.
 */
export { Coverage, MallStatus };
/** Where a mall is on its road; `open` only once launched and past its grand opening (if one is set). */
export const OpeningStage = z.enum(['committed', 'preparing', 'trial', 'soft_opening', 'open']);
export const Rupiah = z.number().int().min(0).max(1_000_000_000_000_000);
const Text = (max: number) => z.string().trim().min(1).max(max);

// ── the action plan ─────────────────────────────────────────────────────────────────────────────
export const ActionStatus = z.enum(['todo', 'doing', 'done', 'dropped']);
export const PlanAction = z.object({
  id: z.number(),
  stageId: z.number(),
  title: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: ActionStatus,
  evidence: z.string().nullable(),
  budgetPlanned: z.number().nullable(),
  budgetRealised: z.number().nullable(),
  doneAt: z.string().nullable(),
  /** Not done, not dropped, and its due date has passed in the mall's local time. */
  overdue: z.boolean(),
});
/** A stage with percentages computed from its actions (dropped ones excluded). No `status`: it has none. */
export const PlanStage = z.object({
  id: z.number(),
  name: z.string(),
  milestone: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  percent: z.number(),
  budgetPlanned: z.number().nullable(),
  budgetRealised: z.number().nullable(),
  actions: z.array(PlanAction),
});
export const Budget = z.object({ planned: z.number(), realised: z.number() });
export const Plan = z.object({
  stages: z.array(PlanStage),
  done: z.number(),
  total: z.number(),
  percent: z.number(),
  overdue: z.number(),
  /** Stage budgets plus action budgets, in rupiah. */
  budget: Budget,
});
export const PlanActionInput = z.object({
  stageId: Id,
  title: Text(300),
  owner: z.string().trim().max(200).nullable().optional(),
  dueDate: LocalDate.nullable().optional(),
  status: ActionStatus.default('todo'),
  evidence: staffText(2000).nullable().optional(),
  budgetPlanned: Rupiah.nullable().optional(),
  budgetRealised: Rupiah.nullable().optional(),
});
export const PlanActionPatch = patchOf(PlanActionInput);
export const PlanStageInput = z.object({
  name: Text(200),
  budgetPlanned: Rupiah.nullable().optional(),
  budgetRealised: Rupiah.nullable().optional(),
});
export const PlanStagePatch = patchOf(PlanStageInput);

// ── readiness ───────────────────────────────────────────────────────────────────────────────────
/** Kudus' five areas of readiness. */
export const ReadinessAreaKey = z.enum([
  'regional_head',
  'agencies',
  'facilities',
  'service_system',
  'business_system',
]);
export const ReadinessItem = z.object({
  id: z.number(),
  title: z.string(),
  done: z.boolean(),
  evidence: z.string().nullable(),
  /** Derived from the mall's data (cannot be ticked by hand); `detail` says what is still missing. */
  computed: z.boolean(),
  detail: z.string().nullable(),
});
export const ReadinessArea = z.object({
  key: ReadinessAreaKey,
  name: z.string(),
  done: z.number(),
  total: z.number(),
  items: z.array(ReadinessItem),
});
export const MissingItem = z.object({ id: z.number(), area: ReadinessAreaKey, title: z.string() });
export const Readiness = z.object({
  areas: z.array(ReadinessArea),
  /** Percentage of items done. */
  score: z.number(),
  ready: z.boolean(),
  missing: z.array(MissingItem),
});
export const ReadinessItemPatch = z.object({
  done: z.boolean().optional(),
  evidence: staffText(2000).nullable().optional(),
});

// ── milestones and the mall's road ──────────────────────────────────────────────────────────────
export const MilestoneKey = z.enum(['commitment', 'trial', 'soft_opening', 'grand_opening']);
export const Milestone = z.object({
  key: MilestoneKey,
  date: z.string().nullable(),
  /** Days from the mall's today (negative: passed); null without a date. */
  daysRemaining: z.number().nullable(),
  /** What still stands in its way: open actions due by then, and for the soft opening unmet readiness. */
  blockers: z.array(z.string()),
});
export const OpeningSettings = z.object({
  commitmentDate: LocalDate.nullable().optional(),
  trialDate: LocalDate.nullable().optional(),
  softOpeningDate: LocalDate.nullable().optional(),
  grandOpeningDate: LocalDate.nullable().optional(),
  spaceCounters: z.number().int().min(0).max(1000).nullable().optional(),
  spaceDesks: z.number().int().min(0).max(1000).nullable().optional(),
});
export const CoverageCounts = z.object({
  total: z.number(),
  full: z.number(),
  intakeOnly: z.number(),
  notServed: z.number(),
});
/** One mall's road at a glance: the mall dashboard and a row of the ministry's overview. */
export const OpeningSummary = z.object({
  mallId: z.number(),
  slug: z.string(),
  name: z.string(),
  status: MallStatus,
  stage: OpeningStage,
  openedAt: z.string().nullable(),
  spaceCounters: z.number().nullable(),
  spaceDesks: z.number().nullable(),
  milestones: z.array(Milestone),
  next: z.object({ key: MilestoneKey, date: z.string(), daysRemaining: z.number() }).nullable(),
  plan: z.object({ done: z.number(), total: z.number(), percent: z.number() }),
  readiness: z.object({ score: z.number(), ready: z.boolean(), missing: z.number() }),
  agreements: z.object({ signed: z.number(), total: z.number() }),
  coverage: CoverageCounts,
  overdue: z.object({ actions: z.array(z.string()), dualism: z.number() }),
  budget: Budget,
});
export const OpeningOverview = z.object({
  items: z.array(OpeningSummary),
  totals: z.object({ malls: z.number(), open: z.number(), preparing: z.number() }),
});

// ── agreements ──────────────────────────────────────────────────────────────────────────────────
export const AgreementKind = z.enum(['mou', 'pks']);
export const AgreementState = z.enum(['draft', 'sent', 'signed', 'declined', 'expired']);
export const Signatory = z.object({ name: Text(200), role: z.string().trim().max(200).optional() });
export const AgreementInput = z.object({
  status: AgreementState,
  date: LocalDate.nullable().optional(),
  signatories: z.array(Signatory).max(20).optional(),
  reason: staffText(2000).nullable().optional(),
  deadline: LocalDate.nullable().optional(),
  /** The signed scan, uploaded first (POST …/opening/documents). */
  documentId: Id.nullable().optional(),
});
export const Agreement = z.object({
  agencyId: z.number(),
  kind: AgreementKind,
  status: AgreementState,
  date: z.string().nullable(),
  signatories: z.array(Signatory),
  reason: z.string().nullable(),
  deadline: z.string().nullable(),
  documentId: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export const AgencyAgreements = z.object({
  agencyId: z.number(),
  name: z.string(),
  type: AgencyType,
  mou: Agreement.nullable(),
  pks: Agreement.nullable(),
  /** The PKS is signed, or a mall admin let the agency go live without it (override reason). */
  live: z.boolean(),
  override: z.string().nullable(),
});
export const AgreementList = z.object({
  items: z.array(AgencyAgreements),
  signed: z.number(),
  total: z.number(),
  /** Agencies whose PKS is not signed, with their stated reason and the deadline. */
  unsigned: z.array(
    z.object({
      agencyId: z.number(),
      name: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});
export const AgreementOverrideInput = z.object({ reason: staffText(1000).pipe(z.string().min(1)) });
export const OpeningDocument = z.object({
  id: z.number(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

// ── coverage and dualism ────────────────────────────────────────────────────────────────────────
export const CoverageService = z.object({
  id: z.number(),
  name: z.string(),
  coverage: Coverage,
  coverageReason: z.string().nullable(),
});
export const AgencyCoverage = CoverageCounts.extend({
  agencyId: z.number(),
  name: z.string(),
  services: z.array(CoverageService),
});
export const CoverageReport = z.object({ agencies: z.array(AgencyCoverage), totals: CoverageCounts });

export const DualismInput = z.object({
  serviceId: Id,
  plan: Text(2000),
  endDate: LocalDate,
});
export const DualismPatch = z.object({
  plan: Text(2000).optional(),
  endDate: LocalDate.optional(),
  /** The service is no longer delivered at the agency's own office. */
  ended: z.boolean().optional(),
});
export const DualismEntry = z.object({
  id: z.number(),
  serviceId: z.number(),
  serviceName: z.string(),
  agencyName: z.string(),
  plan: z.string(),
  endDate: z.string(),
  endedAt: z.string().nullable(),
  overdue: z.boolean(),
});

// ── candidates and the public consultation ──────────────────────────────────────────────────────
export const CandidateDecision = z.enum(['pending', 'join', 'wait', 'decline']);
export const CandidateServiceInput = z.object({
  name: Text(300),
  kind: ServiceKind.default('non_licensing'),
});
export const CandidateInput = z.object({
  name: Text(200),
  type: AgencyType,
  services: z.array(CandidateServiceInput).max(200).default([]),
  countersNeeded: z.number().int().min(0).max(100).default(1),
  desksNeeded: z.number().int().min(0).max(100).default(0),
  note: staffText(2000).nullable().optional(),
});
export const CandidatePatch = patchOf(CandidateInput.omit({ services: true }));
export const ConsultationInput = z.object({
  forumDate: LocalDate,
  source: Text(300),
  votes: z.number().int().min(0).max(1_000_000),
  request: staffText(2000).nullable().optional(),
  serviceName: z.string().trim().max(300).nullable().optional(),
});
export const Candidate = z.object({
  id: z.number(),
  name: z.string(),
  type: AgencyType,
  services: z.array(z.object({ id: z.number(), name: z.string(), kind: ServiceKind })),
  countersNeeded: z.number(),
  desksNeeded: z.number(),
  note: z.string().nullable(),
  votes: z.number(),
  inputs: z.array(
    ConsultationInput.extend({
      id: z.number(),
      request: z.string().nullable(),
      serviceName: z.string().nullable(),
    }),
  ),
  decision: CandidateDecision,
  decisionReason: z.string().nullable(),
  agencyId: z.number().nullable(),
});
export const ShortlistEntry = z.object({
  rank: z.number(),
  candidateId: z.number(),
  name: z.string(),
  votes: z.number(),
  countersNeeded: z.number(),
  desksNeeded: z.number(),
  /** Fits in the space left after the higher-ranked candidates. */
  fits: z.boolean(),
  decision: CandidateDecision,
});
export const Shortlist = z.object({
  spaceCounters: z.number().nullable(),
  spaceDesks: z.number().nullable(),
  items: z.array(ShortlistEntry),
});
export const DecisionInput = z.object({
  decision: CandidateDecision.exclude(['pending']),
  reason: Text(2000),
  /** The new agency's key when joining (default: from its name). */
  agencyKey: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional(),
});
