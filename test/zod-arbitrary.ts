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
      return int ? fc.integer({ min, max }) : fc.integer({ min, max }).map((n) => n);
    }
    case 'string': {
      const pattern = checks.find((c) => c.check === 'string_format')?.pattern;
      const minLength = num('min_length')?.minimum ?? 0;
      const maxLength = Math.min(num('max_length')?.maximum ?? 40, 40);
      const base = pattern
        ? fc.stringMatching(pattern)
        : fc.string({ minLength, maxLength, unit: 'grapheme' }).map((s) => s.trim());
      return base.filter((s) => schema.safeParse(s).success);
    }
    case 'array': {
      const minLength = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 4, 4);
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
    default:
      throw new Error(`arbitraryOf: no generator for zod type "${d.type}"`);
  }
}
