import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import {
  ComplaintAttachment,
  ComplaintCreated,
  ComplaintForReporter,
  ComplaintInput,
  LIMITS,
  PublicComplaintList,
  PublicComplaintQuery,
  ReplyInput,
} from '../../../shared/contracts/complaints.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type App, MallParams } from '../../http.js';
import { accept, reply } from './complaints.actions.js';
import { ATTACHMENT_TYPES, addAttachment, attachmentByCode } from './complaints.attachments.js';
import { startComplaintScheduler } from './complaints.jobs.js';
import { listPublic, readByCode } from './complaints.reads.js';
import { submitComplaint } from './complaints.service.js';
import { stepActorOf } from './complaints.steps.js';

const CodeParams = MallParams.extend({ code: z.string().min(4).max(64) });
const tags = ['complaints'];

/**
 * The citizen's side of complaints: filing (portal, kiosk, staff intake), the public list, and what
 * the holder of a tracking code may do (read, reply or reopen, accept, attach). The tracking code is
 * the credential, as for tickets; anonymous writes are rate-limited per address.
 */
export async function complaintsRoutes(app: App, ctx: AppContext): Promise<void> {
  const stop = startComplaintScheduler(ctx);
  app.addHook('onClose', async () => stop());

  app.post(
    '/api/v1/malls/:mall/complaints',
    {
      config: { access: 'public', action: 'complaint.submit' },
      schema: {
        tags,
        summary:
          'File a complaint, aspiration or information request (portal, paired kiosk, or staff intake with channel counter/hotline); answers the tracking code',
        params: MallParams,
        body: ComplaintInput,
        response: { 201: ComplaintCreated },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await submitComplaint(ctx, { actor: req.actor, device: req.device }, req.mall, req.body)),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/public',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary: 'Public list: non-confidential reports with the agencies’ answers, no personal data',
        params: MallParams,
        querystring: PublicComplaintQuery,
        response: { 200: PublicComplaintList },
      },
    },
    async (req) => listPublic(ctx, req.mall, req.query),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/track/:code',
    {
      config: { access: 'public', action: 'complaint.follow' },
      schema: {
        tags,
        summary: 'The reporter reads a report by its tracking code: state, deadline, answers, history',
        params: CodeParams,
        response: { 200: ComplaintForReporter },
      },
    },
    async (req) => readByCode(ctx, req.mall, req.params.code),
  );

  app.post(
    '/api/v1/malls/:mall/complaints/track/:code/replies',
    {
      config: { access: 'public', action: 'complaint.follow' },
      schema: {
        tags,
        summary:
          'The reporter replies: reopens an answered or closed report at the agency, releases a held one to the desk',
        params: CodeParams,
        body: ReplyInput,
        response: { 200: ComplaintForReporter },
      },
    },
    async (req) => {
      await reply(
        ctx,
        stepActorOf({ actor: req.actor, device: req.device }),
        req.mall,
        req.params.code,
        req.body.message,
      );
      return readByCode(ctx, req.mall, req.params.code);
    },
  );

  app.post(
    '/api/v1/malls/:mall/complaints/track/:code/accept',
    {
      config: { access: 'public', action: 'complaint.follow' },
      schema: {
        tags,
        summary: 'The reporter accepts the answer: the report is closed',
        params: CodeParams,
        response: { 200: ComplaintForReporter },
      },
    },
    async (req) => {
      await accept(ctx, stepActorOf({ actor: req.actor, device: req.device }), req.mall, req.params.code);
      return readByCode(ctx, req.mall, req.params.code);
    },
  );

  app.get(
    '/api/v1/malls/:mall/complaints/track/:code/attachments/:id',
    {
      config: { access: 'public', action: 'complaint.follow' },
      schema: {
        tags,
        summary: 'An attachment of the report (the tracking code’s holder)',
        params: CodeParams.extend({ id: Id }),
      },
    },
    async (req, reply) => {
      const a = await attachmentByCode(ctx, req.mall, req.params.code, req.params.id);
      return sendFile(reply, a);
    },
  );

  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      [...ATTACHMENT_TYPES, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: LIMITS.attachmentBytes },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/malls/:mall/complaints/track/:code/attachments',
      {
        config: { access: 'public', action: 'complaint.follow' },
        bodyLimit: LIMITS.attachmentBytes,
        schema: {
          tags,
          summary: `Attach a photo or PDF (JPG, PNG, WebP, PDF; at most ${LIMITS.attachmentBytes / 1024 / 1024} MB, ${LIMITS.attachments} per report). Body: the raw file; ?name= its file name`,
          params: CodeParams,
          querystring: z.strictObject({ name: z.string().max(200).optional() }),
          consumes: [...ATTACHMENT_TYPES, 'application/octet-stream'],
          response: { 201: ComplaintAttachment },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Kirim foto atau PDF sebagai isi permintaan (send the file as the body).',
          );
        const a = await addAttachment(
          ctx,
          stepActorOf({ actor: req.actor, device: req.device }),
          req.mall,
          req.params.code,
          req.body,
          req.headers['content-type'],
          req.query.name,
        );
        return reply.status(201).send(a);
      },
    );
  });
}

/** Sends a stored file as a download (never rendered inline: it came from a stranger). */
export function sendFile(
  reply: { header(k: string, v: string): unknown; send(b: Buffer): unknown; type(t: string): unknown },
  a: { name: string; contentType: string; data: Buffer },
) {
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'private, no-store');
  reply.type(a.contentType);
  return reply.send(a.data);
}
