import {
  Dashboard,
  NationalReport,
  NationalReportQuery,
  Report,
  ReportExportQuery,
  ReportQuery,
} from '../../../shared/contracts/reports.js';
import { guard, requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { dashboard } from './dashboard.service.js';
import { reportCsv, reportPdf, reportXlsx } from './reports.export.js';
import { confine, mallReport, nationalReport } from './reports.service.js';
import { startRollupJob } from './rollup.service.js';

const tags = ['reports'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function reportsRoutes(app: App, ctx: AppContext): Promise<void> {
  // Tests share one PostgreSQL database and move their own clocks: a job there would roll up other
  // files' malls mid-day, so tests call rollUpClosedDays for their own mall instead.
  if (ctx.config.NODE_ENV !== 'test') {
    const stop = startRollupJob(ctx);
    app.addHook('onClose', async () => stop());
  }

  app.get(
    '/api/v1/malls/:mall/reports/queue',
    {
      config: { access: 'staff', action: 'reports.read' },
      schema: {
        tags,
        summary:
          'Service report over local days (by day/week/month; filters agency, service, counter, officer): visitors, sources, waits, no-shows, transfers, priority, SLA, complaints',
        params: MallParams,
        querystring: ReportQuery,
        response: { 200: Report },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return mallReport(ctx, req.mall, actor, confine(actor, req.mall.id, req.query));
    },
  );

  app.get(
    '/api/v1/malls/:mall/reports/queue/export',
    {
      config: { access: 'staff', action: 'reports.read' },
      schema: {
        tags,
        summary: 'The same report as CSV, XLSX or PDF (format=csv|xlsx|pdf, lang=id|en)',
        params: MallParams,
        querystring: ReportExportQuery,
        produces: ['text/csv', XLSX_TYPE, 'application/pdf'],
      },
    },
    async (req, reply) => {
      const { format, lang, ...q } = req.query;
      const actor = requireActor(req);
      const r = await mallReport(ctx, req.mall, actor, confine(actor, req.mall.id, q));
      const name = `laporan-${req.mall.slug}-${r.from}-${r.to}`;
      if (format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(reportCsv(r, lang));
      if (format === 'xlsx')
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await reportXlsx(r, lang));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await reportPdf(r, lang));
    },
  );

  app.get(
    '/api/v1/reports/national',
    {
      config: { access: 'staff', action: 'reports.national' },
      schema: {
        tags,
        summary: 'The national roll-up: every mall’s figures side by side and the series (national admin)',
        querystring: NationalReportQuery,
        response: { 200: NationalReport },
      },
    },
    async (req) => {
      guard(req, 'reports.national', { mallId: 0 });
      return nationalReport(ctx, req.query);
    },
  );

  app.get(
    '/api/v1/malls/:mall/dashboard',
    {
      config: { access: 'staff', action: 'queue.read' },
      schema: {
        tags,
        summary:
          'The live dashboard: waiting per service, longest wait, counters busy/idle/break/closed, calls per hour, today’s figures, SLA breaches',
        params: MallParams,
        response: { 200: Dashboard },
      },
    },
    async (req) => {
      guard(req, 'queue.read', { mallId: req.mall.id });
      return dashboard(ctx, req.mall, requireActor(req));
    },
  );
}
