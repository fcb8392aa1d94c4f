import {
  Payment,
  PaymentCorrectionInput,
  PaymentInput,
  PaymentReport,
  PaymentReportQuery,
  Receipt,
} from '../../../shared/contracts/applications.js';
import { Id } from '../../../shared/contracts/catalog.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { correct, dailyReport, pay, receipt, reportCsv } from './payments.service.js';

const tags = ['payments'];
const AppParams = MallParams.extend({ id: Id });

/** The exact fee with a receipt (issue 12): pay, correct (refund/void), print, reconcile. */
export async function paymentsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/malls/:mall/applications/:id/payments',
    {
      config: { access: 'staff', action: 'payment.take' },
      schema: {
        tags,
        summary:
          'Take the fee of the standard in force at intake (never an amount from the client: a body with `amount` → 400); paid already → 409; Gratis → 409',
        params: AppParams,
        body: PaymentInput,
        response: { 201: Payment },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await pay(ctx, requireActor(req), req.mall, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/malls/:mall/applications/:id/payments/:paymentId/corrections',
    {
      config: { access: 'staff', action: 'payment.correct' },
      schema: {
        tags,
        summary: 'Refund or void a payment: a new entry with its reason and receipt number (never an edit)',
        params: AppParams.extend({ paymentId: Id }),
        body: PaymentCorrectionInput,
        response: { 201: Payment },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await correct(ctx, requireActor(req), req.mall, req.params.id, req.params.paymentId, req.body)),
  );

  app.get(
    '/api/v1/malls/:mall/payments/:id/receipt',
    {
      config: { access: 'staff', action: 'application.read' },
      schema: {
        tags,
        summary: 'A receipt as printed (58/80 mm or A4): number, amount, the fee’s legal basis; NIK masked',
        params: AppParams,
        response: { 200: Receipt },
      },
    },
    async (req) => receipt(ctx, requireActor(req), req.mall, req.params.id),
  );

  app.get(
    '/api/v1/malls/:mall/reports/payments',
    {
      config: { access: 'staff', action: 'payments.report' },
      schema: {
        tags,
        summary:
          'Daily reconciliation per agency and counter: collected, returned, net, by method; every receipt of the day',
        params: MallParams,
        querystring: PaymentReportQuery,
        response: { 200: PaymentReport },
      },
    },
    async (req) => dailyReport(ctx, requireActor(req), req.mall, req.query.date),
  );

  app.get(
    '/api/v1/malls/:mall/reports/payments.csv',
    {
      config: { access: 'staff', action: 'payments.report' },
      schema: {
        tags,
        summary:
          'The day’s receipts as CSV (one line per entry, signed amounts), for the agency’s bookkeeping',
        params: MallParams,
        querystring: PaymentReportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const r = await dailyReport(ctx, requireActor(req), req.mall, req.query.date);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="pembayaran-${req.mall.slug}-${r.date}.csv"`)
        .send(reportCsv(r));
    },
  );
}
