import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import {
  Agreement,
  AgreementInput,
  AgreementKind,
  AgreementList,
  AgreementOverrideInput,
  CoverageReport,
  DualismEntry,
  DualismInput,
  DualismPatch,
  OpeningDocument,
} from '../../../shared/contracts/opening.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type App, MallParams, NoContent } from '../../http.js';
import * as agreements from './agreements.service.js';
import * as coverage from './coverage.service.js';

const IdParams = MallParams.extend({ id: Id });
const tags = ['opening'];
const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** Agreements (MoU, PKS) with their scans and the override; service coverage; the dualism register. */
export async function agreementsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/agreements',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary:
          "Every agency's memorandum and cooperation agreement; the unsigned with reasons and deadline",
        params: MallParams,
        response: { 200: AgreementList },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return agreements.listAgreements(ctx, req.mall);
    },
  );
  app.put(
    '/api/v1/malls/:mall/agencies/:id/agreements/:kind',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary:
          "Record an agency's memorandum (mou) or cooperation agreement (pks): status, date, signatories, scan",
        params: IdParams.extend({ kind: AgreementKind }),
        body: AgreementInput,
        response: { 200: Agreement },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return agreements.saveAgreement(ctx, actor, req.mall, req.params.id, req.params.kind, req.body);
    },
  );
  app.put(
    '/api/v1/malls/:mall/agencies/:id/agreement-override',
    {
      config: { access: 'staff', action: 'agreement.override' },
      schema: {
        tags,
        summary: 'Let an agency go live without a signed PKS (mall admin, with the reason; audited)',
        params: IdParams,
        body: AgreementOverrideInput,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'agreement.override', { mallId: req.mall.id });
      await agreements.setOverride(ctx, actor, req.mall, req.params.id, req.body.reason);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/v1/malls/:mall/agencies/:id/agreement-override',
    {
      config: { access: 'staff', action: 'agreement.override' },
      schema: { tags, summary: 'Withdraw the override', params: IdParams, response: { 204: NoContent } },
    },
    async (req, reply) => {
      const actor = guard(req, 'agreement.override', { mallId: req.mall.id });
      await agreements.setOverride(ctx, actor, req.mall, req.params.id, null);
      return reply.status(204).send();
    },
  );
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      DOCUMENT_TYPES,
      { parseAs: 'buffer', bodyLimit: agreements.MAX_DOCUMENT_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/malls/:mall/opening/documents',
      {
        config: { access: 'staff', action: 'opening.manage' },
        bodyLimit: agreements.MAX_DOCUMENT_BYTES,
        schema: {
          tags,
          summary:
            'Upload a signed scan (PDF, JPEG, PNG; 10 MB); its id goes into an agreement as documentId',
          params: MallParams,
          consumes: DOCUMENT_TYPES,
          response: { 201: OpeningDocument },
        },
        onRequest: async (req) => {
          guard(req, 'opening.manage', { mallId: req.mall.id });
        },
      },
      async (req, reply) => {
        const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Unggah PDF, JPEG atau PNG (upload a PDF, JPEG or PNG).',
          );
        const doc = await agreements.uploadDocument(
          ctx,
          actor,
          req.mall,
          req.headers['content-type'] ?? '',
          req.body,
        );
        return reply.status(201).send(doc);
      },
    );
  });
  app.get(
    '/api/v1/malls/:mall/opening/documents/:id',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: { tags, summary: 'Download an uploaded scan', params: IdParams },
    },
    async (req, reply) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      const d = await agreements.getDocument(ctx, req.mall, req.params.id);
      return reply
        .header('content-type', d.content_type)
        .header('content-disposition', `attachment; filename="perjanjian-${d.id}"`)
        .send(Buffer.from(d.content));
    },
  );
  app.get(
    '/api/v1/malls/:mall/coverage',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary: 'Service coverage per agency (full, intake only, not served) and the mall totals',
        params: MallParams,
        response: { 200: CoverageReport },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return coverage.coverageReport(ctx, req.mall.id);
    },
  );
  app.get(
    '/api/v1/malls/:mall/dualism',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary: "Services still also delivered at the agency's own office, with plan and end date",
        params: MallParams,
        response: { 200: z.object({ items: z.array(DualismEntry), overdue: z.number() }) },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      const items = await coverage.listDualism(ctx, req.mall);
      return { items, overdue: items.filter((i) => i.overdue).length };
    },
  );
  app.post(
    '/api/v1/malls/:mall/dualism',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Register a dualism with its plan and end date',
        params: MallParams,
        body: DualismInput,
        response: { 201: DualismEntry },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return reply.status(201).send(await coverage.createDualism(ctx, actor, req.mall, req.body));
    },
  );
  app.patch(
    '/api/v1/malls/:mall/dualism/:id',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Change the plan or end date, or mark it ended',
        params: IdParams,
        body: DualismPatch,
        response: { 200: DualismEntry },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return coverage.updateDualism(ctx, actor, req.mall, req.params.id, req.body);
    },
  );
}
