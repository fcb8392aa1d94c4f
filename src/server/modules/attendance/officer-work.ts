/**
 * Officers' work from the ticket event log and the sign-in sessions, one local day at a time (pure).
 * Between any two consecutive instants where something changed, each signed-in officer's counter is
 * in one state: serving a citizen (started → finished, transferred or no-show), calling one who has not
 * started yet (called → started), idle while citizens of its services wait, or idle with nobody in line.
 */
export interface WorkEvent {
  ticketId: number;
  serviceId: number;
  type: string;
  at: string;
  counterId: number | null;
}

export interface WorkSession {
  userId: number;
  counterId: number;
  start: number;
  end: number;
}

export interface WorkTally {
  userId: number;
  counterId: number;
  signedInMs: number;
  servingMs: number;
  calledNotStartedMs: number;
  idleWhileWaitingMs: number;
  served: number;
}

const key = (userId: number, counterId: number) => `${userId}:${counterId}`;

export function tallyOfficerWork(
  events: readonly WorkEvent[],
  sessions: readonly WorkSession[],
  servicesOfCounter: ReadonlyMap<number, readonly number[]>,
  into: Map<string, WorkTally> = new Map(),
): Map<string, WorkTally> {
  const tallyOf = (s: WorkSession) => {
    const k = key(s.userId, s.counterId);
    let t = into.get(k);
    if (!t) {
      t = {
        userId: s.userId,
        counterId: s.counterId,
        signedInMs: 0,
        servingMs: 0,
        calledNotStartedMs: 0,
        idleWhileWaitingMs: 0,
        served: 0,
      };
      into.set(k, t);
    }
    return t;
  };
  const waitingIn = new Map<number, number>(); // service → tickets waiting
  const waitingTicket = new Map<number, number>(); // ticket → service it waits in
  const atCounter = new Map<number, { ticketId: number; started: boolean }>(); // counter → ticket
  const counterOfTicket = new Map<number, number>();

  const leaveCounter = (ticketId: number) => {
    const c = counterOfTicket.get(ticketId);
    if (c === undefined) return;
    counterOfTicket.delete(ticketId);
    if (atCounter.get(c)?.ticketId === ticketId) atCounter.delete(c);
  };
  const stopWaiting = (ticketId: number) => {
    const s = waitingTicket.get(ticketId);
    if (s === undefined) return;
    waitingTicket.delete(ticketId);
    waitingIn.set(s, (waitingIn.get(s) ?? 1) - 1);
  };
  const startWaiting = (ticketId: number, serviceId: number) => {
    stopWaiting(ticketId);
    waitingTicket.set(ticketId, serviceId);
    waitingIn.set(serviceId, (waitingIn.get(serviceId) ?? 0) + 1);
  };
  const apply = (e: WorkEvent, at: number) => {
    switch (e.type) {
      case 'issued':
        startWaiting(e.ticketId, e.serviceId);
        break;
      case 'called':
      case 'recalled':
        stopWaiting(e.ticketId);
        if (e.counterId !== null && counterOfTicket.get(e.ticketId) !== e.counterId) {
          leaveCounter(e.ticketId);
          atCounter.set(e.counterId, { ticketId: e.ticketId, started: false });
          counterOfTicket.set(e.ticketId, e.counterId);
        }
        break;
      case 'started': {
        const c = counterOfTicket.get(e.ticketId);
        const here = c === undefined ? undefined : atCounter.get(c);
        if (here && here.ticketId === e.ticketId) here.started = true;
        break;
      }
      case 'finished': {
        const c = counterOfTicket.get(e.ticketId);
        if (c !== undefined) {
          const s = sessions.find((x) => x.counterId === c && x.start <= at && at <= x.end);
          if (s) tallyOf(s).served++;
        }
        leaveCounter(e.ticketId);
        break;
      }
      case 'no_show':
      case 'cancelled':
      case 'expired':
        stopWaiting(e.ticketId);
        leaveCounter(e.ticketId);
        break;
      case 'transferred':
        leaveCounter(e.ticketId);
        startWaiting(e.ticketId, e.serviceId);
        break;
      default:
        break;
    }
  };
  const points = [
    ...events.map((e) => ({ at: Date.parse(e.at), e })),
    ...sessions.flatMap((s) => [
      { at: s.start, e: null },
      { at: s.end, e: null },
    ]),
  ].sort((a, b) => a.at - b.at);
  let prev = points[0]?.at ?? 0;
  for (const p of points) {
    const seg = p.at - prev;
    if (seg > 0) {
      for (const s of sessions) {
        if (s.start > prev || s.end < p.at) continue;
        const t = tallyOf(s);
        t.signedInMs += seg;
        const here = atCounter.get(s.counterId);
        if (here) {
          if (here.started) t.servingMs += seg;
          else t.calledNotStartedMs += seg;
        } else if ((servicesOfCounter.get(s.counterId) ?? []).some((id) => (waitingIn.get(id) ?? 0) > 0)) {
          t.idleWhileWaitingMs += seg;
        }
      }
    }
    prev = p.at;
    if (p.e) apply(p.e, p.at);
  }
  for (const s of sessions) tallyOf(s);
  return into;
}
