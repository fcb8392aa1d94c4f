/**
 * The fields of an edited record that differ from what was loaded, so an edit form PATCHes only what
 * the person changed (a stale or defaulted field can then never overwrite someone else's edit).
 */
export function changedFields<T extends object>(loaded: T, edited: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(loaded[key])) out[key] = edited[key];
  }
  return out;
}

export const isEmpty = (o: object) => Object.keys(o).length === 0;
