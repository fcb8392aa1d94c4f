import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedSet } from './ordered-set.js';

describe('OrderedSet', () => {
  it('stays sorted, sized and ranked like a sorted array through random inserts and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 60 })), { maxLength: 300 }),
        (ops) => {
          const set = new OrderedSet<number>((a, b) => a - b);
          const model: number[] = [];
          for (const [add, v] of ops) {
            const at = model.indexOf(v);
            if (add && at < 0) {
              set.insert(v);
              model.push(v);
              model.sort((a, b) => a - b);
            } else if (!add) {
              expect(set.delete(v)).toBe(at >= 0);
              if (at >= 0) model.splice(at, 1);
            }
          }
          expect([...set.values()]).toEqual(model);
          expect(set.size).toBe(model.length);
          for (const [i, v] of model.entries()) expect(set.rank(v)).toBe(i);
        },
      ),
    );
  });
});
