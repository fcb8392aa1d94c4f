import { localMoment, toMinutes } from '../../../shared/domain/local-time.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { MallRecord } from '../malls/malls.service.js';
import { callNext } from '../queue/counter-actions.service.js';
import { ticketAction } from '../queue/ticket-actions.service.js';
import { issueTicket } from '../queue/tickets.service.js';
import type { SimCounter, SimModel } from './simulate.model.js';
import { arrivals, lognormal, mulberry32, weighted } from './simulate.random.js';

export interface SimSetup {
  ctx: AppContext;
  /** Moves the clock the services read through ctx.now(). */
  setNow(d: Date): void;
  mall: MallRecord;
  /** Staff allowed to operate every counter (a mall admin). */
  actor: Actor;
  model: SimModel;
}

export interface SimDayOptions {
  /** The mall's local date to simulate. */
  date: string;
  seed: number;
  citizens?: number;
  opens?: string;
  hours?: number;
  priorityShare?: number;
  noShowShare?: number;
  /** Log-space spread of service times (0.45: a fifth of citizens take over 1.6× the mean). */
  serviceSigma?: number;
}

export interface SimDayResult {
  date: string;
  issued: number;
  called: number;
  noShows: number;
  maeMinutes: number;
  /** MAE of the priority tickets alone (the call rule moves them most). */
  maePriorityMinutes: number;
  p90AbsErrorMinutes: number;
  /** Mean of estimate − actual: positive when the estimate runs long. */
  biasMinutes: number;
  meanActualWaitMinutes: number;
  meanEstimatedMinutes: number;
}

type Rec = { at: number; estimate: number; calledAt: number | null; priority: boolean };
type SimEvent = { at: number; seq: number; run: () => Promise<void> };

/** The UTC instant of a local wall-clock time in the mall's zone (zones here have no DST). */
export function localInstant(date: string, hhmm: string, timeZone: string): number {
  const guess = Date.parse(`${date}T${hhmm}:00Z`);
  const local = localMoment(new Date(guess), timeZone);
  const dayShift = Date.parse(`${local.date}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`);
  return guess - (dayShift + (local.minuteOfDay - toMinutes(hhmm)) * 60_000);
}

const PRIORITIES = ['elderly', 'disabled', 'pregnant', 'child', 'sick'] as const;
const MIN = 60_000;

/**
 * Replays one opening day through the real service functions: citizens arrive (Poisson, with a
 * morning peak) and take tickets at the kiosk; a free counter calls the next ticket; the citizen walks
 * up (or, now and then, never comes: recalled, then marked no-show); the service takes a lognormal time
 * around the service's mean. Counters keep serving after closing time until the hall is empty. Compares
 * the estimate given at issue with the real wait (issue → first call).
 */
export async function simulateDay(s: SimSetup, o: SimDayOptions): Promise<SimDayResult> {
  const rng = mulberry32(o.seed);
  const { ctx, mall, actor, model } = s;
  const queue: SimEvent[] = [];
  let seq = 0;
  const schedule = (at: number, run: () => Promise<void>) => {
    const e = { at, seq: seq++, run };
    let i = queue.length;
    while (i > 0 && (queue[i - 1]!.at > at || (queue[i - 1]!.at === at && queue[i - 1]!.seq > e.seq))) i--;
    queue.splice(i, 0, e);
  };
  const waiting = new Map<number, number>();
  const busy = new Set<number>();
  const issued = new Map<number, Rec>();
  let noShows = 0;

  const tryCall = async (c: SimCounter, at: number) => {
    if (busy.has(c.id) || !c.serviceIds.some((id) => (waiting.get(id) ?? 0) > 0)) return;
    const t = await callNext(ctx, mall, actor, c.id);
    if (!t) return;
    busy.add(c.id);
    waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 1) - 1);
    const rec = issued.get(t.id);
    if (rec && rec.calledAt === null) rec.calledAt = at;
    const free = async (when: number) => {
      busy.delete(c.id);
      await tryCall(c, when);
    };
    if (rng() < (o.noShowShare ?? 0.03)) {
      schedule(at + 2 * MIN, () => ticketAction(ctx, mall, actor, t.id, 'recall', {}).then(() => {}));
      schedule(at + 4 * MIN, async () => {
        await ticketAction(ctx, mall, actor, t.id, 'no-show', {});
        noShows++;
        await free(at + 4 * MIN);
      });
      return;
    }
    const started = at + lognormal(rng, 1, 0.5) * MIN;
    const mean = model.services.find((x) => x.id === t.serviceId)?.meanMinutes ?? 10;
    const finished = started + lognormal(rng, mean, o.serviceSigma ?? 0.45) * MIN;
    schedule(started, () => ticketAction(ctx, mall, actor, t.id, 'start', {}).then(() => {}));
    schedule(finished, async () => {
      await ticketAction(ctx, mall, actor, t.id, 'finish', { finish: { outcome: 'done' } });
      await free(finished);
    });
  };

  // The simulated citizens take their numbers at one kiosk of the mall (not a stored device).
  const kiosk = {
    actor: null,
    device: { deviceId: 0, kind: 'kiosk' as const, mallId: mall.id, zoneId: null },
  };
  const opens = localInstant(o.date, o.opens ?? '08:00', mall.timezone);
  const weights = model.services.map((x) => x.weight);
  for (const offset of arrivals(rng, o.citizens ?? 600, o.hours ?? 8)) {
    const service = model.services[weighted(rng, weights)]!;
    const priority = rng() < (o.priorityShare ?? 0.08) ? PRIORITIES[Math.floor(rng() * 5)]! : null;
    const at = opens + Math.round(offset * MIN);
    schedule(at, async () => {
      const t = await issueTicket(ctx, mall, kiosk, { serviceId: service.id, source: 'kiosk', priority });
      issued.set(t.id, { at, estimate: t.estimatedWaitMinutes ?? 0, calledAt: null, priority: !!priority });
      waiting.set(service.id, (waiting.get(service.id) ?? 0) + 1);
      for (const c of model.counters) if (c.serviceIds.includes(service.id)) await tryCall(c, at);
    });
  }
  for (let e = queue.shift(); e; e = queue.shift()) {
    s.setNow(new Date(e.at));
    await e.run();
  }
  return summarize(o.date, [...issued.values()], noShows);
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function summarize(date: string, recs: Rec[], noShows: number): SimDayResult {
  const called = recs.filter((r) => r.calledAt !== null);
  const actual = called.map((r) => (r.calledAt! - r.at) / MIN);
  const errors = called.map((r, i) => r.estimate - actual[i]!);
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    date,
    issued: recs.length,
    called: called.length,
    noShows,
    maeMinutes: r2(avg(abs)),
    maePriorityMinutes: r2(avg(errors.filter((_, i) => called[i]!.priority).map(Math.abs))),
    p90AbsErrorMinutes: r2(abs[Math.max(0, Math.ceil(abs.length * 0.9) - 1)] ?? 0),
    biasMinutes: r2(avg(errors)),
    meanActualWaitMinutes: r2(avg(actual)),
    meanEstimatedMinutes: r2(avg(called.map((r) => r.estimate))),
  };
}
