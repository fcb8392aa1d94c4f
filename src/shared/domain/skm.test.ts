import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRatio, type Ratio, ratio } from './ratio';
import { computeSkm, type ElementTotals, gradeOf, type WeightedElement, weightsValid } from './skm';
import { DEFAULT_SKM_ELEMENTS } from './skm-elements';

const NINTH = ratio(1, 9);
const nine: WeightedElement[] = DEFAULT_SKM_ELEMENTS.map((e) => ({
  code: e.code,
  name: e.name,
  weight: NINTH,
}));

/** Per-element totals where every element was answered by `n` and the scores add up to `total`. */
function spread(n: number, total: number): Record<string, ElementTotals> {
  let left = total;
  const out: Record<string, ElementTotals> = {};
  nine.forEach((e, i) => {
    const rest = nine.length - i - 1;
    const s = Math.min(4 * n, Math.max(n, left - rest * n));
    out[e.code] = { sum: s, count: n };
    left -= s;
  });
  if (left !== 0) throw new Error('total out of range');
  return out;
}
const same = (n: number, score: number): Record<string, ElementTotals> =>
  Object.fromEntries(nine.map((e) => [e.code, { sum: n * score, count: n }]));

describe('computeSkm', () => {
  it('one questionnaire with every answer 4 gives 100.00, A (the regulation’s example)', () => {
    const r = computeSkm(nine, same(1, 4), 1);
    expect(r).toMatchObject({ respondents: 1, skm: 4, ikm: 100, grade: 'A', label: 'Sangat Baik' });
    expect(r.elements.every((e) => e.nrr === 4 && e.weight === '1/9')).toBe(true);
  });

  // IKM = 25 × (Σ scores) ÷ (9n) with equal weights: chosen totals land exactly on and beside each bound.
  it.each([
    // n, Σ scores, IKM, grade, label
    [1, 9, 25, 'D', 'Tidak Baik'],
    [2500, 79479, 88.31, 'A', 'Sangat Baik'],
    [2500, 79470, 88.3, 'B', 'Baik'],
    [2500, 68949, 76.61, 'B', 'Baik'],
    [2500, 68940, 76.6, 'C', 'Kurang Baik'],
    [10, 234, 65, 'C', 'Kurang Baik'],
    [2500, 58491, 64.99, 'D', 'Tidak Baik'],
    // half up at the third decimal: 88.305 → 88.31 (A), 88.30444… → 88.30 (B)
    [5000, 158949, 88.31, 'A', 'Sangat Baik'],
    [5000, 158948, 88.3, 'B', 'Baik'],
    // 76.605 → 76.61 (B); 64.995 → 65.00 (C)
    [5000, 137889, 76.61, 'B', 'Baik'],
    [5000, 116991, 65, 'C', 'Kurang Baik'],
  ])('n = %i, Σ = %i → IKM %d, %s %s', (n, total, ikm, grade, label) => {
    expect(computeSkm(nine, spread(n, total), n)).toMatchObject({ ikm, grade, label });
  });

  it('rounds NRR to 4 decimals half up and keeps the exact value for the IKM', () => {
    // 138270 / 40000 = 3.45675 → 3.4568; 2/3 → 0.6667 is never added back up
    const r = computeSkm(
      nine,
      Object.fromEntries(nine.map((e) => [e.code, { sum: 138_270, count: 40_000 }])),
      40_000,
    );
    expect(r.elements[0]!.nrr).toBe(3.4568);
    expect(r.ikm).toBe(86.42); // 3.45675 × 25 = 86.41875 → 86.42
    const thirds = computeSkm(nine, Object.fromEntries(nine.map((e) => [e.code, { sum: 8, count: 3 }])), 3);
    expect(thirds.elements[0]!.nrr).toBe(2.6667);
    expect(thirds.ikm).toBe(66.67); // 8/3 × 25 = 66.666…
  });

  it('applies unequal weights exactly', () => {
    const weights = [ratio(1, 5), ...Array.from({ length: 8 }, () => ratio(1, 10))];
    const els = nine.map((e, i) => ({ ...e, weight: weights[i]! }));
    const totals = Object.fromEntries(nine.map((e, i) => [e.code, { sum: i === 0 ? 40 : 20, count: 10 }]));
    // 4 × 0.2 + 2 × 0.8 = 2.4 → 60.00, D; equal weights would give 20/9 → 55.56
    expect(computeSkm(els, totals, 10)).toMatchObject({ skm: 2.4, ikm: 60, grade: 'D' });
    expect(computeSkm(nine, totals, 10).ikm).toBe(55.56);
    expect(computeSkm(els, totals, 10).elements[0]).toMatchObject({
      weight: '1/5',
      nrr: 4,
      nrrWeighted: 0.8,
    });
  });

  it('leaves out an element nobody answered and shares its weight over the rest', () => {
    const totals = same(4, 3);
    totals.U1 = { sum: 16, count: 4 };
    delete totals.U4;
    const r = computeSkm(nine, totals, 4);
    // (4 + 7 × 3) ÷ 8 × 25 = 78.125 → 78.13 (B); counting U4 as 0 would give 69.44
    expect(r).toMatchObject({ ikm: 78.13, grade: 'B', unanswered: ['U4'] });
    expect(r.elements[3]).toMatchObject({ code: 'U4', nrr: null, answered: 0 });
  });

  it('has no index without answers', () => {
    expect(computeSkm(nine, {}, 0)).toMatchObject({ respondents: 0, ikm: null, grade: null, legacy: null });
  });

  it('offers the hand-made 0.111 figure beside the exact one', () => {
    const r = computeSkm(nine, same(1, 4), 1);
    expect(r.legacy).toMatchObject({ ikm: 99.9, grade: 'A' });
    expect(r.legacy!.weights.every((w) => w === 0.111)).toBe(true);
  });

  it('agrees with plain arithmetic away from rounding halves, and grades monotonically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 9, maxLength: 9 }),
        (n, fracs) => {
          const totals = Object.fromEntries(
            nine.map((e, i) => [
              e.code,
              { sum: n + Math.floor(((fracs[i]! % 1_000_001) / 1_000_000) * 3 * n), count: n },
            ]),
          );
          const r = computeSkm(nine, totals, n);
          const mean = nine.reduce((s, e) => s + totals[e.code]!.sum / n, 0) / 9;
          expect(Math.abs(r.ikm! - mean * 25)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(r.ikm!).toBeGreaterThanOrEqual(25);
          expect(r.ikm!).toBeLessThanOrEqual(100);
          expect(gradeOf(r.ikm!).grade).toBe(r.grade);
        },
      ),
    );
  });
});

describe('gradeOf', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ])('%d → %s', (ikm, grade) => expect(gradeOf(ikm).grade).toBe(grade));
});

describe('weights', () => {
  const w = (...xs: string[]) => xs.map((x) => parseRatio(x) as Ratio);
  it.each([
    [Array(9).fill('1/9'), true],
    [Array(9).fill('0.111'), false],
    [['0.2', ...Array(8).fill('0.1')], true],
    [['1/3', '1/3', '1/3'], true],
    [['0.5', '0.5', '0'], false],
    [['0.5', '0.6'], false],
    [[], false],
  ])('%j sums to 1: %s', (xs, ok) => expect(weightsValid(w(...(xs as string[])))).toBe(ok));

  it('reads decimals and fractions exactly', () => {
    expect(parseRatio('0.1')).toEqual(ratio(1, 10));
    expect(parseRatio(0.15)).toEqual(ratio(3, 20));
    expect(parseRatio('2/18')).toEqual(ratio(1, 9));
    expect(parseRatio('1/0')).toBeNull();
    expect(parseRatio('-0.1')).toBeNull();
    expect(parseRatio('abc')).toBeNull();
  });
});
