/**
 * Which waiting ticket a counter calls next. Pure, so the fairness rule is tested densely apart from I/O.
 *
 * Priority groups (UU 25/2009 art. 29) go first, but a regular ticket never starves (decided rule,
 * domain/README.md §5): after `maxStreak` priority calls in a row, or once the oldest regular ticket has
 * waited `maxWaitMinutes`, the oldest regular ticket is called.
 */
export interface WaitingTicket {
  id: number;
  priority: string | null;
  /** ISO time the ticket joined this queue (issue, or the previous journey step's end). */
  queuedAt: string;
}

export interface PriorityPolicy {
  maxStreak: number;
  maxWaitMinutes: number | null;
}

const byQueuedAt = (a: WaitingTicket, b: WaitingTicket) =>
  a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id - b.id;

export function pickNext(
  waiting: readonly WaitingTicket[],
  policy: PriorityPolicy,
  priorityStreak: number,
  now: Date,
): WaitingTicket | undefined {
  const sorted = [...waiting].sort(byQueuedAt);
  const regular = sorted.find((t) => !t.priority);
  const priority = sorted.find((t) => t.priority);
  if (!priority) return regular;
  if (!regular) return priority;
  if (priorityStreak >= policy.maxStreak) return regular;
  if (policy.maxWaitMinutes !== null) {
    const waited = (now.getTime() - Date.parse(regular.queuedAt)) / 60_000;
    if (waited >= policy.maxWaitMinutes) return regular;
  }
  return priority;
}

/**
 * The whole waiting line in the order it will be called if nobody else arrives: used for positions
 * and the counter console's list. Simulates pickNext with the streak it implies.
 */
export function callOrder(
  waiting: readonly WaitingTicket[],
  policy: PriorityPolicy,
  priorityStreak: number,
  now: Date,
): WaitingTicket[] {
  const left = [...waiting];
  const out: WaitingTicket[] = [];
  let streak = priorityStreak;
  while (left.length) {
    const next = pickNext(left, policy, streak, now);
    if (!next) break;
    out.push(next);
    left.splice(left.indexOf(next), 1);
    streak = next.priority ? streak + 1 : 0;
  }
  return out;
}
