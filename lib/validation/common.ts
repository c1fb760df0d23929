import { z } from "zod";
import { inDateRange, isRealIsoDate, MAX_DATE, MIN_DATE } from "@/lib/date-text";
import { vm } from "@/lib/i18n/validation";

export const id = (label = "This") => z.uuid({ error: vm("invalidId", { label }) });

/**
 * A calendar date written YYYY-MM-DD that really exists (no 31 April), within the years the app
 * takes. The words match what the date input shows ("15 Feb 2022"); the API sends the ISO form.
 */
export const isoDate = (label: string) =>
  z
    .string({ error: vm("dateFormat", { label }) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: vm("dateFormat", { label }), abort: true })
    .refine(isRealIsoDate, { error: vm("realDate", { label }), abort: true })
    .refine(inDateRange, { error: vm("dateRange", { label, fromDate: MIN_DATE, toDate: MAX_DATE }) });

export const text = (label: string, max: number) =>
  z.string({ error: vm("mustBeText", { label }) }).max(max, { error: vm("maxChars", { label, max: String(max) }) });

/** An optional text that is null when left empty (a French name, an acronym). */
export const optionalText = (label: string, max: number) =>
  text(label, max)
    .trim()
    .transform((s) => s || null)
    .nullable();

export const requiredText = (label: string, max: number) =>
  text(label, max).trim().min(1, { error: vm("required", { label }) });

export const version = z
  .number({ error: vm("versionNumber") })
  .int({ error: vm("versionWhole") })
  .min(1, { error: vm("versionMin") });

/**
 * Turns a zod error into one message per field, keyed by the field's name
 * ("participantOrganisationIds.2" → "participantOrganisationIds"; an update action's
 * "patch.title" → "title", so the form shows it under its field).
 */
export function fieldErrors(error: z.ZodError, say: (issue: z.core.$ZodIssue) => string = (issue) => issue.message): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === "patch" && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const key = path.length ? String(path[0]) : "_";
    // Own properties only: a field called "constructor" must not meet Object.prototype's.
    if (!Object.hasOwn(out, key)) Object.defineProperty(out, key, { value: say(issue), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Where in an input the first NUL character is (no PostgreSQL text column can store one), or null. */
/** The first text that cannot be stored: a NUL, or a lone surrogate (broken UTF-16, which is no UTF-8). */
function badTextPath(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; message: string } | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path, message: vm("nulCharacter") };
    if (!value.isWellFormed()) return { path, message: vm("brokenCharacter") };
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      const found = badTextPath(v, [...path, key]);
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
  const bad = parsed.success ? badTextPath(parsed.data) : null;
  if (!bad) return parsed;
  const issue = { code: "custom" as const, path: bad.path, message: bad.message, input: raw };
  return { success: false, error: new z.ZodError([issue]) as z.ZodError<z.output<S>> };
}

/** A CSV export's separator: comma (the default) or semicolon, for Excel in a European locale. */
export const csvSep = z.enum(["comma", "semicolon"], { error: vm("csvSep") });
