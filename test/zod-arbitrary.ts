import fc from 'fast-check';
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
type Check = {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  pattern?: RegExp;
  format?: string;
};

/** Values common in our contracts, tried for refined strings random text rarely satisfies. */
const TYPICAL = [
  'https://example.test/hook',
  'http://127.0.0.1:8080/x',
  'warga@example.test',
  '2026-11-24',
  '08:00',
  '+6281234567890',
  '081234567890',
  '3204011505900001',
  'Loket 1',
  'abc',
];

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) =>
  ((d.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/**
 * A fast-check arbitrary of values a zod schema accepts, read from the schema itself (its types,
 * length and range checks, regex patterns), so property tests follow the contracts as they change.
 * Covers the shapes our contracts use; anything else throws so a new shape is noticed.
 */
export function arbitraryOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const checks = checksOf(d);
  const num = (name: string) => checks.find((c) => c.check === name);
  switch (d.type) {
    case 'optional':
    case 'default':
      return arbitraryOf(d.innerType as z.ZodType);
    case 'nullable':
      return fc.option(arbitraryOf(d.innerType as z.ZodType), { nil: null, freq: 4 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'number': {
      const lo = num('greater_than');
      const hi = num('less_than');
      const int = checks.some((c) => c.check === 'number_format' && c.format !== 'float64');
      const min = lo ? Number(lo.value) + (lo.inclusive ? 0 : 1) : -1000;
      const max = hi ? Math.min(Number(hi.value) - (hi.inclusive ? 0 : 1), 1_000_000) : 1_000_000;
      if (int || min <= max) return fc.integer({ min, max });
      // A fraction between bounds no integer fits (0 < x < 1).
      return fc.double({
        min: Number(lo?.value ?? -1000),
        max: Number(hi?.value ?? 1_000_000),
        minExcluded: lo ? !lo.inclusive : false,
        maxExcluded: hi ? !hi.inclusive : false,
        noNaN: true,
      });
    }
    case 'string': {
      const valid = (v: string) => schema.safeParse(v).success;
      // z.email(), z.url()…: the schema is its own format check.
      const format =
        d.check === 'string_format'
          ? (d as unknown as Check)
          : checks.find((c) => c.check === 'string_format');
      const pattern = format?.pattern;
      const minLength = num('min_length')?.minimum ?? 0;
      const maxLength = Math.max(minLength, Math.min(num('max_length')?.maximum ?? 40, 40));
      const base =
        format?.format === 'url'
          ? fc.webUrl()
          : format?.format === 'email'
            ? fc.emailAddress()
            : pattern
              ? fc.stringMatching(pattern)
              : fc.string({ minLength, maxLength, unit: 'grapheme' }).map((v) => v.trim());
      // A refinement (a URL that must parse, a real date…), a format or a pattern with length
      // checks random text rarely meets: a few typical values it may accept, then the first of
      // twelve tries it accepts (never an endless filter).
      if (format || checks.some((c) => c.check === 'custom')) {
        const seeds = TYPICAL.filter(valid);
        const tries = fc
          .array(base, { minLength: 12, maxLength: 12 })
          .map((xs) => xs.find(valid) ?? seeds[0] ?? xs[0]!);
        return seeds.length
          ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...seeds) }, { weight: 3, arbitrary: tries })
          : tries;
      }
      return base.filter(valid);
    }
    case 'array': {
      const exact = (checks.find((c) => c.check === 'length_equals') as { length?: number } | undefined)
        ?.length;
      const minLength = exact ?? checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = exact ?? Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 4, 4);
      return fc.array(arbitraryOf(d.element as z.ZodType), {
        minLength,
        maxLength: Math.max(minLength, maxLength),
      });
    }
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v)])), {
        requiredKeys: Object.keys(shape).filter(
          (k) => !['optional', 'default'].includes(defOf(shape[k]!).type),
        ),
      });
    }
    case 'union':
      return fc.oneof(...(d.options as z.ZodType[]).map(arbitraryOf));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'pipe':
      // The input side, the first of eight tries the whole pipe (its checks on the output) accepts.
      return fc
        .array(arbitraryOf(d.in as z.ZodType), { minLength: 8, maxLength: 8 })
        .map((xs) => xs.find((v) => schema.safeParse(v).success) ?? xs[0]);
    case 'record':
      return fc.dictionary(
        arbitraryOf(d.keyType as z.ZodType) as fc.Arbitrary<string>,
        arbitraryOf(d.valueType as z.ZodType),
        { maxKeys: 4 },
      );
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      throw new Error(`arbitraryOf: no generator for zod type "${d.type}"`);
  }
}
