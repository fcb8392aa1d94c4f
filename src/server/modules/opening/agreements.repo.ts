import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AgreementsTable, DB, OpeningDocumentsTable } from '../../db/schema.js';

export type AgreementRow = Selectable<AgreementsTable>;

export const listAgreements = (db: Kysely<DB>, mallId: number) =>
  db.selectFrom('agreements').selectAll().where('mall_id', '=', mallId).execute();

export const listAgencies = (db: Kysely<DB>, mallId: number) =>
  db
    .selectFrom('agencies')
    .select(['id', 'name', 'type', 'agreement_status', 'agreement_date', 'agreement_override'])
    .where('mall_id', '=', mallId)
    .where('retired_at', 'is', null)
    .orderBy('name')
    .execute();

export const findAgreement = (db: Kysely<DB>, agencyId: number, kind: string) =>
  db
    .selectFrom('agreements')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst();

export async function saveAgreement(
  db: Kysely<DB>,
  existing: AgreementRow | undefined,
  values: Insertable<AgreementsTable>,
): Promise<void> {
  if (existing) await db.updateTable('agreements').set(values).where('id', '=', existing.id).execute();
  else await db.insertInto('agreements').values(values).execute();
}

export const updateAgency = async (
  db: Kysely<DB>,
  mallId: number,
  id: number,
  set: Updateable<DB['agencies']>,
) => {
  await db.updateTable('agencies').set(set).where('mall_id', '=', mallId).where('id', '=', id).execute();
};

export const insertDocument = async (db: Kysely<DB>, values: Insertable<OpeningDocumentsTable>) =>
  (await db.insertInto('opening_documents').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const findDocument = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('opening_documents')
    .selectAll()
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Whether an agency may go live: its PKS is signed, or a mall admin overrode (null: no such agency). */
export const agencyLive = (db: Kysely<DB>, mallId: number, id: number) =>
  db
    .selectFrom('agencies')
    .select(['agreement_status', 'agreement_override'])
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();
