import {
  PersonalDataReads,
  PersonalDataReadsQuery,
  SubjectExport,
  SubjectExportInput,
} from '../../../shared/contracts/privacy.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { requireAccessReason } from './privacy.reason.js';
import { exportSubject, listReads } from './privacy.service.js';
import { startRetentionJob } from './retention.service.js';

const tags = ['privacy'];

/**
 * Personal data under UU 27/2022 (docs/privacy.md): the reads log, the subject export, and the hourly
 * retention job (not under NODE_ENV=test: tests share one PostgreSQL database and move their own
 * clocks, so they call `anonymiseMall` for their own mall).
 */
export async function privacyRoutes(app: App, ctx: AppContext): Promise<void> {
  if (ctx.config.NODE_ENV !== 'test') {
    const stop = startRetentionJob(ctx);
    app.addHook('onClose', async () => stop());
  }

  app.get(
    '/api/v1/malls/:mall/personal-data/reads',
    {
      config: { access: 'staff', action: 'privacy.readLog' },
      schema: {
        tags,
        summary:
          'Who read a full NIK, a reporter’s contacts or a citizen’s whole file: when, which record and why (newest first; mall admins and auditors)',
        params: MallParams,
        querystring: PersonalDataReadsQuery,
        response: { 200: PersonalDataReads },
      },
    },
    async (req) => listReads(ctx, requireActor(req), req.mall, req.query),
  );

  app.post(
    '/api/v1/malls/:mall/personal-data/subject-export',
    {
      config: { access: 'staff', action: 'privacy.export' },
      preValidation: requireAccessReason,
      schema: {
        tags,
        summary:
          'Everything the mall holds about one citizen, by NIK in the body with a reason (mall admins; audited; `download` answers a file)',
        params: MallParams,
        body: SubjectExportInput,
        response: { 200: SubjectExport },
      },
    },
    async (req, reply) => {
      const out = await exportSubject(ctx, requireActor(req), req.mall, req.body);
      reply.header('cache-control', 'no-store');
      if (req.body.download)
        reply.header(
          'content-disposition',
          `attachment; filename="data-pribadi-${req.mall.slug}-${out.generatedAt.slice(0, 10)}.json"`,
        );
      return out;
    },
  );
}
