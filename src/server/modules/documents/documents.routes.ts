import { z } from 'zod';
import {
  DocumentCheck,
  DocumentIssued,
  DocumentVerifyResult,
  RevokeInput,
} from '../../../shared/contracts/applications.js';
import { Id } from '../../../shared/contracts/catalog.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type App, MallParams } from '../../http.js';
import {
  checkDocument,
  documentPdf,
  issueDocument,
  revokeDocument,
  verifyUpload,
} from './documents.service.js';
import { firstFilePart } from './multipart.js';
import { warmSigningKey } from './signing.js';

const tags = ['documents'];
const CodeParams = z.object({ verifyCode: z.string().min(4).max(32) });
const MAX_PDF = 5 * 1024 * 1024;

/** E-signed documents (issue 12): issue, revoke, and the public check anyone can make. */
export async function documentsRoutes(app: App, ctx: AppContext): Promise<void> {
  warmSigningKey(ctx);

  app.post(
    '/api/v1/malls/:mall/applications/:id/document',
    {
      config: { access: 'staff', action: 'application.process' },
      schema: {
        tags,
        summary:
          'Issue the approved application’s product as a signed PDF (QR code and short code to the public check)',
        params: MallParams.extend({ id: Id }),
        body: z.strictObject({}).nullish(),
        response: { 201: DocumentIssued },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await issueDocument(ctx, requireActor(req), req.mall, req.params.id)),
  );

  app.post(
    '/api/v1/malls/:mall/documents/:verifyCode/revoke',
    {
      config: { access: 'staff', action: 'application.process' },
      schema: {
        tags,
        summary: 'Revoke an issued document with a reason (shown on the public check)',
        params: MallParams.merge(CodeParams),
        body: RevokeInput,
        response: { 200: DocumentCheck },
      },
    },
    async (req) => revokeDocument(ctx, requireActor(req), req.mall, req.params.verifyCode, req.body.reason),
  );

  app.get(
    '/api/v1/documents/:verifyCode',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary: 'The public check: valid, revoked (with reason), SHA-256, issued at, mall, agency, service',
        params: CodeParams,
        response: { 200: DocumentCheck },
      },
    },
    async (req) => checkDocument(ctx, req.params.verifyCode),
  );

  app.get(
    '/api/v1/documents/:verifyCode/pdf',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary: 'The signed PDF as issued',
        params: CodeParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const d = await documentPdf(ctx, req.params.verifyCode);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${d.number.replace(/[^\w.-]+/g, '_')}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(d.pdf));
    },
  );

  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      ['application/pdf', 'application/octet-stream', 'multipart/form-data'],
      { parseAs: 'buffer', bodyLimit: MAX_PDF },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/documents/verify',
      {
        config: { access: 'public', action: 'public.read' },
        bodyLimit: MAX_PDF,
        schema: {
          tags,
          summary:
            'Is this PDF exactly an issued document? Body: the file (application/pdf, or multipart/form-data with a file part)',
          consumes: ['application/pdf', 'multipart/form-data'],
          response: { 200: DocumentVerifyResult },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas PDF (send the PDF file).');
        const type = req.headers['content-type'] ?? '';
        const file = type.startsWith('multipart/') ? firstFilePart(req.body, type) : req.body;
        if (!file?.length) throw new AppError('BAD_REQUEST', 'Berkas PDF kosong atau tidak ada (no file).');
        return verifyUpload(ctx, file);
      },
    );
  });
}
