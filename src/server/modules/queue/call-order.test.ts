import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callOrder, pickNext, type WaitingTicket } from './call-order.js';

const t = (id: number, minute: number, priority: string | null = null): WaitingTicket => ({
  id,
  priority,
  queuedAt: new Date(Date.UTC(2026, 10, 23, 1, minute)).toISOString(),
});
const now = new Date(Date.UTC(2026, 10, 23, 1, 30));
const policy = { maxStreak: 2, maxWaitMinutes: null };

describe('pickNext', () => {
  it('calls in arrival order without priority', () => {
    expect(pickNext([t(2, 5), t(1, 1)], policy, 0, now)?.id).toBe(1);
  });
  it('calls priority first', () => {
    expect(pickNext([t(1, 1), t(2, 5, 'elderly')], policy, 0, now)?.id).toBe(2);
  });
  it('calls a regular ticket after maxStreak priority calls in a row', () => {
    expect(pickNext([t(1, 1), t(2, 5, 'elderly')], policy, 2, now)?.id).toBe(1);
  });
  it('calls a regular ticket that waited past maxWaitMinutes', () => {
    const p = { maxStreak: 10, maxWaitMinutes: 20 };
    expect(pickNext([t(1, 1), t(2, 5, 'pregnant')], p, 0, now)?.id).toBe(1);
    expect(pickNext([t(1, 15), t(2, 5, 'pregnant')], p, 0, now)?.id).toBe(2);
  });
  it('lets an overdue regular ticket keep its place only against priority tickets that came later', () => {
    const p = { maxStreak: 10, maxWaitMinutes: 20 };
    // The regular ticket waited 25 minutes, but the pregnant woman has waited 28: she goes first.
    expect(pickNext([t(1, 5), t(2, 2, 'pregnant')], p, 0, now)?.id).toBe(2);
  });
  it('returns undefined for an empty line', () => {
    expect(pickNext([], policy, 0, now)).toBeUndefined();
  });
});

describe('callOrder', () => {
  it('interleaves per the streak rule', () => {
    const line = [t(1, 1), t(2, 2), t(3, 3, 'elderly'), t(4, 4, 'disabled'), t(5, 5, 'child')];
    expect(callOrder(line, policy, 0, now).map((x) => x.id)).toEqual([3, 4, 1, 5, 2]);
  });

  it('never lets a regular ticket wait behind more than maxStreak priority tickets at a time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (flags, maxStreak) => {
          const line = flags.map((p, i) => t(i + 1, i, p ? 'elderly' : null));
          const order = callOrder(line, { maxStreak, maxWaitMinutes: null }, 0, now);
          expect(order).toHaveLength(line.length);
          let run = 0;
          const regularsLeft = (k: number) => order.slice(k).some((x) => !x.priority);
          order.forEach((x, k) => {
            run = x.priority ? run + 1 : 0;
            if (regularsLeft(k)) expect(run).toBeLessThanOrEqual(maxStreak);
          });
        },
      ),
    );
  });

  it('is the same line as calling pickNext again and again (the merge is only faster)', () => {
    const naive = (line: WaitingTicket[], p: { maxStreak: number; maxWaitMinutes: number | null }) => {
      const left = [...line];
      const out: number[] = [];
      let streak = 0;
      for (let next = pickNext(left, p, streak, now); next; next = pickNext(left, p, streak, now)) {
        out.push(next.id);
        left.splice(left.indexOf(next), 1);
        streak = next.priority ? streak + 1 : 0;
      }
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 29 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
        (spec, maxStreak, maxWaitMinutes) => {
          const line = spec.map(([p, minute], i) => t(i + 1, minute, p ? 'elderly' : null));
          const p = { maxStreak, maxWaitMinutes };
          expect(callOrder(line, p, 0, now).map((x) => x.id)).toEqual(naive(line, p));
        },
      ),
    );
  });

  it('orders a long line completely', () => {
    const line = Array.from({ length: 20_000 }, (_, i) => t(i + 1, i % 30, i % 7 === 0 ? 'elderly' : null));
    expect(new Set(callOrder(line, policy, 0, now).map((x) => x.id)).size).toBe(line.length);
  });
});
