import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { findUserByIdentity, linkIdentity, organisationForDomain, provisionUser, type User } from "@/db/queries/identities";
import { findUserByEmail } from "@/db/queries/users";
import { recordSignIn, recordSsoRefused } from "@/server/audit";
import type { SignedInUser } from "@/server/sign-in";

/** Why a single sign-on was refused; each has its sentence on the refusal page (app/(auth)/signin/refused). */
export const ssoRefusals = ["unknown_domain", "deactivated", "unverified_email", "no_email"] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];
export type SsoOutcome = { user: SignedInUser; provisioned: boolean } | { refused: SsoRefusal; domain?: string };

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

/**
 * Who an ID token (its validated claims) signs in, or why not. In order:
 * 1. an account at the provider already linked (issuer + subject) signs in its user, whatever the
 *    e-mail says now (it may have changed at the provider) — unless the user is deactivated;
 * 2. otherwise the e-mail must be verified (`email_verified: true`; an absent claim counts only
 *    when the provider is trusted, OIDC_TRUST_EMAIL): an e-mail no one has verified neither
 *    links to an existing user nor places a new one in an organisation;
 * 3. an existing user with that e-mail (a password user so far) is linked, not duplicated;
 * 4. a new user is provisioned as staff of the active organisation that lists the e-mail's domain.
 * Every outcome goes into the audit trail.
 */
export async function signInWithSso(db: Db, claims: Record<string, unknown>, options: { trustEmail: boolean }): Promise<SsoOutcome> {
  const issuer = String(claims.iss ?? "");
  const subject = String(claims.sub ?? "");
  if (!issuer || !subject) throw new Error("An ID token always names its issuer and subject");
  const identity = { issuer, subject };
  const parsedEmail = email.safeParse(claims.email);
  const address = parsedEmail.success ? parsedEmail.data : null;
  const refuse = async (reason: SsoRefusal, user?: User, domain?: string): Promise<SsoOutcome> => {
    await recordSsoRefused(db, { userId: user?.id ?? null, email: address ?? (typeof claims.email === "string" ? claims.email : ""), issuer, reason });
    return domain ? { refused: reason, domain } : { refused: reason };
  };
  const signedIn = async (user: User, provisioned = false): Promise<SsoOutcome> => {
    await recordSignIn(db, { ok: true, userId: user.id, method: "sso" });
    return { user: { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId }, provisioned };
  };

  const linked = await findUserByIdentity(db, issuer, subject);
  if (linked) return linked.active ? signedIn(linked) : refuse("deactivated", linked);

  if (!address) return refuse("no_email");
  const verified = claims.email_verified === true || claims.email_verified === "true" || (claims.email_verified === undefined && options.trustEmail);
  const existing = await findUserByEmail(db, address);
  if (!verified) return refuse("unverified_email", existing);
  if (existing) {
    if (!existing.active) return refuse("deactivated", existing);
    await linkIdentity(db, identity, existing);
    return signedIn(existing);
  }
  const domain = address.slice(address.lastIndexOf("@") + 1);
  const organisation = await organisationForDomain(db, domain);
  if (!organisation) return refuse("unknown_domain", undefined, domain);
  const user = await provisionUser(db, identity, { name: displayName(claims, address), email: address, organisationId: organisation.id });
  return signedIn(user, true);
}

/** The person's name from the token: `name`, else given and family name, else the e-mail's local part. */
function displayName(claims: Record<string, unknown>, address: string): string {
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const name = str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || address.slice(0, address.lastIndexOf("@"));
  return name.slice(0, 200);
}
