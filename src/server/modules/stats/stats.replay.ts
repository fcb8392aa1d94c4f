import { blockOf, counterOf, type Tally } from './stats.tally.js';

/** One row of the ticket event log, as the replay needs it. */
export interface LoggedEvent {
  ticketId: number;
  serviceId: number;
  type: string;
  at: string;
  counterId: number | null;
  data: string | null;
}

export interface ReplayRules {
  /** Whether a service's steps are tallied (the query's service/agency filter). */
  include(serviceId: number): boolean;
  /** The queue group (shared prefix) a service's tickets wait in. */
  groupOf(serviceId: number): string;
  policyOf(serviceId: number): { maxStreak: number; maxWaitMinutes: number | null };
  /** Hour (0–23) of the mall's local day of an instant. */
  hourOf(ms: number): number;
}

/** One step of a ticket: its time in one service's queue, from queued to leaving the counter. */
interface Step {
  ticketId: number;
  serviceId: number;
  priority: boolean;
  queuedAt: number;
  calledAt: number | null;
  counterId: number | null;
  startedAt: number | null;
  /** Finished, no-show or cancelled: later events of the ticket belong to a new step. */
  closed: boolean;
}

const minutes = (fromMs: number, toMs: number) => (toMs - fromMs) / 60_000;

function priorityOf(data: string | null): boolean {
  if (!data) return false;
  const parsed = JSON.parse(data) as { priority?: unknown };
  return typeof parsed.priority === 'string' && parsed.priority.length > 0;
}

/**
 * Replays the events of one local day in log order and tallies every step. A step starts when the
 * ticket is issued or transferred into a service and ends at finish, no-show, cancel or the next
 * transfer; so a transferred ticket counts each step on its own service, and a recalled ticket's wait
 * still ends at its first call. The queue groups' waiting sets are rebuilt as we go, which tells
 * whether a regular ticket was called ahead of a waiting priority ticket, and why.
 */
export function replayDay(events: readonly LoggedEvent[], rules: ReplayRules, tally: Tally): void {
  const current = new Map<number, Step>();
  const waiting = new Map<string, Map<number, Step>>();
  const streaks = new Map<string, number>();
  const waitingIn = (serviceId: number) => {
    const g = rules.groupOf(serviceId);
    let w = waiting.get(g);
    if (!w) {
      w = new Map();
      waiting.set(g, w);
    }
    return w;
  };
  const enqueue = (s: Step) => {
    current.set(s.ticketId, s);
    waitingIn(s.serviceId).set(s.ticketId, s);
  };
  for (const e of events) {
    const at = Date.parse(e.at);
    const step = current.get(e.ticketId);
    const wanted = rules.include(step?.serviceId ?? e.serviceId);
    const block = () => blockOf(tally, step?.serviceId ?? e.serviceId);
    switch (e.type) {
      case 'issued': {
        const s: Step = {
          ticketId: e.ticketId,
          serviceId: e.serviceId,
          priority: priorityOf(e.data),
          queuedAt: at,
          calledAt: null,
          counterId: null,
          startedAt: null,
          closed: false,
        };
        enqueue(s);
        if (wanted) {
          const b = block();
          b.issued++;
          if (s.priority) b.priorityIssued++;
          tally.hours[rules.hourOf(at)]!.issued++;
        }
        break;
      }
      case 'called': {
        if (!step || step.calledAt !== null) break;
        step.calledAt = at;
        step.counterId = e.counterId;
        const group = rules.groupOf(step.serviceId);
        const queue = waitingIn(step.serviceId);
        queue.delete(step.ticketId);
        const streak = streaks.get(group) ?? 0;
        streaks.set(group, step.priority ? streak + 1 : 0);
        if (!wanted) break;
        const b = block();
        const wait = minutes(step.queuedAt, at);
        b.called++;
        b.wait.push(wait);
        (step.priority ? b.waitPriority : b.waitRegular).push(wait);
        tally.hours[rules.hourOf(step.queuedAt)]!.wait.push(wait);
        if (!step.priority && [...queue.values()].some((w) => w.priority && w.queuedAt <= at)) {
          const policy = rules.policyOf(step.serviceId);
          b.regularCalledWhilePriorityWaiting++;
          if (streak >= policy.maxStreak) b.byStreakLimit++;
          else if (policy.maxWaitMinutes !== null && wait >= policy.maxWaitMinutes) b.byMaxWait++;
          else b.other++;
        }
        break;
      }
      case 'recalled':
        if (step && wanted) block().recalls++;
        break;
      case 'started':
        if (!step || step.calledAt === null || step.startedAt !== null) break;
        step.startedAt = at;
        if (wanted) block().walk.push(minutes(step.calledAt, at));
        break;
      case 'finished': {
        if (!step || step.closed) break;
        step.closed = true;
        if (!wanted) break;
        const b = block();
        b.served++;
        const counterId = e.counterId ?? step.counterId;
        const c = counterId === null ? null : counterOf(tally, counterId);
        if (c) c.served++;
        if (step.startedAt !== null) {
          const service = minutes(step.startedAt, at);
          b.service.push(service);
          c?.service.push(service);
        }
        break;
      }
      case 'no_show':
      case 'cancelled':
      case 'expired':
        if (!step || step.closed) break;
        step.closed = true;
        waitingIn(step.serviceId).delete(step.ticketId);
        if (wanted) {
          if (e.type === 'no_show') block().noShows++;
          else if (e.type === 'expired') block().expired++;
          else block().cancelled++;
        }
        break;
      case 'transferred': {
        // After a finish the ticket may be sent back to the counter that transferred it: the finished
        // step was already closed, so only the new step starts here.
        if (step && !step.closed) {
          waitingIn(step.serviceId).delete(step.ticketId);
          if (wanted) block().transferred++;
        }
        enqueue({
          ticketId: e.ticketId,
          serviceId: e.serviceId,
          priority: step?.priority ?? priorityOf(e.data),
          queuedAt: at,
          calledAt: null,
          counterId: null,
          startedAt: null,
          closed: false,
        });
        break;
      }
      default:
        break;
    }
  }
}
