/** Pure wait figures for the display state: no I/O, so they are tested with plain arrays. */

export interface IssueOrCall {
  ticketId: number;
  serviceId: number;
  type: string;
  at: string;
}

const MINUTE = 60_000;

/** Whole minutes from `iso` to `now` (never negative: clocks of two nodes may differ slightly). */
export function minutesSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / MINUTE));
}

/**
 * Mean minutes from issue to first call per service (the service the ticket was issued for), over the
 * tickets whose first call falls in [from, to). Recalls are 'recalled' events and a call after a
 * transfer is not the first, so neither counts. Means are rounded to a tenth of a minute.
 */
export function averageWaits(events: IssueOrCall[], from: string, to: string): Map<number, number> {
  const issued = new Map<number, IssueOrCall>();
  const firstCall = new Map<number, string>();
  for (const e of events) {
    if (e.type === 'issued' && !issued.has(e.ticketId)) issued.set(e.ticketId, e);
    else if (e.type === 'called' && !firstCall.has(e.ticketId)) firstCall.set(e.ticketId, e.at);
  }
  const sums = new Map<number, { total: number; n: number }>();
  for (const [ticketId, calledAt] of firstCall) {
    const i = issued.get(ticketId);
    if (!i || calledAt < from || calledAt >= to) continue;
    const s = sums.get(i.serviceId) ?? { total: 0, n: 0 };
    s.total += Math.max(0, Date.parse(calledAt) - Date.parse(i.at)) / MINUTE;
    s.n += 1;
    sums.set(i.serviceId, s);
  }
  return new Map([...sums].map(([id, s]) => [id, Math.round((s.total / s.n) * 10) / 10]));
}
