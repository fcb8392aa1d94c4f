import type { DayPlanDto, DayPlanQueryInput } from '../../../shared/contracts/planning.js';
import { staffing } from '../../../shared/domain/erlang-c.js';
import { addCalendarDays } from '../../../shared/domain/local-time.js';
import type { AppContext } from '../../context.js';
import type { MallRecord } from '../malls/malls.service.js';
import { queueStats } from '../stats/stats.service.js';

/**
 * A staffing plan for one local day, hour by hour: arrivals forecast as the mean of the same hour on
 * the same weekday of the past `weeks` weeks (days the mall issued nothing count as zero — a closed
 * day is part of the pattern only if it recurs), service time the mean over those days, and Erlang C
 * for the counters each hour needs to reach the target.
 */
export async function dayPlan(ctx: AppContext, mall: MallRecord, q: DayPlanQueryInput): Promise<DayPlanDto> {
  const basedOn = Array.from({ length: q.weeks }, (_, i) => addCalendarDays(q.date, -7 * (i + 1)));
  const arrivals = new Array<number>(24).fill(0);
  let served = 0;
  let serviceMinutes = 0;
  for (const day of basedOn) {
    const stats = await queueStats(ctx, mall, {
      from: day,
      to: day,
      serviceId: q.serviceId,
      agencyId: q.agencyId,
    });
    for (const h of stats.byHour) arrivals[h.hour]! += h.issued;
    const s = stats.totals.times.service;
    if (s.mean !== null && s.n > 0) {
      served += s.n;
      serviceMinutes += s.mean * s.n;
    }
  }
  const meanServiceMinutes = served > 0 ? serviceMinutes / served : null;
  const hours =
    meanServiceMinutes === null
      ? []
      : arrivals.flatMap((total, hour) => {
          if (total === 0) return [];
          const forecastArrivals = total / q.weeks;
          return [
            {
              hour,
              forecastArrivals,
              ...staffing({
                arrivalsPerHour: forecastArrivals,
                meanServiceMinutes,
                targetWaitMinutes: q.targetWaitMinutes,
                targetServiceLevel: q.targetServiceLevel,
              }),
            },
          ];
        });
  return {
    date: q.date,
    timezone: mall.timezone,
    serviceId: q.serviceId ?? null,
    agencyId: q.agencyId ?? null,
    basedOn,
    meanServiceMinutes,
    targetWaitMinutes: q.targetWaitMinutes,
    targetServiceLevel: q.targetServiceLevel,
    hours,
    peakCounters: hours.reduce((m, h) => Math.max(m, h.counters), 0),
  };
}
