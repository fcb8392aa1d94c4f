import { z } from 'zod';

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;
export type PatchShape<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<WithoutDefault<T[K]>> };

/**
 * The PATCH schema of a create schema: every field optional and none defaulted.
 * zod 4's `.partial()` keeps inner `.default()`s, so a partial body such as `{"hotline":…}` would come
 * back from parsing with `agreementStatus: "none"` filled in and overwrite the stored value; a PATCH
 * must change exactly the fields it names.
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<PatchShape<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = bare.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<PatchShape<T>>;
}
