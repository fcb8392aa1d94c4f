import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, PaymentsTable } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The next receipt number of the mall's year: an atomic upsert inside the entry's transaction. On
 * PostgreSQL the row stays locked until COMMIT (a second node waits, then gets the next number); a
 * rollback gives the number back. So numbers are gapless and never shared.
 */
export async function nextReceiptSeq(db: Db, mallId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('receipt_sequences')
    .values({ mall_id: mallId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['mall_id', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('receipt_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** Serialises money writes on one application (a row lock on PostgreSQL; SQLite has one writer). */
export async function lockApplication(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('applications').set({ updated_at: at }).where('id', '=', id).execute();
}

export const insertPayment = async (db: Db, row: Insertable<PaymentsTable>) =>
  (await db.insertInto('payments').values(row).returning('id').executeTakeFirstOrThrow()).id;

const withCorrected = (db: Db) =>
  db
    .selectFrom('payments as p')
    .leftJoin('payments as c', 'c.id', 'p.corrects_id')
    .selectAll('p')
    .select('c.receipt_number as corrects_receipt');

export const paymentsOf = (db: Db, applicationId: number) =>
  withCorrected(db).where('p.application_id', '=', applicationId).orderBy('p.id').execute();
export type PaymentRow = Awaited<ReturnType<typeof paymentsOf>>[number];

export const findPayment = (db: Db, mallId: number, id: number) =>
  withCorrected(db).where('p.mall_id', '=', mallId).where('p.id', '=', id).executeTakeFirst();

export const findByReceipt = (db: Db, mallId: number, receiptNumber: string) =>
  withCorrected(db)
    .where('p.mall_id', '=', mallId)
    .where('p.receipt_number', '=', receiptNumber)
    .executeTakeFirst();

/** A payment not yet refunded or voided. */
export const livePayment = (db: Db, applicationId: number) =>
  db
    .selectFrom('payments as p')
    .selectAll('p')
    .where('p.application_id', '=', applicationId)
    .where('p.kind', '=', 'payment')
    .where((w) =>
      w.not(w.exists(w.selectFrom('payments as c').select('c.id').whereRef('c.corrects_id', '=', 'p.id'))),
    )
    .executeTakeFirst();

/** The day's entries of the mall (optionally one agency), with names for the report. */
export const dayEntries = (db: Db, mallId: number, localDate: string, agencyId?: number) => {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .innerJoin('applications as ap', 'ap.id', 'p.application_id')
    .leftJoin('counters as k', 'k.id', 'p.counter_id')
    .leftJoin('payments as c', 'c.id', 'p.corrects_id')
    .selectAll('p')
    .select([
      'a.name as agency_name',
      'k.name as counter_name',
      'ap.tracking_code',
      'c.receipt_number as corrects_receipt',
    ])
    .where('p.mall_id', '=', mallId)
    .where('p.local_date', '=', localDate);
  if (agencyId !== undefined) q = q.where('p.agency_id', '=', agencyId);
  return q.orderBy('p.receipt_year').orderBy('p.receipt_seq').execute();
};

export const receiptContext = (
  db: Db,
  applicationId: number,
  counterId: number | null,
  actorId: number | null,
) =>
  Promise.all([
    db
      .selectFrom('applications as ap')
      .innerJoin('services as s', 's.id', 'ap.service_id')
      .innerJoin('agencies as a', 'a.id', 'ap.agency_id')
      .innerJoin('malls as m', 'm.id', 'ap.mall_id')
      .select([
        'ap.tracking_code',
        'ap.applicant_name',
        'ap.nik_masked',
        'ap.standard_version',
        's.name as service_name',
        'a.name as agency_name',
        'm.name as mall_name',
        'm.address as mall_address',
      ])
      .where('ap.id', '=', applicationId)
      .executeTakeFirstOrThrow(),
    counterId
      ? db.selectFrom('counters').select('name').where('id', '=', counterId).executeTakeFirst()
      : Promise.resolve(undefined),
    actorId
      ? db
          .selectFrom('users')
          .select(['username', 'display_name'])
          .where('id', '=', actorId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
