import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SurveyElement, SurveyElementsInput } from '../../../shared/contracts/surveys.js';
import { formatRatio, parseRatio, type Ratio, sum, toNumber } from '../../../shared/domain/ratio.js';
import { type WeightedElement, weightsValid } from '../../../shared/domain/skm.js';
import { DEFAULT_SKM_ELEMENTS, GENERIC_SKM_OPTIONS } from '../../../shared/domain/skm-elements.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './surveys.repo.js';

type Element = z.infer<typeof SurveyElement>;

/** The regulation's nine at 1/9, used while a mall has saved no list of its own. */
const DEFAULTS: Element[] = DEFAULT_SKM_ELEMENTS.map((e) => ({
  ...e,
  options: [...e.options],
  weight: `1/${DEFAULT_SKM_ELEMENTS.length}`,
}));

/** The mall's elements in order, with exact weights; `customised` false while on the defaults. */
export async function mallElements(
  db: Kysely<DB>,
  mallId: number,
): Promise<{ elements: Element[]; customised: boolean }> {
  const rows = await repo.elementsOfMall(db, mallId);
  if (!rows.length) return { elements: DEFAULTS, customised: false };
  return {
    customised: true,
    elements: rows.map((r) => ({
      code: r.code,
      name: r.name,
      question: r.question,
      options: JSON.parse(r.options) as string[],
      weight: r.weight,
    })),
  };
}

/** The elements as the formula takes them (weights parsed to exact fractions). */
export const weighted = (elements: Element[]): WeightedElement[] =>
  elements.map((e) => ({ code: e.code, name: e.name, weight: parseRatio(e.weight)! }));

/**
 * Replaces the mall's element list. Every weight must be positive and all must add up to exactly 1
 * (fractions are exact: nine times "1/9" is 1, nine times "0.111" is not), codes unique. A default
 * code keeps the regulation's question and answer labels unless others are given. Audited.
 */
export async function saveElements(
  ctx: AppContext,
  mall: MallRecord,
  actor: Actor,
  input: z.infer<typeof SurveyElementsInput>,
): Promise<{ elements: Element[]; customised: boolean }> {
  const codes = input.elements.map((e) => e.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup)
    throw new AppError('VALIDATION_FAILED', `Kode unsur ${dup} ganda (duplicate element code).`, {
      issues: [{ path: ['elements'], message: `duplicate code ${dup}` }],
    });
  const weights: Ratio[] = input.elements.map((e) => parseRatio(e.weight) ?? { n: 0n, d: 1n });
  if (!weightsValid(weights)) {
    const total = sum(weights);
    throw new AppError(
      'SURVEY_WEIGHTS_INVALID',
      `Jumlah bobot harus tepat 1, sekarang ${formatRatio(total)} ≈ ${toNumber(total).toFixed(6)}; tulis 1/9, bukan 0,111 (weights must be positive and add up to exactly 1).`,
      { sum: formatRatio(total) },
    );
  }
  const at = ctx.now().toISOString();
  const elements: Element[] = input.elements.map((e, i) => {
    const std = DEFAULT_SKM_ELEMENTS.find((d) => d.code === e.code);
    return {
      code: e.code,
      name: e.name,
      question: e.question ?? std?.question ?? `Bagaimana pendapat Saudara tentang ${e.name.toLowerCase()}?`,
      options: e.options ?? [...(std?.options ?? GENERIC_SKM_OPTIONS)],
      weight: formatRatio(weights[i]!),
    };
  });
  const before = await mallElements(ctx.database.db, mall.id);
  await inTransaction(ctx.database.db, async (tx) => {
    await repo.replaceElements(
      tx.db,
      mall.id,
      elements.map((e, position) => ({
        mall_id: mall.id,
        position,
        code: e.code,
        name: e.name,
        question: e.question,
        options: JSON.stringify(e.options),
        weight: e.weight,
        updated_at: at,
      })),
    );
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'survey.elements.update',
      entity: 'mall',
      entityId: mall.id,
      before: before.elements.map((e) => ({ code: e.code, name: e.name, weight: e.weight })),
      after: elements.map((e) => ({ code: e.code, name: e.name, weight: e.weight })),
      at,
    });
  });
  return { elements, customised: true };
}
