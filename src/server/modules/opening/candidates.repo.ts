import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CandidatesTable, ConsultationInputsTable, DB } from '../../db/schema.js';

export type CandidateRow = Selectable<CandidatesTable>;

export async function listCandidates(db: Kysely<DB>, mallId: number) {
  const [candidates, services, inputs] = await Promise.all([
    db.selectFrom('candidates').selectAll().where('mall_id', '=', mallId).orderBy('id').execute(),
    db.selectFrom('candidate_services').selectAll().where('mall_id', '=', mallId).orderBy('id').execute(),
    db
      .selectFrom('consultation_inputs')
      .selectAll()
      .where('mall_id', '=', mallId)
      .orderBy('forum_date')
      .execute(),
  ]);
  return { candidates, services, inputs };
}

export const findCandidate = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('candidates')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

export const candidateServices = (db: Kysely<DB>, candidateId: number) =>
  db
    .selectFrom('candidate_services')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('id')
    .execute();

export const insertCandidate = async (db: Kysely<DB>, values: Insertable<CandidatesTable>) =>
  (await db.insertInto('candidates').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const insertCandidateServices = async (
  db: Kysely<DB>,
  rows: { mall_id: number; candidate_id: number; name: string; kind: string }[],
) => {
  if (rows.length) await db.insertInto('candidate_services').values(rows).execute();
};

export const updateCandidate = async (db: Kysely<DB>, id: number, set: Updateable<CandidatesTable>) => {
  await db.updateTable('candidates').set(set).where('id', '=', id).execute();
};

export const insertInput = async (db: Kysely<DB>, values: Insertable<ConsultationInputsTable>) =>
  (await db.insertInto('consultation_inputs').values(values).returning('id').executeTakeFirstOrThrow()).id;
