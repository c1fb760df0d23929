import { z } from "zod";

export const id = (label = "This") => z.uuid({ error: `${label} is not a valid reference.` });

/** A calendar date written YYYY-MM-DD that really exists (no 31 April). */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2022-02-15.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date like 2022-02-15.` })
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1900-01-01" && s <= "2999-12-31";
      },
      { error: `${label} is not a real date.` },
    );

export const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text.` }).max(max, { error: `${label} must be at most ${max} characters.` });

export const requiredText = (label: string, max: number) =>
  text(label, max).trim().min(1, { error: `Enter ${label.toLowerCase()}.` });

export const version = z
  .number({ error: "version must be the number of the version you edited." })
  .int({ error: "version must be a whole number." })
  .min(1, { error: "version must be at least 1." });

/**
 * Turns a zod error into one message per field, keyed by the field's name
 * ("participantOrganisationIds.2" → "participantOrganisationIds"; an update action's
 * "patch.title" → "title", so the form shows it under its field).
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === "patch" && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const key = path.length ? String(path[0]) : "_";
    // Own properties only: a field called "constructor" must not meet Object.prototype's.
    if (!Object.hasOwn(out, key)) Object.defineProperty(out, key, { value: issue.message, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Where in an input the first NUL character is (no PostgreSQL text column can store one), or null. */
function nulPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value && typeof value === "object") {
    for (const [key, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      const found = nulPath(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * `schema.safeParse` for input from outside (API bodies and queries, server actions): text with a
 * NUL character in a field the schema keeps is refused, naming the field, because the database would
 * refuse it later. (Unknown fields are dropped by the schema, NUL or not.)
 */
export function safeParseInput<S extends z.ZodType>(schema: S, raw: unknown): z.ZodSafeParseResult<z.output<S>> {
  const parsed = schema.safeParse(raw);
  const nul = parsed.success ? nulPath(parsed.data) : null;
  if (!nul) return parsed;
  const issue = { code: "custom" as const, path: nul, message: "Remove the NUL character (\\0): it cannot be stored.", input: raw };
  return { success: false, error: new z.ZodError([issue]) as z.ZodError<z.output<S>> };
}
