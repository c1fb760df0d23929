import { invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";

/** Keyset cursors: the sort key of the last row, opaque to the client. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** A day that exists, in years PostgreSQL takes ("2024-02-30" and "0000-01-01" are not). */
export function isRealDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v < "0001-01-01") return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An instant exactly as Date.toISOString writes it (which is how cursors are made). */
export const isIsoInstant = (v: string) => v >= "0001-01-01" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;

/** Text a cursor may carry: no NUL, no broken UTF-16 (PostgreSQL refuses both). */
export const isCursorText = (v: string) => v.length <= 400 && !v.includes("\u0000") && v.isWellFormed();

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** A search's rank bucket (wordRank). */
const isRank = (v: string) => /^[0-3]$/.test(v);

const shapes = { date: isRealDate, uuid: isUuid, rank: isRank } as const;

export function decodeCursor(cursor: string, kinds: (keyof typeof shapes)[]): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== kinds.length || !values.every((v, i) => typeof v === "string" && shapes[kinds[i] as keyof typeof shapes](v))) {
    throw invalid("cursor", { cursor: vm("badCursor") });
  }
  return values as string[];
}

/** A case-insensitive substring pattern with LIKE's wildcards taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The query as a PostgreSQL regular expression matching it literally (for \m…\M word bounds). */
export function literalRegex(q: string): string {
  return q.replace(/[\\.^$|?*+()[\]{}-]/g, (c) => `\\${c}`);
}
