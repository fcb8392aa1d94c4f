import {
  add,
  div,
  formatRatio,
  mul,
  type Ratio,
  ratio,
  roundHalfUp,
  roundHalfUpUnits,
  sum,
  ZERO,
} from './ratio.js';

/**
 * The satisfaction survey index of PermenPANRB 14/2017 (docs/skm.md), computed exactly:
 * NRR per element = sum of its scores ÷ questionnaires that answered it; SKM value = Σ NRR × weight
 * (1–4); IKM = SKM value × 25 (25–100). Exact weights (1/9, never 0.111), no intermediate rounding:
 * only the published figures are rounded, half up: NRR to 4 decimals, IKM to 2. The grade is read
 * from the rounded IKM by lower bounds, since the regulation's bands leave gaps (88.30 | 88.31).
 */

export type SkmGrade = 'A' | 'B' | 'C' | 'D';
export const GRADE_LABELS: Record<SkmGrade, string> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};
/** Lower bounds of the grades on the rounded IKM, in hundredths (88.31 → 8831). */
export const GRADE_BOUNDS: readonly { grade: SkmGrade; from: number }[] = [
  { grade: 'A', from: 8831 },
  { grade: 'B', from: 7661 },
  { grade: 'C', from: 6500 },
  { grade: 'D', from: 2500 },
];
/** The conversion from the 1–4 SKM value to the 25–100 IKM. */
export const IKM_FACTOR = 25;

/** Grade of an IKM already rounded to 2 decimals (88.31 → A; 88.3 → B). */
export function gradeOf(ikm: number): { grade: SkmGrade; label: string } {
  const hundredths = Math.round(ikm * 100);
  const grade = GRADE_BOUNDS.find((b) => hundredths >= b.from)?.grade ?? 'D';
  return { grade, label: GRADE_LABELS[grade] };
}

export interface WeightedElement {
  code: string;
  name: string;
  weight: Ratio;
}

/** Sum and count of one element's answers (what the database aggregates). */
export interface ElementTotals {
  sum: number;
  count: number;
}

export interface SkmElementResult {
  code: string;
  name: string;
  /** Exact weight as a fraction text ("1/9"). */
  weight: string;
  answered: number;
  sum: number;
  /** NRR to 4 decimals (half up); null when nobody answered the element. */
  nrr: number | null;
  /** NRR × weight to 4 decimals, for the report's table; null when unanswered. */
  nrrWeighted: number | null;
}

export interface SkmResult {
  respondents: number;
  elements: SkmElementResult[];
  /** SKM value (1–4), 4 decimals; null without answers. */
  skm: number | null;
  /** IKM (25–100), 2 decimals half up; null without answers. */
  ikm: number | null;
  grade: SkmGrade | null;
  label: string | null;
  /** Elements left out because nobody answered them (their weight is shared out over the rest). */
  unanswered: string[];
  /**
   * The figure reports made by hand usually print: weight 1/n rounded to 3 decimals (0.111), NRR
   * to 2 and each weighted NRR to 3 decimals before summing. Offered beside the exact one, labelled.
   */
  legacy: { ikm: number; grade: SkmGrade; label: string; weights: number[] } | null;
}

/** True when the weights are all positive and add up to exactly 1. */
export function weightsValid(weights: readonly Ratio[]): boolean {
  const total = sum(weights);
  return weights.length > 0 && weights.every((w) => w.n > 0n) && total.n === total.d;
}

/** The exact SKM figures from per-element totals (codes missing from `totals` count as unanswered). */
export function computeSkm(
  elements: readonly WeightedElement[],
  totals: Readonly<Record<string, ElementTotals | undefined>>,
  respondents: number,
): SkmResult {
  const nrrOf = (e: WeightedElement) => {
    const t = totals[e.code];
    return t && t.count > 0 ? ratio(t.sum, t.count) : null;
  };
  const answered = elements.filter((e) => nrrOf(e) !== null);
  // Weights of the answered elements, shared out so they still add up to 1.
  const answeredWeight = sum(answered.map((e) => e.weight));
  let skm: Ratio = ZERO;
  for (const e of answered) skm = add(skm, mul(nrrOf(e)!, div(e.weight, answeredWeight)));
  const rows: SkmElementResult[] = elements.map((e) => {
    const nrr = nrrOf(e);
    const t = totals[e.code];
    return {
      code: e.code,
      name: e.name,
      weight: formatRatio(e.weight),
      answered: t?.count ?? 0,
      sum: t?.sum ?? 0,
      nrr: nrr ? roundHalfUp(nrr, 4) : null,
      nrrWeighted: nrr ? roundHalfUp(mul(nrr, div(e.weight, answeredWeight)), 4) : null,
    };
  });
  const unanswered = elements.filter((e) => nrrOf(e) === null).map((e) => e.code);
  if (!answered.length)
    return {
      respondents,
      elements: rows,
      skm: null,
      ikm: null,
      grade: null,
      label: null,
      unanswered,
      legacy: null,
    };
  const ikm = Number(roundHalfUpUnits(mul(skm, ratio(IKM_FACTOR)), 2)) / 100;
  return {
    respondents,
    elements: rows,
    skm: roundHalfUp(skm, 4),
    ikm,
    ...gradeOf(ikm),
    unanswered,
    legacy: legacyIkm(answered.map((e) => ({ weight: div(e.weight, answeredWeight), nrr: nrrOf(e)! }))),
  };
}

/** The hand-made variant (see SkmResult.legacy), computed in thousandths to avoid float drift. */
function legacyIkm(rows: { weight: Ratio; nrr: Ratio }[]): SkmResult['legacy'] {
  let skmThousandths = 0n;
  const weights: number[] = [];
  for (const r of rows) {
    const w = roundHalfUpUnits(r.weight, 3); // 1/9 → 111 (0.111)
    const nrr = roundHalfUpUnits(r.nrr, 2); // 3.4567 → 346 (3.46)
    weights.push(Number(w) / 1000);
    skmThousandths += roundHalfUpUnits(ratio(w * nrr, 100_000n), 3);
  }
  const ikm = roundHalfUp(ratio(skmThousandths * 25n, 1000n), 2);
  return { ikm, ...gradeOf(ikm), weights };
}
