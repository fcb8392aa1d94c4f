import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

export interface SectionFilter {
  mallId: number;
  agencyId?: number | undefined;
  serviceId?: number | undefined;
  counterId?: number | undefined;
}

/** Applications received on the local dates (the back office, issue 12). */
export async function applicationsReceived(
  db: Db,
  f: SectionFilter,
  from: string,
  to: string,
): Promise<number> {
  let q = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', f.mallId)
    .where('received_date', '>=', from)
    .where('received_date', '<=', to);
  if (f.agencyId !== undefined) q = q.where('agency_id', '=', f.agencyId);
  if (f.serviceId !== undefined) q = q.where('service_id', '=', f.serviceId);
  if (f.counterId !== undefined) q = q.where('counter_id', '=', f.counterId);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Applications that became ready or were rejected between two instants, with their due dates. */
export function applicationsFinished(db: Db, f: SectionFilter, fromIso: string, toIso: string) {
  let q = db
    .selectFrom('application_events')
    .innerJoin('applications', 'applications.id', 'application_events.application_id')
    .select(['applications.id', 'applications.due_date', 'application_events.at'])
    .where('application_events.mall_id', '=', f.mallId)
    .where('application_events.status', 'in', ['ready', 'rejected'])
    .where('application_events.at', '>=', fromIso)
    .where('application_events.at', '<', toIso);
  if (f.agencyId !== undefined) q = q.where('applications.agency_id', '=', f.agencyId);
  if (f.serviceId !== undefined) q = q.where('applications.service_id', '=', f.serviceId);
  if (f.counterId !== undefined) q = q.where('applications.counter_id', '=', f.counterId);
  return q.execute();
}

export async function applicationsOpenOverdue(db: Db, f: SectionFilter, today: string): Promise<number> {
  let q = db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', f.mallId)
    .where('status', 'in', ['received', 'in_process', 'needs_correction', 'approved'])
    .where('due_date', '<', today);
  if (f.agencyId !== undefined) q = q.where('agency_id', '=', f.agencyId);
  if (f.serviceId !== undefined) q = q.where('service_id', '=', f.serviceId);
  if (f.counterId !== undefined) q = q.where('counter_id', '=', f.counterId);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Complaints submitted between two instants (issue 13): type, status, deadline and escalation. */
export function complaintsSubmitted(db: Db, f: SectionFilter, fromIso: string, toIso: string) {
  let q = db
    .selectFrom('complaints')
    .select(['type', 'status', 'due_at', 'escalated_at'])
    .where('mall_id', '=', f.mallId)
    .where('submitted_at', '>=', fromIso)
    .where('submitted_at', '<', toIso);
  if (f.agencyId !== undefined) q = q.where('agency_id', '=', f.agencyId);
  if (f.serviceId !== undefined) q = q.where('service_id', '=', f.serviceId);
  if (f.counterId !== undefined) q = q.where('counter_id', '=', f.counterId);
  return q.execute();
}

/** Open complaints of the mall whose running deadline has passed (the dashboard's breaches). */
export async function complaintsOverdueNow(db: Db, mallId: number, nowIso: string): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mall_id', '=', mallId)
    .where('status', 'not in', ['closed', 'archived'])
    .where('due_at', '<', nowIso)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Bookings for the local dates by status (issue 11): the show rate's counts. */
export function bookingsByStatus(db: Db, f: SectionFilter, from: string, to: string) {
  let q = db
    .selectFrom('bookings')
    .innerJoin('services', 'services.id', 'bookings.service_id')
    .select(['bookings.status as status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bookings.mall_id', '=', f.mallId)
    .where('bookings.date', '>=', from)
    .where('bookings.date', '<=', to)
    .groupBy('bookings.status');
  if (f.agencyId !== undefined) q = q.where('services.agency_id', '=', f.agencyId);
  if (f.serviceId !== undefined) q = q.where('bookings.service_id', '=', f.serviceId);
  return q.execute();
}
