import type { Kysely } from 'kysely';
import type { StandardBody } from '../../../shared/contracts/catalog.js';
import { localMoment, toMinutes } from '../../../shared/domain/local-time.js';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

/** Ids of the services whose tickets share a queue group (one prefix, one daily numbering). */
export async function groupServiceIds(db: Db, mallId: number, prefix: string): Promise<number[]> {
  const rows = await db
    .selectFrom('services')
    .select('id')
    .where('mall_id', '=', mallId)
    .where('queue_prefix', '=', prefix)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Called-to-finished minutes of the latest finished tickets of some services (the counter's time per
 * citizen, walking included), newest first, `perService` at most for each service. One query: a
 * part per service, each reading its own latest tickets on (mall, service, status, finished_at), so
 * the cost does not grow with the mall's history, however rarely a service is used.
 */
export async function recentMinutesByService(
  db: Db,
  mallId: number,
  serviceIds: readonly number[],
  perService = 30,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!serviceIds.length) return out;
  const latest = (serviceId: number, i: number) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('tickets')
          .select(['service_id', 'called_at', 'finished_at'])
          .where('mall_id', '=', mallId)
          .where('service_id', '=', serviceId)
          .where('status', '=', 'done')
          .where('called_at', 'is not', null)
          .orderBy('finished_at', 'desc')
          .limit(perService)
          .as(`s${i}`),
      )
      .selectAll();
  const ids = [...new Set(serviceIds)];
  let q = latest(ids[0]!, 0);
  for (let i = 1; i < ids.length; i++) q = q.unionAll(latest(ids[i]!, i));
  // Newest first (a union keeps no order of its own).
  const rows = (await q.execute()).sort((a, b) => (b.finished_at ?? '').localeCompare(a.finished_at ?? ''));
  for (const r of rows) {
    if (!r.called_at || !r.finished_at) continue;
    const list = out.get(r.service_id) ?? [];
    list.push((Date.parse(r.finished_at) - Date.parse(r.called_at)) / 60_000);
    out.set(r.service_id, list);
  }
  return out;
}

/** Published counter minutes of services whose standard states minutes (clamped to 3–60). */
export async function publishedMinutes(db: Db, serviceIds: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!serviceIds.length) return out;
  const rows = await db
    .selectFrom('service_standards')
    .select(['service_id', 'body'])
    .where('service_id', 'in', [...serviceIds])
    .where('valid_to', 'is', null)
    .execute();
  for (const r of rows) {
    const t = (JSON.parse(r.body) as StandardBody).completionTime;
    if (t && t.unit === 'minutes') out.set(r.service_id, Math.min(60, Math.max(3, t.value)));
  }
  return out;
}

/**
 * Open counters that serve a service, each with the citizen it is busy with (called or being served):
 * when it was called and for which service; null for a free counter.
 */
export async function counterLoads(db: Db, mallId: number, serviceId: number) {
  const rows = await db
    .selectFrom('counter_services')
    .innerJoin('counters', 'counters.id', 'counter_services.counter_id')
    .leftJoin('tickets', (j) =>
      j
        .onRef('tickets.counter_id', '=', 'counters.id')
        .on('tickets.mall_id', '=', mallId)
        .on('tickets.status', 'in', ['called', 'serving']),
    )
    .select(['counters.id as counterId', 'tickets.called_at as calledAt', 'tickets.service_id as serviceId'])
    .where('counter_services.service_id', '=', serviceId)
    .where('counters.mall_id', '=', mallId)
    .where('counters.status', '=', 'open')
    .where('counters.retired_at', 'is', null)
    .orderBy('counters.id')
    .execute();
  const byCounter = new Map<number, { calledAt: string | null; serviceId: number | null }>();
  for (const r of rows) {
    const seen = byCounter.get(r.counterId);
    if (!seen || (r.calledAt && seen.calledAt && r.calledAt < seen.calledAt))
      byCounter.set(r.counterId, { calledAt: r.calledAt, serviceId: r.serviceId });
  }
  return [...byCounter.values()];
}

/** Tickets of a queue group issued today: how many since `since`, and today's priority share. */
export async function arrivalsSince(
  db: Db,
  mallId: number,
  serviceIds: readonly number[],
  localDate: string,
  since: string,
): Promise<{ recent: number; today: number; todayPriority: number }> {
  if (!serviceIds.length) return { recent: 0, today: 0, todayPriority: 0 };
  // Aggregated in SQL: the group's tickets of the day can run into the thousands.
  const r = await db
    .selectFrom('tickets')
    .select((eb) => [
      eb.fn.countAll<number>().as('today'),
      eb.fn.count<number>('priority').as('todayPriority'),
      eb.fn.sum<number | null>(eb.case().when('issued_at', '>=', since).then(1).else(0).end()).as('recent'),
    ])
    .where('mall_id', '=', mallId)
    .where('local_date', '=', localDate)
    .where('service_id', 'in', [...serviceIds])
    .executeTakeFirstOrThrow();
  return { recent: Number(r.recent ?? 0), today: Number(r.today), todayPriority: Number(r.todayPriority) };
}

/** Minutes from `now` until the mall's closing time today (0 when closed; local time of the mall). */
export async function minutesToClosing(db: Db, mallId: number, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('malls')
    .innerJoin('opening_hours', 'opening_hours.mall_id', 'malls.id')
    .select(['malls.timezone', 'opening_hours.weekday', 'opening_hours.closes'])
    .where('malls.id', '=', mallId)
    .execute();
  const local = rows[0] ? localMoment(now, rows[0].timezone) : null;
  const today = local && rows.find((r) => r.weekday === local.weekday);
  return local && today ? Math.max(0, toMinutes(today.closes) - local.minuteOfDay) : 0;
}
