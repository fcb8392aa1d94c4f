import { addDuration, type Cell, emptyMeasures, type Measures } from './rollup.cells.js';

/** One ticket event of a local day, with what the roll-up needs of its ticket. */
export interface DayEvent {
  ticketId: number;
  serviceId: number;
  type: string;
  at: string;
  counterId: number | null;
  officerId: number | null;
  data: string | null;
  source: string;
  visitId: number | null;
}

interface Step {
  serviceId: number;
  queuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  counterId: number | null;
  officerId: number | null;
  closed: boolean;
  m: Measures;
}

const minutes = (fromMs: number, toMs: number) => (toMs - fromMs) / 60_000;

function isPriority(data: string | null): boolean {
  if (!data) return false;
  const parsed = JSON.parse(data) as { priority?: unknown };
  return typeof parsed.priority === 'string' && parsed.priority.length > 0;
}

const SOURCE_FIELD: Record<string, string> = {
  kiosk: 'issued_kiosk',
  online: 'issued_online',
  counter: 'issued_counter',
  booking: 'issued_booking',
};

/**
 * Replays one local day's ticket events (log order) into cells. A step runs from issue (or transfer
 * into a service) to finish, no-show, cancel, expiry or the next transfer, like the statistics replay;
 * everything a step counts lands in one cell: its service, the counter and officer that called or
 * finished it (0 when none), and the local hour it was queued in. A visitor is counted once per visit
 * (a journey's later tickets are the same person).
 */
export function rollupDay(
  events: readonly DayEvent[],
  agencyOf: (serviceId: number) => number,
  dayStartMs: number,
): Cell[] {
  const current = new Map<number, Step>();
  const steps: Step[] = [];
  const seenVisits = new Set<number>();
  const hourOf = (ms: number) => Math.min(23, Math.max(0, Math.floor((ms - dayStartMs) / 3_600_000)));
  const open = (e: DayEvent, at: number): Step => {
    const s: Step = {
      serviceId: e.serviceId,
      queuedAt: at,
      calledAt: null,
      startedAt: null,
      counterId: null,
      officerId: null,
      closed: false,
      m: emptyMeasures(),
    };
    current.set(e.ticketId, s);
    steps.push(s);
    return s;
  };
  for (const e of events) {
    const at = Date.parse(e.at);
    const step = current.get(e.ticketId);
    switch (e.type) {
      case 'issued': {
        const s = open(e, at);
        s.m.issued! += 1;
        const src = SOURCE_FIELD[e.source];
        if (src) s.m[src]! += 1;
        if (isPriority(e.data)) s.m.priority_issued! += 1;
        if (e.visitId === null || !seenVisits.has(e.visitId)) {
          s.m.visitors! += 1;
          if (e.visitId !== null) seenVisits.add(e.visitId);
        }
        break;
      }
      case 'called':
        if (!step || step.closed || step.calledAt !== null) break;
        step.calledAt = at;
        step.counterId = e.counterId;
        step.officerId = e.officerId;
        step.m.called! += 1;
        addDuration(step.m, 'wait', minutes(step.queuedAt, at));
        break;
      case 'recalled':
        if (step && !step.closed) step.m.recalls! += 1;
        break;
      case 'started':
        if (!step || step.closed || step.calledAt === null || step.startedAt !== null) break;
        step.startedAt = at;
        addDuration(step.m, 'walk', minutes(step.calledAt, at));
        break;
      case 'finished':
        if (!step || step.closed) break;
        step.closed = true;
        step.m.served! += 1;
        if (e.counterId !== null) step.counterId = e.counterId;
        if (e.officerId !== null) step.officerId = e.officerId;
        if (step.startedAt !== null) addDuration(step.m, 'service', minutes(step.startedAt, at));
        break;
      case 'no_show':
      case 'cancelled':
      case 'expired':
        if (!step || step.closed) break;
        step.closed = true;
        step.m[e.type === 'no_show' ? 'no_shows' : e.type]! += 1;
        break;
      case 'transferred':
        if (step && !step.closed) {
          step.closed = true;
          step.m.transferred! += 1;
        }
        open(e, at);
        break;
      default:
        break;
    }
  }
  const cells = new Map<string, Cell>();
  for (const s of steps) {
    const key = {
      serviceId: s.serviceId,
      agencyId: agencyOf(s.serviceId),
      counterId: s.counterId ?? 0,
      officerId: s.officerId ?? 0,
      hour: hourOf(s.queuedAt),
    };
    const k = `${key.serviceId}|${key.counterId}|${key.officerId}|${key.hour}`;
    const cell = cells.get(k);
    if (!cell) {
      cells.set(k, { ...key, m: s.m });
      continue;
    }
    for (const f in s.m) cell.m[f]! += s.m[f]!;
  }
  return [...cells.values()];
}
