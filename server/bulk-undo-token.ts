import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/server/env";

/**
 * The undo of a bulk edit travels with its answer, not in a table: which follow-ups it changed, the
 * version each then had, and what their changed fields were before. It is signed (HMAC-SHA256, its own
 * purpose) so only what the server wrote can be restored, names the one who made the edit, and lasts
 * a few minutes: the toast offers it for seconds; the rest is slack for a slow network.
 */
const purpose = "tracker:bulk-undo:v1";
export const UNDO_MINUTES = 5;
const mac = (payload: string) => crypto.createHmac("sha256", authSecret()).update(`${purpose}\n${payload}`).digest("base64url");

const restorable = z
  .object({
    status: z.string(),
    ownerOrganisationId: z.string(),
    ownerUserId: z.string().nullable(),
    dueOn: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .partial();
const payloadShape = z.object({
  actorId: z.string(),
  madeAt: z.number(),
  items: z.array(z.object({ id: z.string(), version: z.number().int(), before: restorable })),
});
export type UndoPayload = z.infer<typeof payloadShape>;
export type UndoItem = UndoPayload["items"][number];

export function undoToken(actorId: string, items: UndoItem[], now = Date.now()): string {
  const payload = JSON.stringify({ actorId, madeAt: now, items } satisfies UndoPayload);
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload)}`;
}

/** The payload of a token this server signed, or why it cannot be used. */
export function readUndoToken(token: string, actorId: string, now = Date.now()): { ok: true; payload: UndoPayload } | { ok: false; reason: "invalid" | "expired" } {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length) return { ok: false, reason: "invalid" };
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let parsed: z.ZodSafeParseResult<UndoPayload>;
  try {
    parsed = payloadShape.safeParse(JSON.parse(payload));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!parsed.success || parsed.data.actorId !== actorId) return { ok: false, reason: "invalid" };
  if (now - parsed.data.madeAt > UNDO_MINUTES * 60_000) return { ok: false, reason: "expired" };
  return { ok: true, payload: parsed.data };
}
