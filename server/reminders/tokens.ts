import crypto from "node:crypto";
import { authSecret } from "@/server/env";
import { userNotificationKinds } from "@/db/enums";

/**
 * Unsubscribe links work without signing in: the token names the user and the kind of mail, and is
 * signed (HMAC-SHA256) with the auth secret under its own purpose, so it cannot be forged, reused
 * for another user or kind, or mistaken for any other signed value of the app.
 */
export const unsubscribeKinds = ["digest", "assignment"] as const;
/** A notice e-mail's kind of notification: unsubscribing turns that kind's e-mail off (the profile's "Never"). */
export type NoticeUnsubscribeKind = `notice:${(typeof userNotificationKinds)[number]}`;
export type UnsubscribeKind = (typeof unsubscribeKinds)[number] | NoticeUnsubscribeKind;

const purpose = "tracker:unsubscribe:v1";
const mac = (payload: string) => crypto.createHmac("sha256", authSecret()).update(`${purpose}\n${payload}`).digest("base64url");

export function unsubscribeToken(userId: string, kind: UnsubscribeKind): string {
  const payload = `${userId}.${kind}`;
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload)}`;
}

/** The user and kind a token was made for, or null for a malformed or forged one. */
export function readUnsubscribeToken(token: unknown): { userId: string; kind: UnsubscribeKind } | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(digest|assignment|notice:[a-z_]{1,40})$/.exec(payload);
  if (!match) return null;
  const kind = match[2]!;
  if (kind.startsWith("notice:") && !(userNotificationKinds as readonly string[]).includes(kind.slice("notice:".length))) return null;
  return { userId: match[1]!, kind: kind as UnsubscribeKind };
}

/**
 * The key `npm run reminders` shows the running server to ask it for a run: derived from the auth
 * secret (kept in the data directory in the embedded mode, where this is used), never sent in mail.
 */
export const runRemindersKey = () => crypto.createHmac("sha256", authSecret()).update("tracker:run-reminders:v1").digest("base64url");

export function isRunRemindersKey(given: string | null): boolean {
  const expected = Buffer.from(runRemindersKey());
  const g = Buffer.from(given ?? "");
  return g.length === expected.length && crypto.timingSafeEqual(g, expected);
}
