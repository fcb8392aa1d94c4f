/**
 * Exact rational numbers on bigint, for figures that are regulated to the last digit (the SKM):
 * float sums of 1/9 shares can land a hair under a grade bound (88.30999…), fractions never do.
 */
export interface Ratio {
  /** Numerator; the ratio is kept reduced with a positive denominator. */
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('zero denominator');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { n: num / g, d: den / g };
}

export const ZERO = ratio(0);
export const ONE = ratio(1);
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const eq = (a: Ratio, b: Ratio): boolean => a.n === b.n && a.d === b.d;
export const sum = (xs: readonly Ratio[]): Ratio => xs.reduce(add, ZERO);

/**
 * A decimal or fraction text ("0.15", "1/9", "2") as an exact ratio; null when it is neither.
 * Numbers are read through their shortest decimal text, so 0.1 is exactly 1/10.
 */
export function parseRatio(text: string | number): Ratio | null {
  const s = String(text).trim();
  const frac = /^(\d{1,12})\s*\/\s*(\d{1,12})$/.exec(s);
  if (frac) return BigInt(frac[2]!) === 0n ? null : ratio(BigInt(frac[1]!), BigInt(frac[2]!));
  const dec = /^(\d{1,12})(?:\.(\d{1,12}))?$/.exec(s);
  if (!dec) return null;
  const decimals = dec[2] ?? '';
  return ratio(BigInt(dec[1]! + decimals), 10n ** BigInt(decimals.length));
}

/** "1/9", or "1" for whole numbers. */
export const formatRatio = (r: Ratio): string => (r.d === 1n ? String(r.n) : `${r.n}/${r.d}`);

/**
 * The ratio rounded half up (away from zero for the non-negative figures used here) to `decimals`
 * places, as an integer count of 10^-decimals units: 88.305 → 8831 for 2 decimals.
 */
export function roundHalfUpUnits(r: Ratio, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  const scaled = r.n * scale;
  const q = scaled / r.d;
  const rem = scaled - q * r.d;
  if (r.n >= 0n) return rem * 2n >= r.d ? q + 1n : q;
  return -rem * 2n >= r.d ? q - 1n : q;
}

/** The ratio rounded half up to `decimals` places as a JavaScript number (for JSON and display). */
export const roundHalfUp = (r: Ratio, decimals: number): number =>
  Number(roundHalfUpUnits(r, decimals)) / 10 ** decimals;

export const toNumber = (r: Ratio): number => Number(r.n) / Number(r.d);
