import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, DocumentsTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const insertDocument = async (db: Db, row: Insertable<DocumentsTable>) =>
  (await db.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const liveDocumentOf = (db: Db, applicationId: number) =>
  db
    .selectFrom('documents')
    .select(['id', 'verify_code'])
    .where('application_id', '=', applicationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

const withNames = (db: Db) =>
  db
    .selectFrom('documents as d')
    .innerJoin('applications as ap', 'ap.id', 'd.application_id')
    .innerJoin('services as s', 's.id', 'ap.service_id')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .innerJoin('malls as m', 'm.id', 'd.mall_id')
    .select([
      'd.id',
      'd.mall_id',
      'd.agency_id',
      'd.application_id',
      'd.verify_code',
      'd.number',
      'd.sha256',
      'd.demo',
      'd.signer',
      'd.issued_at',
      'd.revoked_at',
      'd.revoked_reason',
      's.name as service_name',
      'a.name as agency_name',
      'm.name as mall_name',
      'm.slug as mall_slug',
    ]);

export const findByCode = (db: Db, code: string) =>
  withNames(db).where('d.verify_code', '=', code).executeTakeFirst();
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findByCode>>>;

export const findBySha = (db: Db, sha: string) =>
  withNames(db).where('d.sha256', '=', sha).orderBy('d.id', 'desc').executeTakeFirst();

export const pdfOf = (db: Db, code: string) =>
  db.selectFrom('documents').select(['pdf', 'number']).where('verify_code', '=', code).executeTakeFirst();

export const revoke = async (db: Db, id: number, at: string, reason: string, by: number | null) =>
  Number(
    (
      await db
        .updateTable('documents')
        .set({ revoked_at: at, revoked_reason: reason, revoked_by: by })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

/** The next document number of the agency in the year (documents issued so far + 1, under the application's lock). */
export const countIssued = async (db: Db, mallId: number, agencyId: number, yearPrefix: string) =>
  Number(
    (
      await db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('mall_id', '=', mallId)
        .where('agency_id', '=', agencyId)
        .where('issued_at', '>=', `${yearPrefix}-01-01`)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const serviceStandard = (db: Db, standardId: number) =>
  db.selectFrom('service_standards').select('body').where('id', '=', standardId).executeTakeFirstOrThrow();
