import { describe, expect, it } from 'vitest';
import { type LoggedEvent, type ReplayRules, replayDay } from './stats.replay.js';
import { summarizeBlock } from './stats.summary.js';
import { blockOf, emptyTally } from './stats.tally.js';

const T0 = Date.parse('2026-11-23T03:00:00Z');
const ev = (
  ticketId: number,
  type: string,
  minute: number,
  serviceId: number,
  counterId: number | null = null,
  data: object | null = null,
): LoggedEvent => ({
  ticketId,
  type,
  serviceId,
  counterId,
  at: new Date(T0 + minute * 60_000).toISOString(),
  data: data ? JSON.stringify(data) : null,
});
const rules = (maxStreak = 3, maxWaitMinutes: number | null = 30): ReplayRules => ({
  include: () => true,
  groupOf: () => 'A',
  policyOf: () => ({ maxStreak, maxWaitMinutes }),
  hourOf: () => 10,
});

describe('event replay', () => {
  it('counts each step of a transfer, and a return after finishing as a new step only', () => {
    const tally = emptyTally();
    replayDay(
      [
        ev(1, 'issued', 0, 1, null, { priority: null }),
        ev(1, 'called', 2, 1, 7),
        ev(1, 'started', 3, 1, 7),
        ev(1, 'transferred', 5, 2, 7, { fromServiceId: 1, returnCounterId: 7 }),
        ev(1, 'called', 9, 2, 8),
        ev(1, 'started', 10, 2, 8),
        ev(1, 'finished', 14, 2, 8),
        ev(1, 'transferred', 14, 1, 8, { fromServiceId: 2, returning: true }),
        ev(1, 'called', 15, 1, 7),
        ev(1, 'finished', 20, 1, 7),
      ],
      rules(),
      tally,
    );
    const first = summarizeBlock(blockOf(tally, 1));
    expect(first.counts).toMatchObject({ issued: 1, called: 2, served: 1, transferred: 1 });
    expect(first.times.wait).toMatchObject({ n: 2, mean: 1.5 });
    expect(first.times.service.n).toBe(0);
    const second = summarizeBlock(blockOf(tally, 2));
    expect(second.counts).toMatchObject({ issued: 0, called: 1, served: 1, transferred: 0 });
    expect(second.times).toMatchObject({ wait: { mean: 4 }, walk: { mean: 1 }, service: { mean: 4 } });
    expect(tally.counters.get(8)).toEqual({ served: 1, service: [4] });
    expect(tally.counters.get(7)).toEqual({ served: 1, service: [] });
  });

  it('tells the streak limit from an out-of-order call', () => {
    const tally = emptyTally();
    const prio = { priority: 'elderly' };
    replayDay(
      [
        ev(1, 'issued', 0, 1, null, { priority: null }),
        ev(2, 'issued', 0, 1, null, prio),
        ev(3, 'issued', 0, 1, null, prio),
        ev(4, 'issued', 0, 1, null, prio),
        ev(5, 'issued', 0, 1, null, { priority: null }),
        ev(2, 'called', 1, 1, 7),
        ev(3, 'called', 2, 1, 7),
        ev(1, 'called', 3, 1, 7), // two priority calls in a row: the limit
        ev(5, 'called', 4, 1, 7), // ticket 4 still waits, no limit reached: out of order
        ev(4, 'cancelled', 5, 1, 7),
      ],
      rules(2, null),
      tally,
    );
    const p = summarizeBlock(blockOf(tally, 1)).priority;
    expect(p).toMatchObject({
      issued: 3,
      share: 0.6,
      regularCalledWhilePriorityWaiting: 2,
      byStreakLimit: 1,
      byMaxWait: 0,
      other: 1,
      meanWaitPriority: 1.5,
      meanWaitRegular: 3.5,
    });
  });
});
