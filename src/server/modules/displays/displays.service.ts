import type { LiveEvent, TicketCalledEvent } from '../../../shared/contracts/events.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { currentLiveSeq } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';

/** A display zone: "all" (the whole mall) or a zone slug an admin defined (e.g. a floor). */
export async function resolveZone(ctx: AppContext, mall: MallRecord, zone: string): Promise<number | null> {
  if (zone === 'all') return null;
  const z = await ctx.database.db
    .selectFrom('zones')
    .select('id')
    .where('mall_id', '=', mall.id)
    .where('slug', '=', zone)
    .executeTakeFirst();
  if (!z) throw new AppError('NOT_FOUND', `Zona "${zone.slice(0, 64)}" tidak ditemukan (zone not found).`);
  return z.id;
}

/** Whether a display of `zoneId` shows an event: mall-wide events go everywhere. */
export const inZone = (zoneId: number | null, ev: Pick<LiveEvent, 'zoneId'>) =>
  zoneId === null || ev.zoneId === null || ev.zoneId === zoneId;

/** Snapshot for a display that has just loaded: counters with their current call, recent calls, waiting counts. */
export async function displayState(ctx: AppContext, mall: MallRecord, zoneId: number | null) {
  const db = ctx.database.db;
  let counters = db
    .selectFrom('counters')
    .select(['id', 'number', 'name', 'status', 'zone_id'])
    .where('mall_id', '=', mall.id)
    .where('retired_at', 'is', null);
  if (zoneId !== null) counters = counters.where('zone_id', '=', zoneId);
  const [rows, current, calls, waiting, lastEventId] = await Promise.all([
    counters.orderBy('number').execute(),
    db
      .selectFrom('tickets')
      .innerJoin('services', 'services.id', 'tickets.service_id')
      .select(['tickets.counter_id', 'tickets.number', 'services.name as service_name', 'tickets.called_at'])
      .where('tickets.mall_id', '=', mall.id)
      .where('tickets.status', 'in', ['called', 'serving'])
      .orderBy('tickets.called_at', 'desc')
      .execute(),
    db
      .selectFrom('live_events')
      .select(['payload', 'zone_id'])
      .where('mall_id', '=', mall.id)
      .where('type', '=', 'ticket.called')
      .orderBy('seq', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('tickets')
      .innerJoin('services', 'services.id', 'tickets.service_id')
      .select([
        'services.id',
        'services.name',
        'services.queue_prefix',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('tickets.mall_id', '=', mall.id)
      .where('tickets.status', '=', 'waiting')
      .groupBy(['services.id', 'services.name', 'services.queue_prefix'])
      .execute(),
    currentLiveSeq(db, mall.id),
  ]);
  return {
    mall: { slug: mall.slug, name: mall.name, timezone: mall.timezone },
    counters: rows.map((c) => {
      const cur = current.find((t) => t.counter_id === c.id);
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        status: c.status,
        current: cur ? { number: cur.number, serviceName: cur.service_name } : null,
      };
    }),
    recentCalls: calls
      .filter((c) => inZone(zoneId, { zoneId: c.zone_id }))
      .slice(0, 10)
      .map((c) => {
        const p = JSON.parse(c.payload) as TicketCalledEvent;
        return {
          number: p.number,
          counterNumber: p.counterNumber,
          counterName: p.counterName,
          serviceName: p.serviceName,
          announcement: p.announcement,
          at: p.at,
        };
      }),
    waiting: waiting
      .map((w) => ({
        serviceId: w.id,
        serviceName: w.name,
        queuePrefix: w.queue_prefix,
        waiting: Number(w.n),
      }))
      .sort(
        (a, b) => a.queuePrefix.localeCompare(b.queuePrefix) || a.serviceName.localeCompare(b.serviceName),
      ),
    lastEventId: lastEventId,
  };
}
