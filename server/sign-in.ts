import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { Db } from "@/db/client";
import { clearAccountFailures, forgetOldFailures, releaseAttempt, reserveAttempt, throttleKeys } from "@/db/queries/sessions";
import { findUserByEmail } from "@/db/queries/users";
import { recordSignIn, recordThrottled } from "@/server/audit";
import { signInInput } from "@/lib/validation/auth";

export type SignedInUser = { id: string; name: string; email: string; role: "staff" | "manager" | "admin"; organisationId: string };
export type CredentialsOutcome = { user: SignedInUser } | { refused: "invalid" | "throttled" };

// Verified when the account does not exist, so a missing account takes as long as a wrong password.
const decoy = hash("decoy password that matches nothing");

/**
 * The credentials check behind the sign-in form (Auth.js authorize). Every attempt with an e-mail
 * address goes into the audit trail. Guessing is throttled per account and per address: after
 * too many failures in the window, even the right password is refused until the window passes.
 */
export async function checkCredentials(db: Db, raw: unknown, address: string | null = null): Promise<CredentialsOutcome> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) {
    const email = typeof raw === "object" && raw !== null && "email" in raw ? raw.email : undefined;
    if (typeof email === "string" && email.trim()) await recordSignIn(db, { ok: false, userId: null, email });
    return { refused: "invalid" };
  }
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, address);
  const user = await findUserByEmail(db, email);
  const reservation = await reserveAttempt(db, keys);
  if (!reservation) {
    await recordThrottled(db, { userId: user?.id ?? null, email, address });
    return { refused: "throttled" };
  }
  const matches = await verify(user?.passwordHash ?? (await decoy), password);
  if (!user || !user.active || !user.passwordHash || !matches) {
    await forgetOldFailures(db);
    await recordSignIn(db, { ok: false, userId: user?.id ?? null, email });
    return { refused: "invalid" };
  }
  await releaseAttempt(db, reservation);
  await clearAccountFailures(db, email);
  await recordSignIn(db, { ok: true, userId: user.id });
  return { user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId } };
}

/**
 * The address a request came from, for throttling: the last X-Forwarded-For hop (the one our own
 * server or the reverse proxy in front of it added; see SECURITY.md), or null.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return (hops.at(-1) ?? headers.get("x-real-ip") ?? "").slice(0, 100) || null;
}
