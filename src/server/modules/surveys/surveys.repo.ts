import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, SurveyElementsTable, SurveyResponsesTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const elementsOfMall = (db: Db, mallId: number) =>
  db.selectFrom('survey_elements').selectAll().where('mall_id', '=', mallId).orderBy('position').execute();

export async function replaceElements(db: Db, mallId: number, rows: Insertable<SurveyElementsTable>[]) {
  await db.deleteFrom('survey_elements').where('mall_id', '=', mallId).execute();
  if (rows.length) await db.insertInto('survey_elements').values(rows).execute();
}

export const serviceInMall = (db: Db, mallId: number, serviceId: number) =>
  db
    .selectFrom('services')
    .innerJoin('agencies', 'agencies.id', 'services.agency_id')
    .select(['services.id', 'services.name', 'services.agency_id', 'agencies.name as agency_name'])
    .where('services.mall_id', '=', mallId)
    .where('services.id', '=', serviceId)
    .executeTakeFirst();

export const agencyInMall = (db: Db, mallId: number, agencyId: number) =>
  db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('mall_id', '=', mallId)
    .where('id', '=', agencyId)
    .executeTakeFirst();

export const servicesOfMall = (db: Db, mallId: number) =>
  db.selectFrom('services').select(['id', 'name', 'agency_id']).where('mall_id', '=', mallId).execute();

/** The ticket a survey answer names, with whether it was answered already. */
export const ticketForSurvey = (db: Db, mallId: number, trackingCode: string) =>
  db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .leftJoin('survey_responses', 'survey_responses.ticket_id', 'tickets.id')
    .select([
      'tickets.id',
      'tickets.status',
      'tickets.number',
      'tickets.service_id',
      'tickets.counter_id',
      'services.name as service_name',
      'survey_responses.id as response_id',
    ])
    .where('tickets.mall_id', '=', mallId)
    .where('tickets.tracking_code', '=', trackingCode)
    .executeTakeFirst();

export async function insertResponse(
  db: Db,
  row: Insertable<SurveyResponsesTable>,
  answers: Record<string, number>,
): Promise<number> {
  const { id } = await db
    .insertInto('survey_responses')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_answers')
    .values(
      Object.entries(answers).map(([code, score]) => ({
        response_id: id,
        mall_id: row.mall_id,
        service_id: row.service_id,
        agency_id: row.agency_id,
        local_date: row.local_date,
        code,
        score,
      })),
    )
    .execute();
  return id;
}

export interface SurveyFilter {
  mallId: number;
  from: string;
  to: string;
  serviceId?: number;
  agencyId?: number;
}

/** Σ scores and answers per service and element in the period: the report's whole input. */
export function answerTotals(db: Db, f: SurveyFilter) {
  let q = db
    .selectFrom('survey_answers')
    .select((eb) => [
      'service_id',
      'code',
      eb.fn.sum<number | string>('score').as('sum'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .where('mall_id', '=', f.mallId)
    .where('local_date', '>=', f.from)
    .where('local_date', '<=', f.to);
  if (f.serviceId !== undefined) q = q.where('service_id', '=', f.serviceId);
  if (f.agencyId !== undefined) q = q.where('agency_id', '=', f.agencyId);
  return q.groupBy(['service_id', 'code']).execute();
}

const responsesIn = (db: Db, f: SurveyFilter) => {
  let q = db
    .selectFrom('survey_responses')
    .where('survey_responses.mall_id', '=', f.mallId)
    .where('survey_responses.local_date', '>=', f.from)
    .where('survey_responses.local_date', '<=', f.to);
  if (f.serviceId !== undefined) q = q.where('survey_responses.service_id', '=', f.serviceId);
  if (f.agencyId !== undefined) q = q.where('survey_responses.agency_id', '=', f.agencyId);
  return q;
};

export const respondentsByService = (db: Db, f: SurveyFilter) =>
  responsesIn(db, f)
    .select((eb) => ['service_id', eb.fn.countAll<number | string>().as('count')])
    .groupBy('service_id')
    .execute();

export type ProfileColumn = 'age_band' | 'sex' | 'education' | 'occupation';
export const profileCounts = (db: Db, f: SurveyFilter, column: ProfileColumn) =>
  responsesIn(db, f)
    .select((eb) => [eb.ref(column).as('value'), eb.fn.countAll<number | string>().as('count')])
    .groupBy(column)
    .execute();

export const latestSuggestions = (db: Db, f: SurveyFilter, limit: number) =>
  responsesIn(db, f)
    .innerJoin('services', 'services.id', 'survey_responses.service_id')
    .select(['survey_responses.submitted_at', 'survey_responses.suggestion', 'services.name as service_name'])
    .where('survey_responses.suggestion', 'is not', null)
    .orderBy('survey_responses.submitted_at', 'desc')
    .orderBy('survey_responses.id', 'desc')
    .limit(limit)
    .execute();

/** Service users of a period: tickets finished at a counter (the sample's population N). */
export async function finishedTickets(db: Db, f: SurveyFilter): Promise<number> {
  let q = db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('tickets.mall_id', '=', f.mallId)
    .where('tickets.status', '=', 'done')
    .where('tickets.local_date', '>=', f.from)
    .where('tickets.local_date', '<=', f.to);
  if (f.serviceId !== undefined) q = q.where('tickets.service_id', '=', f.serviceId);
  if (f.agencyId !== undefined) q = q.where('services.agency_id', '=', f.agencyId);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}
