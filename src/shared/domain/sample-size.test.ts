import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krejcieMorgan } from './sample-size';

/** Krejcie & Morgan (1970), Table 1: population N → sample S, as published. */
const TABLE: [number, number][] = [
  [10, 10],
  [15, 14],
  [20, 19],
  [25, 24],
  [30, 28],
  [35, 32],
  [40, 36],
  [45, 40],
  [50, 44],
  [55, 48],
  [60, 52],
  [65, 56],
  [70, 59],
  [75, 63],
  [80, 66],
  [85, 70],
  [90, 73],
  [95, 76],
  [100, 80],
  [110, 86],
  [120, 92],
  [130, 97],
  [140, 103],
  [150, 108],
  [160, 113],
  [170, 118],
  [180, 123],
  [190, 127],
  [200, 132],
  [210, 136],
  [220, 140],
  [230, 144],
  [240, 148],
  [250, 152],
  [260, 155],
  [270, 159],
  [280, 162],
  [290, 165],
  [300, 169],
  [320, 175],
  [340, 181],
  [360, 186],
  [380, 191],
  [400, 196],
  [420, 201],
  [440, 205],
  [460, 210],
  [480, 214],
  [500, 217],
  [550, 226],
  [600, 234],
  [650, 242],
  [700, 248],
  [750, 254],
  [800, 260],
  [850, 265],
  [900, 269],
  [950, 274],
  [1000, 278],
  [1100, 285],
  [1200, 291],
  [1300, 297],
  [1400, 302],
  [1500, 306],
  [1600, 310],
  [1700, 313],
  [1800, 317],
  [1900, 320],
  [2000, 322],
  [2200, 327],
  [2400, 331],
  [2600, 335],
  [2800, 338],
  [3000, 341],
  [3500, 346],
  [4000, 351],
  [4500, 354],
  [5000, 357],
  [6000, 361],
  [7000, 364],
  [8000, 367],
  [9000, 368],
  [10000, 370],
  [15000, 375],
  [20000, 377],
  [30000, 379],
  [40000, 380],
  [50000, 381],
  [75000, 382],
  [1000000, 384],
];

describe('krejcieMorgan', () => {
  it.each(TABLE)('N = %i → %i (published table)', (n, s) => {
    expect(krejcieMorgan(n)).toBe(s);
  });

  it('follows the formula where the published table does not (N = 100 000: 382.63 → 383, printed 384)', () => {
    expect(krejcieMorgan(100_000)).toBe(383);
  });

  it('is 0 for no users, 1 for one, and never more than the population', () => {
    expect(krejcieMorgan(0)).toBe(0);
    expect(krejcieMorgan(1)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (n) => {
        const s = krejcieMorgan(n);
        return s >= 1 && s <= n && s <= 384;
      }),
    );
  });

  it('rounds to the nearest integer of the textbook formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
        const exact = (3.841 * n * 0.25) / (0.0025 * (n - 1) + 3.841 * 0.25);
        // away from an exact half, the float formula agrees
        if (Math.abs((exact % 1) - 0.5) < 1e-6) return true;
        return krejcieMorgan(n) === Math.round(exact);
      }),
    );
  });

  it('refuses negative or fractional populations', () => {
    expect(() => krejcieMorgan(-1)).toThrow(RangeError);
    expect(() => krejcieMorgan(2.5)).toThrow(RangeError);
  });
});
