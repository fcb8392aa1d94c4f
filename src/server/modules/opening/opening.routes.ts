import { z } from 'zod';
import { Id, Mall } from '../../../shared/contracts/catalog.js';
import {
  OpeningOverview,
  OpeningSettings,
  OpeningSummary,
  Plan,
  PlanAction,
  PlanActionInput,
  PlanActionPatch,
  PlanStageInput,
  PlanStagePatch,
  Readiness,
  ReadinessItemPatch,
} from '../../../shared/contracts/opening.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { reportPdf } from './opening.pdf.js';
import { reportData, reportXlsx } from './opening.report.js';
import * as opening from './opening.service.js';
import * as plan from './plan.service.js';
import * as readiness from './readiness.service.js';

const IdParams = MallParams.extend({ id: Id });
const tags = ['opening'];

/** The road to opening: the mall's dashboard, the action plan, readiness and launch, the ministry's view. */
export async function openingRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/opening/overview',
    {
      config: { access: 'staff', action: 'opening.national' },
      schema: {
        tags,
        summary: "The ministry's view: every mall's road to opening",
        response: { 200: OpeningOverview },
      },
    },
    async (req) => {
      guard(req, 'opening.national', { mallId: 0 });
      return opening.overview(ctx);
    },
  );
  app.get(
    '/api/v1/malls/:mall/opening',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary:
          "The mall's road: stage, milestones with days remaining and blockers, plan, readiness, agreements",
        params: MallParams,
        response: { 200: OpeningSummary },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return opening.openingSummary(ctx, req.mall);
    },
  );
  app.patch(
    '/api/v1/malls/:mall/opening',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Milestone dates (commitment, trial, soft and grand opening) and the space on offer',
        params: MallParams,
        body: OpeningSettings,
        response: { 200: OpeningSummary },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return opening.updateSettings(ctx, actor, req.mall, req.body);
    },
  );
  app.get(
    '/api/v1/malls/:mall/opening/report.:format',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary:
          'The progress report for the regent and the ministry (pdf), or every list of the road as a workbook (xlsx)',
        params: MallParams.extend({ format: z.enum(['pdf', 'xlsx']) }),
      },
    },
    async (req, reply) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      const data = await reportData(ctx, req.mall);
      const name = `kemajuan-${req.mall.slug}-${data.generatedAt.slice(0, 10)}.${req.params.format}`;
      const pdf = req.params.format === 'pdf';
      return reply
        .header(
          'content-type',
          pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(pdf ? await reportPdf(data) : await reportXlsx(data));
    },
  );
  app.get(
    '/api/v1/malls/:mall/plan',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary:
          'The action plan: stages with actions; percentages computed from the actions (dropped excluded)',
        params: MallParams,
        response: { 200: Plan },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return plan.getPlan(ctx, req.mall);
    },
  );
  app.post(
    '/api/v1/malls/:mall/plan/actions',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Add an action to a stage',
        params: MallParams,
        body: PlanActionInput,
        response: { 201: PlanAction },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return reply.status(201).send(await plan.createAction(ctx, actor, req.mall, req.body));
    },
  );
  app.patch(
    '/api/v1/malls/:mall/plan/actions/:id',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Edit an action: owner, due date, status (todo|doing|done|dropped), evidence, budget',
        params: IdParams,
        body: PlanActionPatch,
        response: { 200: PlanAction },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return plan.updateAction(ctx, actor, req.mall, req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/malls/:mall/plan/stages',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Add a stage',
        params: MallParams,
        body: PlanStageInput,
        response: { 201: Plan },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      await plan.createStage(ctx, actor, req.mall, req.body);
      return reply.status(201).send(await plan.getPlan(ctx, req.mall));
    },
  );
  app.patch(
    '/api/v1/malls/:mall/plan/stages/:id',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Rename a stage or set its budget',
        params: IdParams,
        body: PlanStagePatch,
        response: { 200: Plan },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      await plan.updateStage(ctx, actor, req.mall, req.params.id, req.body);
      return plan.getPlan(ctx, req.mall);
    },
  );
  app.get(
    '/api/v1/malls/:mall/readiness',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary:
          'Readiness over five areas (manual and computed items), score, and whether the mall may launch',
        params: MallParams,
        response: { 200: Readiness },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return readiness.getReadiness(ctx, req.mall);
    },
  );
  app.patch(
    '/api/v1/malls/:mall/readiness/items/:id',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Tick a manual readiness item, or attach evidence (computed items follow the data)',
        params: IdParams,
        body: ReadinessItemPatch,
        response: { 200: Readiness },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return readiness.updateItem(ctx, actor, req.mall, req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/malls/:mall/launch',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Open the mall: 409 NOT_READY with the missing items while any readiness item is open',
        params: MallParams,
        response: { 200: Mall },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return readiness.launch(ctx, actor, req.mall);
    },
  );
}
