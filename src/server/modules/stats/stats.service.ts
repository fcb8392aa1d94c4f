import {
  MAX_STATS_DAYS,
  type QueueStatsDto,
  type QueueStatsQueryInput,
} from '../../../shared/contracts/stats.js';
import { addCalendarDays, localMoment } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import { type ReplayRules, replayDay } from './stats.replay.js';
import * as repo from './stats.repo.js';
import { mean, summarizeBlock } from './stats.summary.js';
import { emptyTally, mergeBlocks } from './stats.tally.js';

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    days.push(d);
    if (days.length > MAX_STATS_DAYS) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Rentang paling lama ${MAX_STATS_DAYS} hari (range is at most ${MAX_STATS_DAYS} days).`,
      );
    }
  }
  return days;
}

/**
 * Queue statistics of a mall over local dates, replayed from the ticket event log one day at a time
 * (so memory holds one day of events plus the duration samples). Filters by service or agency apply to
 * the steps tallied; the queue groups are still replayed whole, since the priority rule sees them whole.
 */
export async function queueStats(
  ctx: AppContext,
  mall: MallRecord,
  q: QueueStatsQueryInput,
): Promise<QueueStatsDto> {
  const db = ctx.database.db;
  const days = daysBetween(q.from, q.to);
  const [services, counters] = await Promise.all([
    repo.servicesOfMall(db, mall.id),
    repo.countersOfMall(db, mall.id),
  ]);
  const byId = new Map(services.map((s) => [s.id, s]));
  if (q.serviceId !== undefined && !byId.has(q.serviceId)) throw notFound('SERVICE_NOT_FOUND', 'Layanan');
  if (q.agencyId !== undefined && !(await repo.agencyInMall(db, mall.id, q.agencyId)))
    throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  const rules: ReplayRules = {
    include: (id) => {
      const s = byId.get(id);
      if (!s) return false;
      return (
        (q.serviceId === undefined || s.id === q.serviceId) &&
        (q.agencyId === undefined || s.agency_id === q.agencyId)
      );
    },
    groupOf: (id) => byId.get(id)?.queue_prefix ?? `#${id}`,
    policyOf: (id) => {
      const s = byId.get(id);
      return { maxStreak: s?.priority_max_streak ?? 3, maxWaitMinutes: s?.priority_max_wait_minutes ?? null };
    },
    hourOf: (ms) => Math.floor(localMoment(new Date(ms), mall.timezone).minuteOfDay / 60),
  };
  const tally = emptyTally();
  for (const day of days) replayDay(await repo.dayEvents(db, mall.id, day), rules, tally);

  const serviceRows = [...tally.services.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, block]) => ({
      serviceId: id,
      serviceName: byId.get(id)?.name ?? `#${id}`,
      agencyId: byId.get(id)?.agency_id ?? 0,
      ...summarizeBlock(block),
    }));
  const counterRows = counters
    .filter((c) => tally.counters.has(c.id))
    .map((c) => {
      const t = tally.counters.get(c.id)!;
      return {
        counterId: c.id,
        number: c.number,
        name: c.name,
        served: t.served,
        meanServiceMinutes: mean(t.service),
      };
    });
  return {
    from: q.from,
    to: q.to,
    timezone: mall.timezone,
    serviceId: q.serviceId ?? null,
    agencyId: q.agencyId ?? null,
    totals: summarizeBlock(mergeBlocks(tally.services.values())),
    services: serviceRows,
    counters: counterRows,
    byHour: tally.hours.map((h, hour) => ({ hour, issued: h.issued, meanWaitMinutes: mean(h.wait) })),
  };
}
