import "server-only";
import type { Db } from "@/db/client";
import { recordEvent } from "@/db/queries/activity";
import type { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";

/** The entity of a failed sign-in with an e-mail no user has: the nil uuid (entity_id is NOT NULL). */
export const NO_USER = "00000000-0000-0000-0000-000000000000";

/**
 * Appends to the audit trail and never fails the request it records: an audit write that goes
 * wrong is logged, the answer to the user stays what it was.
 */
async function safely(db: Db | Promise<Db>, write: (db: Db) => Promise<void>) {
  try {
    await write(await db);
  } catch (e) {
    console.error("audit trail write failed", e);
  }
}

/**
 * A sign-in: "signed_in" for the user (with method "sso" for single sign-on); "sign_in_failed"
 * with the e-mail tried (lower-cased, never the password).
 */
export function recordSignIn(db: Db | Promise<Db>, outcome: { ok: true; userId: string; method?: "sso" } | { ok: false; userId: string | null; email: string }) {
  return safely(db, (db) =>
    outcome.ok
      ? recordEvent(db, outcome.userId, "user", outcome.userId, "signed_in", outcome.method ? { method: outcome.method } : undefined)
      : recordEvent(db, outcome.userId, "user", outcome.userId ?? NO_USER, "sign_in_failed", { email: outcome.email.trim().toLowerCase().slice(0, 320) }),
  );
}

/** A sign-in refused without checking the password, because of too many recent failures. */
export function recordThrottled(db: Db | Promise<Db>, attempt: { userId: string | null; email: string; address: string | null }) {
  return safely(db, (db) =>
    recordEvent(db, attempt.userId, "user", attempt.userId ?? NO_USER, "sign_in_throttled", { email: attempt.email.slice(0, 320), address: attempt.address }),
  );
}

/** A single sign-on the provider vouched for but we refused: why, with the e-mail and the provider. */
export function recordSsoRefused(db: Db | Promise<Db>, attempt: { userId: string | null; email: string; issuer: string; reason: string }) {
  return safely(db, (db) =>
    recordEvent(db, attempt.userId, "user", attempt.userId ?? NO_USER, "sign_in_refused", {
      method: "sso",
      reason: attempt.reason,
      email: attempt.email.trim().toLowerCase().slice(0, 320),
      issuer: attempt.issuer.slice(0, 500),
    }),
  );
}

/** A password sign-in while PASSWORD_SIGNIN=false: refused before anything is checked. */
export function recordPasswordSignInOff(db: Db | Promise<Db>, email: string) {
  return safely(db, (db) => recordEvent(db, null, "user", NO_USER, "sign_in_refused", { method: "password", reason: "password_sign_in_off", email: email.trim().toLowerCase().slice(0, 320) }));
}

/** A refused (403) attempt by a signed-in user: what was refused, and where. */
export function recordRefused(db: Db | Promise<Db>, viewer: Viewer, error: AppError, where: { method: string; path: string | null }) {
  return safely(db, (db) => recordEvent(db, viewer.id, "user", viewer.id, "refused", { code: error.code, method: where.method, path: where.path }));
}
