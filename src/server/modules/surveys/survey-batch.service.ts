import type { z } from 'zod';
import type { SurveyBatchInputDto, SurveyBatchResult } from '../../../shared/contracts/surveys.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/guard.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './surveys.repo.js';
import { checkCodes } from './surveys.service.js';

/**
 * Paper questionnaires entered by staff (many units still hand out forms): one service, the day they
 * were filled in, up to MAX_SURVEY_BATCH at once, all or nothing in one transaction with one audit
 * row. Mall admins for any service, agency admins for their own agency's. No ticket: paper forms
 * cannot be tied to one.
 */
export async function enterBatch(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  input: SurveyBatchInputDto,
): Promise<z.infer<typeof SurveyBatchResult>> {
  const db = ctx.database.db;
  const service = await repo.serviceInMall(db, mall.id, input.serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  authorize(actor, 'survey.enter', { mallId: mall.id, agencyId: service.agency_id });
  const today = localMoment(ctx.now(), mall.timezone).date;
  const day = input.answeredOn ?? today;
  if (day > today)
    throw new AppError(
      'VALIDATION_FAILED',
      'Tanggal pengisian tidak boleh di masa depan (answeredOn is in the future).',
      {
        issues: [{ path: ['answeredOn'], message: 'in the future' }],
      },
    );
  await checkCodes(
    ctx,
    mall,
    input.questionnaires.map((q) => q.answers),
  );
  const at = ctx.now().toISOString();
  await inTransaction(db, async (tx) => {
    for (const q of input.questionnaires) {
      const p = q.respondent ?? {};
      await repo.insertResponse(
        tx.db,
        {
          mall_id: mall.id,
          service_id: service.id,
          agency_id: service.agency_id,
          ticket_id: null,
          counter_id: null,
          channel: 'paper',
          local_date: day,
          submitted_at: at,
          answers: JSON.stringify(q.answers),
          age_band: p.ageBand ?? null,
          sex: p.sex ?? null,
          education: p.education ?? null,
          occupation: p.occupation ?? null,
          suggestion: q.suggestion || null,
        },
        q.answers,
      );
    }
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'survey.batch',
      entity: 'service',
      entityId: service.id,
      after: { answeredOn: day, questionnaires: input.questionnaires.length },
      at,
    });
  });
  return { created: input.questionnaires.length, serviceId: service.id, answeredOn: day };
}
