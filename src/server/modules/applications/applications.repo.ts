import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type {
  ApplicationEventsTable,
  ApplicationPausesTable,
  ApplicationsTable,
  DB,
} from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A secret made on first use: the first node's value wins, every node reads it back. */
export async function secret(db: Db, name: string, candidate: string, at: string): Promise<string> {
  await db
    .insertInto('installation_secrets')
    .values({ name, value: candidate, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('installation_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}

/** The service with its agency and the standard in force (valid_to null). */
export const serviceForIntake = (db: Db, mallId: number, serviceId: number) =>
  db
    .selectFrom('services as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .innerJoin('service_standards as st', (j) =>
      j.onRef('st.service_id', '=', 's.id').on('st.valid_to', 'is', null),
    )
    .select([
      's.id',
      's.name',
      's.agency_id',
      's.retired_at',
      'a.name as agency_name',
      'st.id as standard_id',
      'st.version as standard_version',
      'st.body as standard_body',
    ])
    .where('s.mall_id', '=', mallId)
    .where('s.id', '=', serviceId)
    .executeTakeFirst();

export const countersOf = (db: Db, mallId: number, ids: number[]) =>
  ids.length
    ? db
        .selectFrom('counters')
        .select(['id', 'agency_id', 'name', 'number'])
        .where('mall_id', '=', mallId)
        .where('id', 'in', ids)
        .execute()
    : Promise.resolve([]);

export const ticketInMall = (db: Db, mallId: number, id: number) =>
  db
    .selectFrom('tickets')
    .select(['id', 'status', 'counter_id', 'service_id'])
    .where('mall_id', '=', mallId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertApplication = async (db: Db, row: Insertable<ApplicationsTable>) =>
  (await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const updateApplication = async (db: Db, id: number, set: Updateable<ApplicationsTable>) => {
  await db.updateTable('applications').set(set).where('id', '=', id).execute();
};

/** Claims a status move: only if the row still has `from` (two desks racing: one wins). */
export const moveStatus = async (
  db: Db,
  id: number,
  from: string,
  set: Updateable<ApplicationsTable>,
): Promise<boolean> => {
  const r = await db
    .updateTable('applications')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const insertEvent = async (db: Db, row: Insertable<ApplicationEventsTable>) => {
  await db.insertInto('application_events').values(row).execute();
};

export const insertPause = async (db: Db, row: Insertable<ApplicationPausesTable>) => {
  await db.insertInto('application_pauses').values(row).execute();
};

export const openPause = (db: Db, applicationId: number) =>
  db
    .selectFrom('application_pauses')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('ended_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const endPause = async (db: Db, id: number, set: Updateable<ApplicationPausesTable>) => {
  await db.updateTable('application_pauses').set(set).where('id', '=', id).execute();
};

const base = (db: Db) =>
  db
    .selectFrom('applications as ap')
    .innerJoin('services as s', 's.id', 'ap.service_id')
    .innerJoin('agencies as a', 'a.id', 'ap.agency_id')
    .leftJoin('users as u', 'u.id', 'ap.assigned_to')
    .selectAll('ap')
    .select(['s.name as service_name', 'a.name as agency_name', 'u.username as assigned_username'])
    .select((eb) => [
      eb
        .selectFrom('payments as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.application_id', '=', 'ap.id')
        .where('p.kind', '=', 'payment')
        .where((w) =>
          w.not(
            w.exists(w.selectFrom('payments as c').select('c.id').whereRef('c.corrects_id', '=', 'p.id')),
          ),
        )
        .as('live_payments'),
      eb
        .selectFrom('documents as d')
        .select('d.verify_code')
        .whereRef('d.application_id', '=', 'ap.id')
        .where('d.revoked_at', 'is', null)
        .orderBy('d.id', 'desc')
        .limit(1)
        .as('verify_code'),
    ]);
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export const findApplication = (db: Db, mallId: number, id: number) =>
  base(db).where('ap.mall_id', '=', mallId).where('ap.id', '=', id).executeTakeFirst();

export const findByTracking = (db: Db, code: string) =>
  base(db).where('ap.tracking_code', '=', code).executeTakeFirst();

export interface ListFilter {
  mallId: number;
  agencyId?: number;
  counterIds?: number[];
  status?: string;
  statuses?: readonly string[];
  serviceId?: number;
  assignedTo?: number;
  trackingOrName?: string;
  nikHash?: string;
  limit: number;
}

export const listApplications = (db: Db, f: ListFilter) => {
  let q = base(db).where('ap.mall_id', '=', f.mallId);
  if (f.agencyId !== undefined) q = q.where('ap.agency_id', '=', f.agencyId);
  if (f.counterIds) q = q.where('ap.counter_id', 'in', f.counterIds.length ? f.counterIds : [-1]);
  if (f.status) q = q.where('ap.status', '=', f.status);
  if (f.statuses) q = q.where('ap.status', 'in', [...f.statuses]);
  if (f.serviceId !== undefined) q = q.where('ap.service_id', '=', f.serviceId);
  if (f.assignedTo !== undefined) q = q.where('ap.assigned_to', '=', f.assignedTo);
  if (f.trackingOrName || f.nikHash) {
    const text = f.trackingOrName ?? '';
    q = q.where((w) =>
      w.or([
        w('ap.tracking_code', '=', text.toUpperCase()),
        w('ap.applicant_name', 'like', `%${text.replace(/[%_]/g, '')}%`),
        ...(f.nikHash ? [w('ap.nik_hash', '=', f.nikHash)] : []),
      ]),
    );
  }
  return q.orderBy('ap.due_at').orderBy('ap.id').limit(f.limit).execute();
};

export const history = (db: Db, applicationId: number) =>
  db
    .selectFrom('application_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.status', 'e.from_status', 'e.at', 'e.note', 'e.reason', 'u.username'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.id')
    .execute();

export const pauses = (db: Db, applicationId: number) =>
  db
    .selectFrom('application_pauses')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();

export const userInAgency = (db: Db, mallId: number, userId: number) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'agency_id', 'mall_id'])
    .where('id', '=', userId)
    .where('mall_id', '=', mallId)
    .executeTakeFirst();

export const mallOf = (db: Db, mallId: number) =>
  db
    .selectFrom('malls')
    .select(['id', 'slug', 'name', 'address', 'timezone'])
    .where('id', '=', mallId)
    .executeTakeFirstOrThrow();
