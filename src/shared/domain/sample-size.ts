/**
 * Minimum number of respondents for a population of N service users (Krejcie & Morgan 1970, the
 * table PermenPANRB 14/2017 points to): S = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)) with X² = 3.841
 * (chi-square, 1 degree of freedom, 95 %), P = 0.5, d = 0.05, rounded to the nearest integer.
 *
 * With those constants the formula is exactly S = 3841·N / (10·N + 3831) (multiply through by
 * 4000), so it is computed in integers: no float can round 79.5 the wrong way.
 * The published table agrees with this rounding everywhere but N = 100 000, where it prints 384
 * (the formula gives 382.63 → 383); we follow the formula (docs/skm.md).
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0)
    throw new RangeError('population must be a non-negative integer');
  if (population === 0) return 0;
  const num = 3841n * BigInt(population);
  const den = 10n * BigInt(population) + 3831n;
  // nearest integer, halves up: floor((2·num + den) / (2·den))
  return Number((2n * num + den) / (2n * den));
}

/** Largest population the API accepts (well past any country's service users in a period). */
export const MAX_POPULATION = 1_000_000_000;
