import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, MAX_TRAFFIC_ERLANGS, queueFigures, staffing } from './erlang-c.js';

/** Erlang C straight from its textbook formula, in exact-ish floating point (small traffic only). */
function erlangCTextbook(n: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < n; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * n) / (n - a); // a^n/n! · n/(n−a)
  return top / (sum + top);
}

describe('Erlang C', () => {
  it.each([
    // Traffic 10 Erlangs (e.g. 120 citizens an hour, 5 minutes each): published Erlang C table values.
    [11, 10, 0.6821],
    [12, 10, 0.4494],
    [13, 10, 0.2853],
    [14, 10, 0.1741],
    [2, 1, 0.3333],
    [3, 2, 0.4444],
  ])('C(%i, %f) = %f', (n, a, expected) => {
    expect(erlangC(n, a)).toBeCloseTo(expected, 4);
  });

  it('agrees with the textbook formula', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 60, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (a, extra) => {
          const n = Math.floor(a) + extra;
          expect(erlangC(n, a)).toBeCloseTo(erlangCTextbook(n, a), 9);
        },
      ),
    );
  });

  it('Erlang B of 0 counters blocks everyone, and rejects nonsense', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(() => erlangB(-1, 3)).toThrow(RangeError);
    expect(() => erlangB(1.5, 3)).toThrow(RangeError);
  });

  it('an unstable queue always waits', () => {
    expect(erlangC(10, 10)).toBe(1);
    const f = queueFigures(9, 120, 5, 1);
    expect(f.serviceLevel).toBe(0);
    expect(f.averageWaitMinutes).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('staffing', () => {
  it('120 an hour × 5 minutes, 80 % within 1 minute → 13 counters', () => {
    const r = staffing({
      arrivalsPerHour: 120,
      meanServiceMinutes: 5,
      targetWaitMinutes: 1,
      targetServiceLevel: 0.8,
    });
    expect(r.counters).toBe(13);
    expect(r.trafficErlangs).toBe(10);
    expect(r.probabilityOfWaiting).toBeCloseTo(0.2853, 4);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // One counter fewer misses the target: the answer is the fewest.
    expect(queueFigures(12, 120, 5, 1).serviceLevel).toBeLessThan(0.8);
  });

  it('is the fewest counters that reach the target, for any traffic', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600, noNaN: true }),
        fc.double({ min: 0.5, max: 45, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        (arrivalsPerHour, meanServiceMinutes, targetWaitMinutes, targetServiceLevel) => {
          const r = staffing({ arrivalsPerHour, meanServiceMinutes, targetWaitMinutes, targetServiceLevel });
          expect(r.counters).toBeGreaterThan(r.trafficErlangs);
          expect(r.serviceLevel).toBeGreaterThanOrEqual(targetServiceLevel);
          expect(r.probabilityOfWaiting).toBeGreaterThan(0);
          expect(r.probabilityOfWaiting).toBeLessThan(1);
          const fewer = queueFigures(r.counters - 1, arrivalsPerHour, meanServiceMinutes, targetWaitMinutes);
          expect(fewer.serviceLevel).toBeLessThan(targetServiceLevel);
        },
      ),
    );
  });

  it('stays finite for very large traffic (500 an hour × 20 minutes, and the maximum)', () => {
    const r = staffing({
      arrivalsPerHour: 500,
      meanServiceMinutes: 20,
      targetWaitMinutes: 10,
      targetServiceLevel: 0.8,
    });
    expect(Number.isFinite(r.probabilityOfWaiting)).toBe(true);
    expect(r.counters).toBeGreaterThan(166);
    const big = staffing({
      arrivalsPerHour: MAX_TRAFFIC_ERLANGS * 6,
      meanServiceMinutes: 10,
      targetWaitMinutes: 1,
      targetServiceLevel: 0.9,
    });
    expect(big.counters).toBeGreaterThan(MAX_TRAFFIC_ERLANGS);
    expect(Number.isFinite(big.averageWaitMinutes)).toBe(true);
  });

  it('no arrivals need no counter', () => {
    expect(
      staffing({ arrivalsPerHour: 0, meanServiceMinutes: 5, targetWaitMinutes: 1, targetServiceLevel: 0.8 }),
    ).toMatchObject({ counters: 0, probabilityOfWaiting: 0, serviceLevel: 1 });
  });
});
