import "server-only";
import { verify } from "@node-rs/argon2";
import type { Db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { recordSignIn } from "@/lib/audit";
import { signInInput } from "@/lib/validation/auth";

/**
 * The credentials check behind the sign-in form (Auth.js authorize): the user, or null. Every
 * attempt with an e-mail address goes into the audit trail, successful or not.
 */
export async function checkCredentials(db: Db, raw: unknown) {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) {
    const email = typeof raw === "object" && raw !== null && "email" in raw ? raw.email : undefined;
    if (typeof email === "string" && email.trim()) await recordSignIn(db, { ok: false, userId: null, email });
    return null;
  }
  const user = await findUserByEmail(db, parsed.data.email);
  const ok = !!user && user.active && !!user.passwordHash && (await verify(user.passwordHash, parsed.data.password));
  if (!user || !ok) {
    await recordSignIn(db, { ok: false, userId: user?.id ?? null, email: parsed.data.email });
    return null;
  }
  await recordSignIn(db, { ok: true, userId: user.id });
  return { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId };
}
