import type { DashboardDto } from '../../../shared/contracts/reports.js';
import { localDayStart, localMoment } from '../../../shared/domain/local-time.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './dashboard.repo.js';
import { figuresOf } from './reports.figures.js';
import { servicesOf } from './reports.repo.js';
import { ikmSummary } from './reports.sections.js';
import { addInto, emptyMeasures } from './rollup.cells.js';
import { replayCells } from './rollup.service.js';
import { applicationsOpenOverdue, complaintsOverdueNow } from './sections.repo.js';

/**
 * The hall right now: who waits for what and how long, each counter's state, today's calls per hour,
 * today's figures (the same replay the reports use for today) and the SLA breaches of the back office
 * and the complaints desk. The screen re-reads it when the mall's live stream says something changed.
 */
export async function dashboard(ctx: AppContext, mall: MallRecord, actor: Actor): Promise<DashboardDto> {
  const db = ctx.database.db;
  const now = ctx.now();
  const nowMs = now.getTime();
  const today = localMoment(now, mall.timezone).date;
  const dayStart = localDayStart(today, mall.timezone);
  const [waiting, busy, calls, counters, services, cells, appsOverdue, complaintsOverdue, ikmToday] =
    await Promise.all([
      repo.waitingTickets(db, mall.id),
      repo.atCounters(db, mall.id),
      repo.callsSince(db, mall.id, dayStart.toISOString()),
      repo.liveCounters(db, mall.id),
      servicesOf(db, [mall.id]),
      replayCells(ctx, mall, today),
      applicationsOpenOverdue(db, { mallId: mall.id }, today),
      complaintsOverdueNow(db, mall.id, now.toISOString()),
      ikmSummary(ctx, mall, actor, { mallId: mall.id }, today, today),
    ]);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const perService = new Map<number, { waiting: number; oldest: number; number: string }>();
  for (const t of waiting) {
    const at = Date.parse(t.queued_at);
    const s = perService.get(t.service_id);
    if (!s) perService.set(t.service_id, { waiting: 1, oldest: at, number: t.number });
    else {
      s.waiting++;
      if (at < s.oldest) {
        s.oldest = at;
        s.number = t.number;
      }
    }
  }
  const mins = (at: number) => Math.max(0, Math.round((nowMs - at) / 6_000) / 10);
  const rows = [...perService.entries()]
    .map(([id, s]) => ({
      serviceId: id,
      serviceName: serviceById.get(id)?.name ?? `#${id}`,
      agencyName: serviceById.get(id)?.agency_name ?? '',
      waiting: s.waiting,
      longestWaitMinutes: mins(s.oldest),
      number: s.number,
    }))
    .sort((a, b) => b.waiting - a.waiting || b.longestWaitMinutes - a.longestWaitMinutes);
  const longest = rows.reduce<(typeof rows)[number] | null>(
    (best, r) => (!best || r.longestWaitMinutes > best.longestWaitMinutes ? r : best),
    null,
  );
  const current = new Map(busy.map((b) => [b.counter_id!, b.number]));
  const counterRows = counters.map((c) => {
    const state: 'busy' | 'idle' | 'break' | 'closed' =
      c.status === 'open' ? (current.has(c.id) ? 'busy' : 'idle') : c.status === 'break' ? 'break' : 'closed';
    return {
      counterId: c.id,
      number: c.number,
      name: c.name,
      agencyId: c.agency_id,
      state,
      current: current.get(c.id) ?? null,
    };
  });
  const states = { busy: 0, idle: 0, break: 0, closed: 0 };
  for (const c of counterRows) states[c.state]++;
  const perHour = Array.from({ length: 24 }, (_, hour) => ({ hour, calls: 0 }));
  for (const c of calls) {
    const h = Math.floor((Date.parse(c.at) - dayStart.getTime()) / 3_600_000);
    if (h >= 0 && h < 24) perHour[h]!.calls++;
  }
  const total = emptyMeasures();
  for (const c of cells) addInto(total, c.m);
  return {
    mall: mall.slug,
    date: today,
    at: now.toISOString(),
    waiting: rows.map(({ number: _n, ...r }) => r),
    totalWaiting: waiting.length,
    longestWait: longest
      ? { number: longest.number, serviceName: longest.serviceName, minutes: longest.longestWaitMinutes }
      : null,
    counters: counterRows,
    counterStates: states,
    callsPerHour: perHour,
    today: figuresOf(total),
    slaBreaches: { applications: appsOverdue, complaints: complaintsOverdue },
    ikmToday,
  };
}
