import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CounterLoad,
  estimateWait,
  type QueuedTicket,
  remainingMinutes,
  shrunkMinutes,
  typicalMinutes,
  type WaitInput,
} from './eta.js';

const NOW = new Date('2026-11-23T03:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const ticket = (id: number, waited: number, minutes = 10, priority: string | null = null): QueuedTicket => ({
  id,
  priority,
  queuedAt: ago(waited),
  minutes,
});
const free: CounterLoad = { busyForMinutes: null, currentTypicalMinutes: 10 };
const busy = (forMinutes: number, typical = 10): CounterLoad => ({
  busyForMinutes: forMinutes,
  currentTypicalMinutes: typical,
});
const input = (
  ticketId: number,
  waiting: QueuedTicket[],
  counters: CounterLoad[],
  extra: Partial<WaitInput> = {},
) => ({
  ticketId,
  waiting,
  counters,
  policy: { maxStreak: 3, maxWaitMinutes: 30 },
  priorityStreak: 0,
  now: NOW,
  ...extra,
});

describe('typical minutes', () => {
  it.each([
    { recent: [], fallback: 10, expected: 10 },
    { recent: [4, 6], fallback: 10, expected: 10 },
    { recent: [4, 6, 8], fallback: 10, expected: 6 },
    { recent: [5, 5, 5, 5, 5, 5, 5, 5, 5, 500], fallback: 10, expected: 5 },
    { recent: [1, 5, 5, 5, 5, 5, 5, 5, 5, 200], fallback: 10, expected: 5 },
    { recent: [Number.NaN, -1, 7, 7, 7], fallback: 10, expected: 7 },
  ])('$recent → $expected', ({ recent, fallback, expected }) => {
    expect(typicalMinutes(recent, fallback)).toBeCloseTo(expected, 6);
  });

  it('pulls a service with little history toward its prior', () => {
    expect(shrunkMinutes([], 12)).toBe(12);
    expect(shrunkMinutes([20], 12)).toBe(14);
    expect(shrunkMinutes(Array(27).fill(20), 10)).toBe(19);
  });
});

describe('remaining minutes at a counter', () => {
  it.each([
    { c: free, expected: 0 },
    { c: busy(4), expected: 6 },
    { c: busy(0), expected: 10 },
    { c: busy(25), expected: 2 },
  ])('$c.busyForMinutes of 10 → $expected', ({ c, expected }) => {
    expect(remainingMinutes(c)).toBe(expected);
  });
});

describe('estimated wait', () => {
  it('is null for a ticket not waiting, 0 with a free counter, the time left when all are busy', () => {
    expect(estimateWait(input(9, [ticket(1, 0)], [free]))).toBeNull();
    expect(estimateWait(input(1, [ticket(1, 0)], [free]))).toBe(0);
    expect(estimateWait(input(1, [ticket(1, 0)], [busy(4)]))).toBe(6);
    expect(estimateWait(input(1, [ticket(1, 0)], []))).toBe(0);
  });

  it('spreads the people ahead over the counters, each with its own service time', () => {
    const line = [ticket(1, 9), ticket(2, 8), ticket(3, 7), ticket(4, 1)];
    expect(estimateWait(input(4, line, [free, free]))).toBe(10);
    expect(estimateWait(input(4, line, [free]))).toBe(30);
    const mixed = [ticket(1, 9, 30), ticket(2, 8, 5), ticket(3, 1)];
    expect(estimateWait(input(3, mixed, [busy(8)]))).toBe(37);
    expect(estimateWait(input(3, mixed, [busy(8), free]))).toBe(7);
  });

  it('applies the priority rule at the moment of each future call', () => {
    // A regular ticket that has waited 25 minutes passes 30 by the time the counter is free.
    const waiting = [ticket(1, 25), ticket(2, 0, 10, 'elderly')];
    expect(estimateWait(input(2, waiting, [busy(0)]))).toBe(20);
    expect(estimateWait(input(1, waiting, [busy(0)]))).toBe(10);
    // Within the maximum wait the priority ticket goes first.
    const fresh = [ticket(1, 5), ticket(2, 0, 10, 'elderly')];
    expect(estimateWait(input(2, fresh, [busy(0)]))).toBe(10);
    expect(estimateWait(input(1, fresh, [busy(0)]))).toBe(20);
  });

  it('counts expected priority newcomers, until the horizon', () => {
    const arrivals = { regularPerMinute: 0, priorityPerMinute: 0.05, minutes: 8, untilMinutes: 120 };
    expect(estimateWait(input(1, [ticket(1, 0)], [busy(0)], { arrivals }))).toBe(18);
    const closing = { ...arrivals, untilMinutes: 0 };
    expect(estimateWait(input(1, [ticket(1, 0)], [busy(0)], { arrivals: closing }))).toBe(10);
    const regulars = { ...arrivals, regularPerMinute: 1, priorityPerMinute: 0 };
    expect(estimateWait(input(1, [ticket(1, 0)], [busy(0)], { arrivals: regulars }))).toBe(10);
  });

  it('never shortens when someone joins ahead, and is never negative (property)', () => {
    const minutes = fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { maxLength: 30 });
    const counters = fc.array(
      fc.record({
        busyForMinutes: fc.option(fc.double({ min: 0, max: 90, noNaN: true }), { nil: null }),
        currentTypicalMinutes: fc.double({ min: 0, max: 60, noNaN: true }),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(minutes, counters, fc.double({ min: 0, max: 60, noNaN: true }), (ahead, loads, extra) => {
        const line = ahead.map((m, i) => ticket(i + 1, 100 - i, m));
        const me = ticket(1000, 0);
        const before = estimateWait(input(1000, [...line, me], loads))!;
        const after = estimateWait(input(1000, [ticket(999, 200, extra), ...line, me], loads))!;
        expect(before).toBeGreaterThanOrEqual(0);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
