import { localInstant } from '../server/modules/stats/simulate.js';
import { arrivals, lognormal, mulberry32, weighted } from '../server/modules/stats/simulate.random.js';
import type { BuiltCounter, BuiltMall } from './build.js';
import { type Booked, CITIZENS, ipFor } from './citizens.js';
import type { SimClient } from './client.js';
import { answerSurvey, type CitizenLog, complain, newCitizenLog } from './voice.js';

const MIN = 60_000;
const PRIORITIES = ['elderly', 'disabled', 'pregnant', 'child', 'sick'] as const;

/** One wait of one citizen at one agency: from the ticket (or the transfer) to the first call. */
export interface StepRecord {
  ticketId: number;
  serviceId: number;
  agencyIndex: number;
  queuedAt: number;
  calledAt: number | null;
  counterId: number | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: 'served' | 'no_show' | 'transferred' | null;
  priority: boolean;
}

export interface DayRecord {
  date: string;
  opensAt: number;
  closesAt: number;
  /** Citizens who took a ticket. */
  visitors: number;
  steps: StepRecord[];
  /** When each counter was busy with a citizen (called → finished), for its utilisation. */
  busyMs: Map<number, number>;
  /** When the last citizen left. */
  lastOutAt: number;
  /** Online bookings for the day, surveys answered, complaints filed. */
  citizens: CitizenLog;
}

export interface PlayOptions {
  date: string;
  seed: number;
  priorityShare?: number;
  noShowShare?: number;
  transferShare?: number;
  serviceSigma?: number;
  /** The day's online bookings (made before the day) and the survey's element codes. */
  booked?: Booked[];
  turnedAway?: number;
  surveyCodes?: string[];
}

type SimEvent = { at: number; seq: number; run: () => Promise<void> };

/**
 * Plays one opening day through the API in compressed time: the clock jumps from event to event.
 * Citizens arrive (Poisson, shaped by the hour) and take a ticket at the kiosk; a free counter calls
 * the next one of its agency; the citizen walks up (or never comes: recalled, then no-show), is
 * served for a lognormal time around the service's mean, and now and then is sent on to another
 * agency's queue. Counters serve until the hall is empty.
 */
export async function playDay(
  api: SimClient,
  mall: BuiltMall,
  tokens: { kiosk: string; officers: Map<number, string> },
  o: PlayOptions,
  setNow: (d: Date) => void | Promise<void>,
): Promise<DayRecord> {
  const rng = mulberry32(o.seed);
  // What citizens do after the counter draws from its own stream, so the queue's stays as it was.
  const voiceRng = mulberry32(o.seed ^ 0x5e1f);
  const s = mall.scenario;
  const base = `/api/v1/malls/${mall.slug}`;
  const events: SimEvent[] = [];
  let seq = 0;
  const schedule = (at: number, run: () => Promise<void>) => {
    const e = { at, seq: seq++, run };
    let i = events.length;
    while (i > 0 && (events[i - 1]!.at > at || (events[i - 1]!.at === at && events[i - 1]!.seq > e.seq))) i--;
    events.splice(i, 0, e);
  };
  const waiting = new Map<number, number>(); // agency index → citizens waiting
  const busy = new Set<number>();
  const current = new Map<number, StepRecord>(); // ticket id → its open step
  const day: DayRecord = {
    date: o.date,
    opensAt: localInstant(o.date, s.opens, s.timezone),
    closesAt: localInstant(o.date, s.closes, s.timezone),
    visitors: 0,
    steps: [],
    busyMs: new Map(),
    lastOutAt: 0,
    citizens: newCitizenLog(o.booked?.length ?? 0, o.turnedAway ?? 0),
  };
  const who = new Map<number, { trackingCode: string; ip: string }>(); // ticket id → the citizen
  const serviceById = new Map(mall.services.map((x) => [x.id, x]));
  const post = (counter: BuiltCounter, url: string, body?: unknown) =>
    api.call('POST', `${base}${url}`, { token: tokens.officers.get(counter.id)!, body, expect: [200, 204] });

  const queue = (step: StepRecord) => {
    day.steps.push(step);
    current.set(step.ticketId, step);
    waiting.set(step.agencyIndex, (waiting.get(step.agencyIndex) ?? 0) + 1);
  };

  const tryCall = async (c: BuiltCounter, at: number): Promise<void> => {
    if (busy.has(c.id) || (waiting.get(c.agencyIndex) ?? 0) === 0) return;
    const res = await post(c, `/counters/${c.id}/call-next`);
    if (res.status === 204) return;
    const ticketId: number = res.body.id;
    const step = current.get(ticketId);
    if (!step) throw new Error(`called ticket ${ticketId} is not waiting in the simulation`);
    busy.add(c.id);
    waiting.set(step.agencyIndex, (waiting.get(step.agencyIndex) ?? 1) - 1);
    if (step.calledAt === null) step.calledAt = at;
    step.counterId = c.id;
    const release = async (when: number, outcome: StepRecord['outcome']) => {
      step.endedAt = when;
      step.outcome = outcome;
      day.busyMs.set(c.id, (day.busyMs.get(c.id) ?? 0) + (when - at));
      day.lastOutAt = Math.max(day.lastOutAt, when);
      busy.delete(c.id);
      await tryCall(c, when);
    };
    if (rng() < (o.noShowShare ?? 0.03)) {
      schedule(at + 2 * MIN, async () => {
        await post(c, `/tickets/${ticketId}/recall`);
      });
      schedule(at + 4 * MIN, async () => {
        await post(c, `/tickets/${ticketId}/no-show`);
        current.delete(ticketId);
        await release(at + 4 * MIN, 'no_show');
      });
      return;
    }
    const started = at + lognormal(rng, 1, 0.5) * MIN;
    const mean = serviceById.get(step.serviceId)?.meanMinutes ?? 10;
    const ended = started + lognormal(rng, mean, o.serviceSigma ?? 0.45) * MIN;
    // Sent on to another agency (e.g. from civil registration to the police): only from a first step.
    const others = mall.services.filter((x) => x.agencyIndex !== step.agencyIndex && x.weight > 0);
    const onward =
      others.length > 0 &&
      !day.steps.some((x) => x.ticketId === ticketId && x !== step) &&
      rng() < (o.transferShare ?? 0.02)
        ? others[
            weighted(
              rng,
              others.map((x) => x.weight),
            )
          ]!
        : null;
    schedule(started, async () => {
      step.startedAt = started;
      await post(c, `/tickets/${ticketId}/start`);
    });
    schedule(ended, async () => {
      if (onward) {
        await post(c, `/tickets/${ticketId}/transfer`, {
          serviceId: onward.id,
          reason: 'Dilanjutkan ke instansi lain',
        });
        const next: StepRecord = {
          ticketId,
          serviceId: onward.id,
          agencyIndex: onward.agencyIndex,
          queuedAt: ended,
          calledAt: null,
          counterId: null,
          startedAt: null,
          endedAt: null,
          outcome: null,
          priority: step.priority,
        };
        queue(next);
        await release(ended, 'transferred');
        for (const other of mall.counters)
          if (other.agencyIndex === onward.agencyIndex) await tryCall(other, ended);
        return;
      }
      await post(c, `/tickets/${ticketId}/finish`, { outcome: 'done' });
      current.delete(ticketId);
      await release(ended, 'served');
      const citizen = who.get(ticketId)!;
      const waited = (step.calledAt! - step.queuedAt) / MIN;
      const visit = { ...citizen, serviceId: step.serviceId, waitedMinutes: waited };
      if (o.surveyCodes?.length && voiceRng() < CITIZENS.surveyShare)
        await answerSurvey(api, base, visit, o.surveyCodes, voiceRng, day.citizens);
      const complainShare =
        waited > CITIZENS.longWaitMinutes ? CITIZENS.complaintShareAfterLongWait : CITIZENS.complaintShare;
      if (voiceRng() < complainShare) await complain(api, base, visit, day.citizens);
    });
  };

  const arrive = (
    ticket: { id: number; trackingCode: string },
    service: { id: number; agencyIndex: number },
    at: number,
    priority: boolean,
    ip: string,
  ) => {
    day.visitors++;
    who.set(ticket.id, { trackingCode: ticket.trackingCode, ip });
    queue({
      ticketId: ticket.id,
      serviceId: service.id,
      agencyIndex: service.agencyIndex,
      queuedAt: at,
      calledAt: null,
      counterId: null,
      startedAt: null,
      endedAt: null,
      outcome: null,
      priority,
    });
  };
  const weights = mall.services.map((x) => x.weight);
  const hours = (localInstant(o.date, s.lastTicket, s.timezone) - day.opensAt) / (60 * MIN);
  const walkIns = Math.round(s.visitorsPerDay * (1 - CITIZENS.bookedShare)) + (o.turnedAway ?? 0);
  for (const offset of arrivals(rng, walkIns, hours)) {
    const service = mall.services[weighted(rng, weights)]!;
    const priority =
      rng() < (o.priorityShare ?? 0.08) ? PRIORITIES[Math.floor(rng() * PRIORITIES.length)]! : null;
    const at = day.opensAt + Math.round(offset * MIN);
    schedule(at, async () => {
      const ip = ipFor((1 << 20) | day.visitors);
      const res = await api.call('POST', `${base}/tickets`, {
        token: tokens.kiosk,
        body: { serviceId: service.id, source: 'kiosk', priority },
        expect: [201],
      });
      arrive(res.body, service, at, priority !== null, ip);
      for (const c of mall.counters) if (c.agencyIndex === service.agencyIndex) await tryCall(c, at);
    });
  }
  // Citizens who booked check in at the kiosk with their code (from the opening, when the doors open).
  for (const b of o.booked ?? []) {
    if (b.arrivesAt === null) continue;
    const at = Math.max(day.opensAt, b.arrivesAt);
    schedule(at, async () => {
      const res = await api.call('POST', `${base}/bookings/${b.code}/check-in`, {
        token: tokens.kiosk,
        expect: [200, 201],
      });
      day.citizens.bookings.checkedIn++;
      arrive(res.body.ticket, b.service, at, false, b.ip);
      for (const c of mall.counters) if (c.agencyIndex === b.service.agencyIndex) await tryCall(c, at);
    });
  }
  for (let e = events.shift(); e; e = events.shift()) {
    await setNow(new Date(e.at));
    await e.run();
  }
  return day;
}
