import { invalid } from "@/lib/errors";

/** Keyset cursors: the sort key of the last row, opaque to the client. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const shapes = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const;

export function decodeCursor(cursor: string, kinds: (keyof typeof shapes)[]): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== kinds.length || !values.every((v, i) => typeof v === "string" && shapes[kinds[i] as keyof typeof shapes].test(v))) {
    throw invalid("cursor", { cursor: "This page link is not valid. Start again from the first page." });
  }
  return values as string[];
}

/** A case-insensitive substring pattern with LIKE's wildcards taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
