/**
 * Single sign-on decides on the ID token's claims: a linked provider account signs in its user
 * (even after an e-mail change at the provider), a verified e-mail links an existing user or
 * provisions a new one as staff of the domain's organisation, and everything else is refused with
 * a reason — each outcome in the audit trail. Against the real database, on both engines.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "@/db/queries/users";
import { activity, organisations, userIdentities, users } from "@/db/schema";
import { NO_USER } from "@/server/audit";
import { checkCredentials } from "@/server/sign-in";
import { signInWithSso } from "@/server/sso";
import { engines, type TestDatabase } from "../support/databases";
import { orgId } from "../support/demo";

const iss = "https://idp.example/realms/tracker";
const strict = { trustEmail: false };

describe.each(engines)("single sign-on on $name", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await engine.open();
  });
  afterAll(() => t?.close());

  const userCount = async () => (await t.db.select({ n: count() }).from(users))[0]!.n;
  const identitiesOf = (userId: string) => t.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
  const events = (action: string, entityId: string) =>
    t.db.select().from(activity).where(and(eq(activity.action, action), eq(activity.entityId, entityId))).orderBy(activity.id);
  const refusals = async (email: string) =>
    (await t.db.select().from(activity).where(and(eq(activity.action, "sign_in_refused"), sql`${activity.after}->>'email' = ${email}`))).map((r) => r.after);

  it("provisions a new user of a known domain as staff of its organisation, and finds them by subject after an e-mail change", async () => {
    const before = await userCount();
    const first = await signInWithSso(t.db, { iss, sub: "sub-new-1", email: "Nadia.Okafor@UNODC.example", email_verified: true, name: "Nadia Okafor" }, strict);
    expect(first).toMatchObject({ provisioned: true, user: { name: "Nadia Okafor", email: "nadia.okafor@unodc.example", role: "staff", organisationId: await orgId(t.db, "UNODC") } });
    if (!("user" in first)) throw new Error("refused");
    const row = await findUserByEmail(t.db, "nadia.okafor@unodc.example");
    expect(row).toMatchObject({ id: first.user.id, active: true, passwordHash: null });
    expect(await userCount()).toBe(before + 1);
    expect(await identitiesOf(first.user.id)).toMatchObject([{ issuer: iss, subject: "sub-new-1" }]);
    expect(await events("created", first.user.id)).toMatchObject([{ actorId: null, after: { via: "single sign-on", role: "staff" } }]);
    expect(await events("signed_in", first.user.id)).toMatchObject([{ actorId: first.user.id, after: { method: "sso" } }]);

    // The provider now says another address (and does not vouch for it): same subject, same user.
    const again = await signInWithSso(t.db, { iss, sub: "sub-new-1", email: "n.okafor@elsewhere.example", email_verified: false }, strict);
    expect(again).toMatchObject({ provisioned: false, user: { id: first.user.id } });
    expect(await userCount()).toBe(before + 1);
    // A password sign-in is not possible for them (no password), and says so like any wrong password.
    expect(await checkCredentials(t.db, { email: "nadia.okafor@unodc.example", password: "anything-at-all" })).toEqual({ refused: "invalid" });
  });

  it("takes the name from given and family name, or the e-mail, when the token has no name", async () => {
    const given = await signInWithSso(t.db, { iss, sub: "sub-given", email: "jo@ec.example", email_verified: true, given_name: "Jo", family_name: "Marsh" }, strict);
    expect(given).toMatchObject({ user: { name: "Jo Marsh", organisationId: await orgId(t.db, "EC") } });
    const bare = await signInWithSso(t.db, { iss, sub: "sub-bare", email: "k.lind@ec.example", email_verified: true }, strict);
    expect(bare).toMatchObject({ user: { name: "k.lind" } });
  });

  it("places a domain several organisations list in the one highest in the tree, else the one with the most people", async () => {
    // eeas.europa.eu is the EEAS's and the Vienna delegation's (neither above the other; the EEAS has people).
    const outcome = await signInWithSso(t.db, { iss, sub: "sub-shared", email: "a.berg@eeas.europa.eu", email_verified: true, name: "A Berg" }, strict);
    expect(outcome).toMatchObject({ user: { organisationId: await orgId(t.db, "EEAS") } });
    // A directorate listing its parent's domain (DG HOME under the EC) does not take the parent's people.
    await t.db.update(organisations).set({ domains: ["ec.example", "home.ec.example"] }).where(eq(organisations.id, await orgId(t.db, "DG HOME")));
    expect(await signInWithSso(t.db, { iss, sub: "sub-ec", email: "r.moll@ec.example", email_verified: true }, strict)).toMatchObject({ user: { organisationId: await orgId(t.db, "EC") } });
    expect(await signInWithSso(t.db, { iss, sub: "sub-home", email: "p.sand@home.ec.example", email_verified: true }, strict)).toMatchObject({ user: { organisationId: await orgId(t.db, "DG HOME") } });
    await t.db.update(organisations).set({ domains: [] }).where(eq(organisations.id, await orgId(t.db, "DG HOME")));
  });

  it("links an existing password user with the same verified e-mail instead of creating a second one", async () => {
    const staff = (await findUserByEmail(t.db, "staff@eeas.example"))!;
    const before = await userCount();
    const outcome = await signInWithSso(t.db, { iss, sub: "sub-staff-eeas", email: "STAFF@eeas.example", email_verified: true, name: "Another Name" }, strict);
    expect(outcome).toMatchObject({ provisioned: false, user: { id: staff.id, name: staff.name, role: staff.role, organisationId: staff.organisationId } });
    expect(await userCount()).toBe(before);
    expect(await identitiesOf(staff.id)).toMatchObject([{ issuer: iss, subject: "sub-staff-eeas" }]);
    expect(await events("identity_linked", staff.id)).toMatchObject([{ actorId: staff.id, after: { issuer: iss } }]);
    // The password still works too (while PASSWORD_SIGNIN allows it).
    expect(await checkCredentials(t.db, { email: "staff@eeas.example", password: "demo-password" })).toMatchObject({ user: { id: staff.id } });
  });

  it("does not link or provision on an e-mail the provider has not verified, unless the provider is trusted and silent", async () => {
    const manager = (await findUserByEmail(t.db, "manager@unodc.example"))!;
    expect(await signInWithSso(t.db, { iss, sub: "sub-m1", email: "manager@unodc.example", email_verified: false }, strict)).toEqual({ refused: "unverified_email" });
    expect(await signInWithSso(t.db, { iss, sub: "sub-m1", email: "manager@unodc.example" }, strict)).toEqual({ refused: "unverified_email" });
    expect(await signInWithSso(t.db, { iss, sub: "sub-new-2", email: "fresh@unodc.example" }, strict)).toEqual({ refused: "unverified_email" });
    expect(await identitiesOf(manager.id)).toEqual([]);
    expect(await findUserByEmail(t.db, "fresh@unodc.example")).toBeUndefined();
    expect(await refusals("manager@unodc.example")).toEqual([
      { method: "sso", reason: "unverified_email", email: "manager@unodc.example", issuer: iss },
      { method: "sso", reason: "unverified_email", email: "manager@unodc.example", issuer: iss },
    ]);

    // OIDC_TRUST_EMAIL=true: an absent claim counts as verified; an explicit false still does not.
    expect(await signInWithSso(t.db, { iss, sub: "sub-m1", email: "manager@unodc.example", email_verified: false }, { trustEmail: true })).toEqual({ refused: "unverified_email" });
    expect(await signInWithSso(t.db, { iss, sub: "sub-m1", email: "manager@unodc.example" }, { trustEmail: true })).toMatchObject({ user: { id: manager.id } });
  });

  it("refuses an e-mail domain no active organisation lists, and records it", async () => {
    const before = await userCount();
    expect(await signInWithSso(t.db, { iss, sub: "sub-x", email: "someone@example.com", email_verified: true }, strict)).toEqual({ refused: "unknown_domain", domain: "example.com" });
    expect(await refusals("someone@example.com")).toEqual([{ method: "sso", reason: "unknown_domain", email: "someone@example.com", issuer: iss }]);
    const [row] = await t.db.select().from(activity).where(and(eq(activity.action, "sign_in_refused"), eq(activity.entityId, NO_USER))).limit(1);
    expect(row).toMatchObject({ actorId: null, entityType: "user" });

    // An archived organisation's domains place no one.
    await t.db.update(organisations).set({ archived: true }).where(eq(organisations.id, await orgId(t.db, "EC")));
    expect(await signInWithSso(t.db, { iss, sub: "sub-y", email: "new.one@ec.example", email_verified: true }, strict)).toEqual({ refused: "unknown_domain", domain: "ec.example" });
    await t.db.update(organisations).set({ archived: false }).where(eq(organisations.id, await orgId(t.db, "EC")));
    expect(await userCount()).toBe(before);
  });

  it("refuses a deactivated user, linked or not, and does not link them", async () => {
    const linked = await signInWithSso(t.db, { iss, sub: "sub-leaver", email: "leaver@unodc.example", email_verified: true, name: "Leaver" }, strict);
    if (!("user" in linked)) throw new Error("refused");
    await t.db.update(users).set({ active: false }).where(eq(users.id, linked.user.id));
    expect(await signInWithSso(t.db, { iss, sub: "sub-leaver", email: "leaver@unodc.example", email_verified: true }, strict)).toEqual({ refused: "deactivated" });
    expect(await events("sign_in_refused", linked.user.id)).toMatchObject([{ actorId: linked.user.id, after: { reason: "deactivated" } }]);

    const manager = (await findUserByEmail(t.db, "manager@eeas.example"))!;
    await t.db.update(users).set({ active: false }).where(eq(users.id, manager.id));
    expect(await signInWithSso(t.db, { iss, sub: "sub-m2", email: "manager@eeas.example", email_verified: true }, strict)).toEqual({ refused: "deactivated" });
    expect(await identitiesOf(manager.id)).toEqual([]);
    await t.db.update(users).set({ active: true }).where(eq(users.id, manager.id));
  });

  it("refuses a token without a usable e-mail", async () => {
    expect(await signInWithSso(t.db, { iss, sub: "sub-noemail", email_verified: true, name: "No Mail" }, strict)).toEqual({ refused: "no_email" });
    expect(await signInWithSso(t.db, { iss, sub: "sub-bademail", email: "not an address", email_verified: true }, strict)).toEqual({ refused: "no_email" });
    expect(await refusals("not an address")).toMatchObject([{ reason: "no_email" }]);
  });

  it("keeps accounts at different issuers apart", async () => {
    const other = "https://login.example.net/tenant/v2.0";
    const nadia = (await findUserByEmail(t.db, "nadia.okafor@unodc.example"))!;
    // Same subject string at another provider is another account: it goes by its own (verified) e-mail.
    expect(await signInWithSso(t.db, { iss: other, sub: "sub-new-1", email: "someone@example.com", email_verified: true }, strict)).toEqual({ refused: "unknown_domain", domain: "example.com" });
    expect(await signInWithSso(t.db, { iss: other, sub: "sub-new-1", email: "nadia.okafor@unodc.example", email_verified: true }, strict)).toMatchObject({ user: { id: nadia.id } });
    expect((await identitiesOf(nadia.id)).map((i) => i.issuer).sort()).toEqual([iss, other].sort());
  });
});
