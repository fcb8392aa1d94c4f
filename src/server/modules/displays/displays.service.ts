import type { Kysely } from 'kysely';
import type { DisplayStateDto, ServiceWaitingDto } from '../../../shared/contracts/displays.js';
import { type LiveEvent, RecordedCall } from '../../../shared/contracts/events.js';
import { addCalendarDays, localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { currentLiveSeq } from '../../events/live-events.repo.js';
import type { MallRecord } from '../malls/malls.service.js';
import { endEarlierDays } from '../queue/day-end.service.js';
import * as repo from './displays.repo.js';
import { averageWaits, minutesSince } from './displays.waits.js';

type CounterStatus = DisplayStateDto['counters'][number]['status'];

/** A display zone: "all" (the whole mall) or a zone slug an admin defined (e.g. a floor). */
export async function resolveZone(ctx: AppContext, mall: MallRecord, zone: string): Promise<number | null> {
  if (zone === 'all') return null;
  const z = await repo.findZone(ctx.database.db, mall.id, zone);
  if (!z) throw new AppError('NOT_FOUND', `Zona "${zone.slice(0, 64)}" tidak ditemukan (zone not found).`);
  return z.id;
}

/** Whether a display of `zoneId` shows an event: mall-wide events go everywhere. */
export const inZone = (zoneId: number | null, ev: Pick<LiveEvent, 'zoneId'>) =>
  zoneId === null || ev.zoneId === null || ev.zoneId === zoneId;

/**
 * Per service: the waiting count, the oldest waiting ticket's minutes in line, and today's mean wait
 * (issue → first call). Services nobody waits for still appear when they had calls today.
 */
async function serviceWaits(db: Kysely<DB>, mall: MallRecord, now: Date): Promise<ServiceWaitingDto[]> {
  const today = localMoment(now, mall.timezone).date;
  const from = localDayStart(today, mall.timezone).toISOString();
  const to = localDayStart(addCalendarDays(today, 1), mall.timezone).toISOString();
  // Yesterday's tickets too, so one issued before midnight and called after it still counts.
  const [waiting, events] = await Promise.all([
    repo.waitingByService(db, mall.id),
    repo.issueAndCallEvents(db, mall.id, addCalendarDays(today, -1)),
  ]);
  const averages = averageWaits(events, from, to);
  const rows = new Map<number, ServiceWaitingDto>();
  for (const w of waiting)
    rows.set(w.id, {
      serviceId: w.id,
      serviceName: w.name,
      queuePrefix: w.queue_prefix,
      waiting: w.n,
      oldestWaitMinutes: w.oldest_queued_at ? minutesSince(w.oldest_queued_at, now) : null,
      averageWaitMinutes: averages.get(w.id) ?? null,
    });
  for (const e of events)
    if (!rows.has(e.serviceId) && averages.has(e.serviceId))
      rows.set(e.serviceId, {
        serviceId: e.serviceId,
        serviceName: e.serviceName,
        queuePrefix: e.queuePrefix,
        waiting: 0,
        oldestWaitMinutes: null,
        averageWaitMinutes: averages.get(e.serviceId) ?? null,
      });
  return [...rows.values()].sort(
    (a, b) => a.queuePrefix.localeCompare(b.queuePrefix) || a.serviceName.localeCompare(b.serviceName),
  );
}

/** Snapshot for a display that has just loaded: counters with their current call, recent calls, waits. */
export async function displayState(
  ctx: AppContext,
  mall: MallRecord,
  zoneId: number | null,
): Promise<DisplayStateDto> {
  // A board loaded after midnight shows today's line only (a no-op once the day was ended here).
  await endEarlierDays(ctx, mall);
  const db = ctx.database.db;
  const [counters, current, calls, waiting, lastEventId] = await Promise.all([
    repo.liveCounters(db, mall.id, zoneId),
    repo.ticketsAtCounters(db, mall.id),
    repo.latestCallEvents(db, mall.id, 50),
    serviceWaits(db, mall, ctx.now()),
    currentLiveSeq(db, mall.id),
  ]);
  return {
    mall: { slug: mall.slug, name: mall.name, timezone: mall.timezone },
    counters: counters.map((c) => {
      const cur = current.find((t) => t.counter_id === c.id);
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        status: c.status as CounterStatus,
        statusReason: c.status === 'open' ? null : (c.status_reason ?? null),
        current: cur ? { number: cur.number, serviceName: cur.service_name } : null,
      };
    }),
    recentCalls: calls
      .filter((c) => inZone(zoneId, { zoneId: c.zone_id }))
      .flatMap((c) => {
        const parsed = RecordedCall.safeParse(JSON.parse(c.payload));
        return parsed.success ? [parsed.data] : [];
      })
      .slice(0, 10)
      .map((p) => {
        return {
          number: p.number,
          counterNumber: p.counterNumber,
          counterName: p.counterName,
          serviceName: p.serviceName,
          announcement: p.announcement,
          at: p.at,
        };
      }),
    waiting,
    lastEventId,
  };
}
