/**
 * Which waiting ticket a counter calls next. Pure, so the fairness rule is tested densely apart from I/O.
 *
 * Priority groups (UU 25/2009 art. 29) go first, but a regular ticket never starves (decided rule,
 * domain/README.md §5): after `maxStreak` priority calls in a row, or once the oldest regular ticket has
 * waited `maxWaitMinutes`, the oldest regular ticket is called.
 *
 * The max-wait rule only lets an overdue regular ticket keep its place against priority tickets that
 * arrived after it: applied against every priority ticket, it fired on nearly every call of a busy
 * day and made priority citizens wait twice as long as the others (found by the day simulator).
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

export const byQueuedAt = (a: WaitingTicket, b: WaitingTicket) =>
  a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id - b.id;

/** The rule for one call, given the oldest regular and the oldest priority ticket still waiting. */
function choose(
  regular: WaitingTicket | undefined,
  priority: WaitingTicket | undefined,
  policy: PriorityPolicy,
  priorityStreak: number,
  now: Date,
): WaitingTicket | undefined {
  if (!priority) return regular;
  if (!regular) return priority;
  if (priorityStreak >= policy.maxStreak) return regular;
  if (policy.maxWaitMinutes !== null) {
    const waited = (now.getTime() - Date.parse(regular.queuedAt)) / 60_000;
    if (waited >= policy.maxWaitMinutes && byQueuedAt(regular, priority) < 0) return regular;
  }
  return priority;
}

export function pickNext(
  waiting: readonly WaitingTicket[],
  policy: PriorityPolicy,
  priorityStreak: number,
  now: Date,
): WaitingTicket | undefined {
  let regular: WaitingTicket | undefined;
  let priority: WaitingTicket | undefined;
  for (const t of waiting) {
    if (t.priority) {
      if (!priority || byQueuedAt(t, priority) < 0) priority = t;
    } else if (!regular || byQueuedAt(t, regular) < 0) regular = t;
  }
  return choose(regular, priority, policy, priorityStreak, now);
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
  // One sort, then a merge of the two lines: O(n log n), where re-picking from the rest each time was
  // O(n² log n) and made issuing a ticket slow once a few hundred people waited.
  const sorted = [...waiting].sort(byQueuedAt);
  const regular = sorted.filter((t) => !t.priority);
  const priority = sorted.filter((t) => t.priority);
  const out: WaitingTicket[] = [];
  let r = 0;
  let p = 0;
  let streak = priorityStreak;
  while (r < regular.length || p < priority.length) {
    const next = choose(regular[r], priority[p], policy, streak, now);
    if (!next) break;
    if (next.priority) p++;
    else r++;
    out.push(next);
    streak = next.priority ? streak + 1 : 0;
  }
  return out;
}

/**
 * 1-based place of one ticket in callOrder, walking the two lines (each in queue order) only as far as
 * that ticket: what the queue index answers without reading or sorting the whole group.
 */
export function positionInLines(
  regular: Iterable<WaitingTicket>,
  priority: Iterable<WaitingTicket>,
  policy: PriorityPolicy,
  priorityStreak: number,
  now: Date,
  ticketId: number,
  each?: (id: number) => void,
): number | null {
  const rs = regular[Symbol.iterator]();
  const ps = priority[Symbol.iterator]();
  let r = rs.next();
  let p = ps.next();
  let streak = priorityStreak;
  for (let position = 1; ; position++) {
    const next = choose(r.done ? undefined : r.value, p.done ? undefined : p.value, policy, streak, now);
    if (!next) return null;
    if (next.id === ticketId) return position;
    each?.(next.id);
    if (next.priority) p = ps.next();
    else r = rs.next();
    streak = next.priority ? streak + 1 : 0;
  }
}

/** Every ticket's 1-based place in callOrder from one walk of the two lines. */
export function positionsInLines(
  regular: Iterable<WaitingTicket>,
  priority: Iterable<WaitingTicket>,
  policy: PriorityPolicy,
  priorityStreak: number,
  now: Date,
): Map<number, number> {
  const out = new Map<number, number>();
  positionInLines(regular, priority, policy, priorityStreak, now, Number.NaN, (id) => {
    out.set(id, out.size + 1);
  });
  return out;
}
