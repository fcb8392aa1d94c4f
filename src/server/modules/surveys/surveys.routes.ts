import { z } from 'zod';
import {
  SampleSize,
  SampleSizeQuery,
  SkmReport,
  SkmReportQuery,
  SurveyBatchInput,
  SurveyBatchResult,
  SurveyElements,
  SurveyElementsInput,
  SurveyInput,
  SurveyReceipt,
  TicketSurveyState,
} from '../../../shared/contracts/surveys.js';
import { krejcieMorgan } from '../../../shared/domain/sample-size.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { fileName } from './skm-export.layout.js';
import { skmPdf } from './skm-export.pdf.js';
import { skmXlsx } from './skm-export.xlsx.js';
import { skmReport } from './skm-report.service.js';
import { enterBatch } from './survey-batch.service.js';
import { mallElements, saveElements } from './survey-elements.service.js';
import { submitSurvey, ticketSurveyState } from './surveys.service.js';

const tags = ['surveys'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The satisfaction survey (SKM, PermenPANRB 14/2017): answering, the element list, reports. */
export async function surveysRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/malls/:mall/surveys',
    {
      config: { access: 'public', action: 'survey.answer' },
      schema: {
        tags,
        summary:
          'Answer the satisfaction survey (1–4 per element); with a tracking code only after the ticket finished, once per ticket (409)',
        params: MallParams,
        body: SurveyInput,
        response: { 201: SurveyReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await submitSurvey(ctx, req.mall, req.body)),
  );

  app.post(
    '/api/v1/malls/:mall/surveys/batch',
    {
      config: { access: 'staff', action: 'survey.enter' },
      // Staff are never rate-limited; a batch may be large.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Enter paper questionnaires of one service and day (up to 2,000, all or nothing; mall admins, agency admins for their agency)',
        params: MallParams,
        body: SurveyBatchInput,
        response: { 201: SurveyBatchResult },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'survey.enter', { mallId: req.mall.id, agencyId: req.actor?.agencyId });
      return reply.status(201).send(await enterBatch(ctx, req.mall, actor, req.body));
    },
  );

  app.get(
    '/api/v1/malls/:mall/surveys/elements',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary:
          'The survey’s elements: questions, the four answer labels, exact weights (default: U1–U9 at 1/9)',
        params: MallParams,
        response: { 200: SurveyElements },
      },
    },
    async (req) => mallElements(ctx.database.db, req.mall.id),
  );

  app.put(
    '/api/v1/malls/:mall/surveys/elements',
    {
      config: { access: 'staff', action: 'survey.configure' },
      schema: {
        tags,
        summary:
          'Replace the mall’s elements and weights (weights must add up to exactly 1: 1/9, not 0.111) (mall admin)',
        params: MallParams,
        body: SurveyElementsInput,
        response: { 200: SurveyElements },
      },
    },
    async (req) => {
      const actor = guard(req, 'survey.configure', { mallId: req.mall.id });
      return saveElements(ctx, req.mall, actor, req.body);
    },
  );

  app.get(
    '/api/v1/malls/:mall/tickets/:trackingCode/survey',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary:
          'Whether the ticket’s survey can be answered now (open), was answered, or waits for the service to finish',
        params: MallParams.extend({ trackingCode: z.string().min(1).max(64) }),
        response: { 200: TicketSurveyState },
      },
    },
    async (req) => ticketSurveyState(ctx, req.mall, req.params.trackingCode),
  );

  app.get(
    '/api/v1/surveys/sample-size',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary: 'Minimum respondents for N service users (Krejcie–Morgan, nearest integer)',
        querystring: SampleSizeQuery,
        response: { 200: SampleSize },
      },
    },
    async (req) => ({ population: req.query.population, required: krejcieMorgan(req.query.population) }),
  );

  app.get(
    '/api/v1/malls/:mall/reports/skm',
    {
      config: { access: 'staff', action: 'survey.report' },
      schema: {
        tags,
        summary:
          'SKM report of a period for the mall, an agency or a service: NRR per element (4 dp), IKM (2 dp), grade, sample check, profile (staff; agency admins their agency)',
        params: MallParams,
        querystring: SkmReportQuery,
        response: { 200: SkmReport },
      },
    },
    async (req) =>
      skmReport(
        ctx,
        req.mall,
        guard(req, 'survey.report', { mallId: req.mall.id, agencyId: req.actor?.agencyId }),
        req.query,
      ),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/v1/malls/:mall/reports/skm.${format}`,
      {
        config: { access: 'staff', action: 'survey.report' },
        schema: {
          tags,
          summary: `The printable SKM report as ${format.toUpperCase()} (same query and access as /reports/skm)`,
          params: MallParams,
          querystring: SkmReportQuery,
          produces: [format === 'pdf' ? 'application/pdf' : XLSX],
        },
      },
      async (req, reply) => {
        const actor = guard(req, 'survey.report', { mallId: req.mall.id, agencyId: req.actor?.agencyId });
        const report = await skmReport(ctx, req.mall, actor, req.query);
        const body = format === 'pdf' ? await skmPdf(report, ctx.now()) : await skmXlsx(report, ctx.now());
        return reply
          .header('content-type', format === 'pdf' ? 'application/pdf' : XLSX)
          .header('content-disposition', `attachment; filename="${fileName(report, format)}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(body));
      },
    );
  }
}
