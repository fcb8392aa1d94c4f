import type { z } from 'zod';
import type { SurveyInputDto, SurveyReceipt, TicketSurveyState } from '../../../shared/contracts/surveys.js';
import { localMoment } from '../../../shared/domain/local-time.js';
import { appendAudit } from '../../audit/audit.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { mallElements } from './survey-elements.service.js';
import * as repo from './surveys.repo.js';

/** A unique index refused the row (the ticket was answered meanwhile), on either database. */
const isUniqueViolation = (err: unknown): boolean => {
  const code = (err as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

const alreadyAnswered = () =>
  new AppError(
    'SURVEY_ALREADY_ANSWERED',
    'Survei untuk tiket ini sudah diisi. Terima kasih (this ticket’s survey was answered already).',
  );

/** Refuses answers to codes that are not the mall's elements (400 with the paths). */
export async function checkCodes(ctx: AppContext, mall: MallRecord, answers: Record<string, number>[]) {
  const { elements } = await mallElements(ctx.database.db, mall.id);
  const known = new Set(elements.map((e) => e.code));
  const issues = answers.flatMap((a, i) =>
    Object.keys(a)
      .filter((c) => !known.has(c))
      .map((c) => ({
        path: answers.length > 1 ? ['questionnaires', i, 'answers', c] : ['answers', c],
        code: c,
      })),
  );
  if (issues.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `Unsur tidak dikenal: ${[...new Set(issues.map((x) => x.code))].join(', ')} (unknown elements).`,
      { issues: issues.slice(0, 50).map((x) => ({ path: x.path, message: 'not an element of this mall' })) },
    );
}

/** Whether the holder of a ticket may answer now: only once, and only after it was finished. */
export async function ticketSurveyState(
  ctx: AppContext,
  mall: MallRecord,
  trackingCode: string,
): Promise<z.infer<typeof TicketSurveyState>> {
  const t = await repo.ticketForSurvey(ctx.database.db, mall.id, trackingCode.toUpperCase());
  if (!t) throw notFound('TICKET_NOT_FOUND', 'Tiket');
  return {
    state: t.response_id != null ? 'answered' : t.status === 'done' ? 'open' : 'not_finished',
    serviceId: t.service_id,
    serviceName: t.service_name,
    number: t.number,
  };
}

/**
 * One questionnaire. Scores are 1–4 for the mall's own elements (unknown codes are refused); no NIK
 * or name is ever taken. With a tracking code it must be a finished ticket of this service, answered
 * once (the unique index settles a race). The response, its answers and the audit row are one
 * transaction; the audit row names the ticket number, never the respondent.
 */
export async function submitSurvey(
  ctx: AppContext,
  mall: MallRecord,
  input: SurveyInputDto,
): Promise<z.infer<typeof SurveyReceipt>> {
  const db = ctx.database.db;
  const { elements } = await mallElements(db, mall.id);
  const known = new Set(elements.map((e) => e.code));
  const unknown = Object.keys(input.answers).filter((c) => !known.has(c));
  if (unknown.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `Unsur tidak dikenal: ${unknown.join(', ')} (unknown elements).`,
      {
        issues: unknown.map((c) => ({ path: ['answers', c], message: 'not an element of this mall' })),
      },
    );
  const service = await repo.serviceInMall(db, mall.id, input.serviceId);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  let ticket: Awaited<ReturnType<typeof repo.ticketForSurvey>>;
  if (input.ticketTrackingCode) {
    ticket = await repo.ticketForSurvey(db, mall.id, input.ticketTrackingCode.toUpperCase());
    if (!ticket) throw notFound('TICKET_NOT_FOUND', 'Tiket');
    if (ticket.response_id != null) throw alreadyAnswered();
    if (ticket.status !== 'done')
      throw new AppError(
        'TICKET_NOT_FINISHED',
        'Survei dapat diisi setelah layanan tiket ini selesai (the ticket is not finished yet).',
      );
    if (ticket.service_id !== service.id)
      throw new AppError(
        'UNPROCESSABLE',
        'Layanan tidak sesuai dengan tiket (serviceId is not the ticket’s service).',
      );
  }
  const at = ctx.now().toISOString();
  const p = input.respondent ?? {};
  const channel = input.channel ?? (ticket ? 'ticket' : 'portal');
  try {
    const id = await inTransaction(db, async (tx) => {
      const id = await repo.insertResponse(
        tx.db,
        {
          mall_id: mall.id,
          service_id: service.id,
          agency_id: service.agency_id,
          ticket_id: ticket?.id ?? null,
          counter_id: ticket?.counter_id ?? null,
          channel,
          local_date: localMoment(ctx.now(), mall.timezone).date,
          submitted_at: at,
          answers: JSON.stringify(input.answers),
          age_band: p.ageBand ?? null,
          sex: p.sex ?? null,
          education: p.education ?? null,
          occupation: p.occupation ?? null,
          suggestion: input.suggestion || null,
        },
        input.answers,
      );
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'survey.answer',
        entity: 'survey_response',
        entityId: id,
        after: { serviceId: service.id, ticket: ticket?.number ?? null, channel, answers: input.answers },
        at,
      });
      return id;
    });
    return { id, serviceId: service.id, submittedAt: at };
  } catch (err) {
    if (ticket && isUniqueViolation(err)) throw alreadyAnswered();
    throw err;
  }
}
