/**
 * The diff an edit form sends: only the fields whose value differs from what the edit started
 * from, so a concurrent edit of another field is not overwritten. Values compare by content
 * (arrays and objects too); `sets` names arrays whose order does not matter (chosen ids). A field
 * that comes back undefined (a disabled input) is left alone.
 */
export function changedFields<T extends object>(values: T, base: Partial<T>, opts: { only?: readonly (keyof T)[]; sets?: readonly (keyof T)[] } = {}): Partial<T> {
  const out: Partial<T> = {};
  for (const key of opts.only ?? (Object.keys(values) as (keyof T)[])) {
    const now = values[key];
    const then = base[key];
    if (now === undefined) continue;
    const same = opts.sets?.includes(key) && Array.isArray(now) && Array.isArray(then) ? sameSet(now, then) : sameValue(now, then ?? null);
    if (!same) out[key] = now;
  }
  return out;
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x) => b.some((y) => sameValue(x, y)));

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
