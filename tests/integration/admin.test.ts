/**
 * What admins do to the reference lists: organisations are created, moved (never into a cycle),
 * archived (old records stay valid, new ones cannot use them) and merged (every reference moves,
 * in one transaction, with its activity); users are created with a one-time link, changed and
 * deactivated, and the last active admin stays.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listActivity, recordEvent } from "@/db/queries/activity";
import { createFollowUp, updateFollowUp } from "@/db/queries/follow-ups";
import { createMeetingSeries, updateMeetingSeries } from "@/db/queries/meeting-series";
import { createOrganisation, getOrganisation, mergeOrganisation, toOrganisationJson, updateOrganisation } from "@/db/queries/organisations";
import { createPriorityArea, reorderPriorityAreas, updatePriorityArea } from "@/db/queries/priority-areas";
import { listPriorityAreas, listSdgTargets, toMeetingSeriesJson, toPriorityAreaJson } from "@/db/queries/reference";
import { loadSdgTargets } from "@/db/sdg-targets";
import { createUser, findUserByEmail, loadViewer, passwordTokenUser, setPasswordWithToken, updateUser } from "@/db/queries/users";
import { activity, followUps, meetingParticipants, meetings, organisations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { activityFilters } from "@/lib/validation/activity";
import { followUpInput, followUpPatch } from "@/lib/validation/follow-ups";
import { organisationInput, organisationMerge, organisationPatch } from "@/lib/validation/organisations";
import { meetingSeriesInput } from "@/lib/validation/meeting-series";
import { priorityAreaInput, priorityAreaPatch } from "@/lib/validation/priority-areas";
import { userInput, userPatch } from "@/lib/validation/users";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, areaId, count, type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

describe.each(engines)("admin on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let admin: Viewer;
  const acronyms = ["UNODC", "ROSEN", "ROEA", "EC", "DG HOME", "EEAS"] as const;
  let org: Record<(typeof acronyms)[number], string>;
  let drugs: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    admin = v["admin@eeas.example"];
    org = await orgIds(t.db, acronyms);
    drugs = await areaId(t.db, "drugs");
  });
  afterAll(async () => {
    await t?.close();
  });

  async function countWhere(table: PgTable, where: SQL | undefined) {
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
    return row?.n ?? 0;
  }
  async function expectRefused(attempt: Promise<unknown>, status: number, field?: string) {
    const e = await thrown(() => attempt);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(status);
    if (field) expect((e as AppError).fields?.[field]).toBeTruthy();
    return e as AppError;
  }
  const newOrg = (name: string, acronym: string, parentId: string | null = null) =>
    createOrganisation(t.db, admin, organisationInput.parse({ name, acronym, kind: "un", parentId, domains: "x-" + acronym.toLowerCase() + ".example" }));

  it("refuses every reference-list write to staff and managers, and the audit trail too", async () => {
    for (const who of ["staff@unodc.example", "manager@eeas.example", "manager@unodc.example"] as const) {
      const viewer = v[who];
      await expectRefused(createOrganisation(t.db, viewer, organisationInput.parse({ name: "Nope", kind: "other" })), 403);
      await expectRefused(updateOrganisation(t.db, viewer, org.EC, organisationPatch.parse({ name: "Nope", version: 1 })), 403);
      await expectRefused(createUser(t.db, viewer, userInput.parse({ name: "Nope", email: "nope@example.org", organisationId: org.EC })), 403);
      await expectRefused(createMeetingSeries(t.db, viewer, meetingSeriesInput.parse({ name: "Nope" })), 403);
      await expectRefused(createPriorityArea(t.db, viewer, priorityAreaInput.parse({ name: "Nope" })), 403);
      await expectRefused(listActivity(t.db, viewer, {}), 403);
    }
  });

  it("creates an organisation under a parent, with its activity", async () => {
    const ro = await newOrg("UNODC Regional Office for Testing", "ROT", org.UNODC);
    expect(ro).toMatchObject({ parentId: org.UNODC, archived: false, version: 1, domains: ["x-rot.example"] });
    expect((await activityOf(t.db, ro.id)).map((a) => a.action)).toEqual(["created"]);
    await expectRefused(newOrg("Duplicate", "ROT"), 400, "acronym");
  });

  it("moves an organisation in the tree but never into a cycle", async () => {
    const parent = await newOrg("Cycle parent", "CYP", org.UNODC);
    const child = await newOrg("Cycle child", "CYC", parent.id);
    const grandchild = await newOrg("Cycle grandchild", "CYG", child.id);
    for (const target of [parent.id, child.id, grandchild.id]) {
      await expectRefused(updateOrganisation(t.db, admin, parent.id, organisationPatch.parse({ parentId: target, version: parent.version })), 400, "parentId");
    }
    expect((await getOrganisation(t.db, parent.id)).parentId).toBe(org.UNODC);
    const moved = await updateOrganisation(t.db, admin, grandchild.id, organisationPatch.parse({ parentId: parent.id, version: grandchild.version }));
    expect(moved).toMatchObject({ parentId: parent.id, version: 2 });
    const history = await activityOf(t.db, grandchild.id);
    expect(history.at(-1)).toMatchObject({ field: "parentId", before: child.id, after: parent.id, actorId: admin.id });
    // A stale version is refused and changes nothing.
    await expectRefused(updateOrganisation(t.db, admin, grandchild.id, organisationPatch.parse({ name: "Stale", version: 1 })), 409);
    expect((await getOrganisation(t.db, grandchild.id)).name).toBe("Cycle grandchild");
  });

  it("archives an organisation: new records cannot use it, old ones stay valid", async () => {
    const office = await newOrg("Office to archive", "OTA", org.UNODC);
    const old = await createFollowUp(t.db, admin, followUpInput.parse({ title: "Owned before archiving", priorityAreaId: drugs, ownerOrganisationId: office.id }));
    const archived = await updateOrganisation(t.db, admin, office.id, organisationPatch.parse({ archived: true, version: office.version }));
    expect(archived.archived).toBe(true);
    await expectRefused(createFollowUp(t.db, admin, followUpInput.parse({ title: "New one", priorityAreaId: drugs, ownerOrganisationId: office.id })), 400, "ownerOrganisationId");
    await expectRefused(newOrg("Under an archived one", "UAO", office.id), 400, "parentId");
    await expectRefused(createUser(t.db, admin, userInput.parse({ name: "New Person", email: "new.person@unodc.example", organisationId: office.id })), 400, "organisationId");
    // The old follow-up keeps its owner and can still be edited.
    const edited = await updateFollowUp(t.db, admin, old.id, followUpPatch.parse({ title: "Owned before archiving (edited)", version: old.version }));
    expect(edited.ownerOrganisationId).toBe(office.id);
    const restored = await updateOrganisation(t.db, admin, office.id, organisationPatch.parse({ archived: false, version: archived.version }));
    expect(restored.archived).toBe(false);
  });

  it("merges one organisation into another: every reference moves, participations are not doubled, the merged one is archived", async () => {
    const som16 = await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting");
    const africa = await meetingId(t.db, "EU–UNODC Africa Dialogue");
    const sub = await newOrg("ROSEN sub-office", "ROSEN-SUB", org.ROSEN);
    await t.db.update(meetings).set({ hostOrganisationId: org.ROSEN }).where(eq(meetings.id, africa));
    const ownedBefore = await t.db.select({ id: followUps.id }).from(followUps).where(eq(followUps.ownerOrganisationId, org.ROSEN));
    const peopleBefore = await t.db.select({ id: users.id }).from(users).where(eq(users.organisationId, org.ROSEN));
    expect(ownedBefore.length).toBeGreaterThan(0);
    expect(peopleBefore.length).toBeGreaterThan(0);
    const participantsBefore = await count(t.db, meetingParticipants);
    const rosen = await getOrganisation(t.db, org.ROSEN);
    const roea = await getOrganisation(t.db, org.ROEA);

    const result = await mergeOrganisation(t.db, admin, org.ROSEN, organisationMerge.parse({ intoId: org.ROEA, version: rosen.version }));

    expect(result.merged.archived).toBe(true);
    expect(result.moved).toMatchObject({ users: peopleBefore.length, followUps: ownedBefore.length, hostedMeetings: 1, children: 1 });
    const refs = async (id: string) => ({
      users: await countWhere(users, eq(users.organisationId, id)),
      followUps: await countWhere(followUps, eq(followUps.ownerOrganisationId, id)),
      hosted: await countWhere(meetings, eq(meetings.hostOrganisationId, id)),
      participations: await countWhere(meetingParticipants, eq(meetingParticipants.organisationId, id)),
      children: await countWhere(organisations, eq(organisations.parentId, id)),
    });
    expect(await refs(org.ROSEN)).toEqual({ users: 0, followUps: 0, hosted: 0, participations: 0, children: 0 });
    expect((await getOrganisation(t.db, sub.id)).parentId).toBe(org.ROEA);
    // Both took part in the 16th SOM and the Africa Dialogue: one row each for ROEA, not two.
    for (const m of [som16, africa]) {
      expect(await countWhere(meetingParticipants, and(eq(meetingParticipants.meetingId, m), eq(meetingParticipants.organisationId, org.ROEA)))).toBe(1);
    }
    expect(await count(t.db, meetingParticipants)).toBe(participantsBefore - 2);
    expect(result.kept.domains).toEqual([...new Set([...roea.domains, ...rosen.domains])]);
    // Each moved record says so in its own history.
    const ownedHistory = await activityOf(t.db, ownedBefore[0]?.id ?? "");
    expect(ownedHistory.at(-1)).toMatchObject({ field: "ownerOrganisationId", before: org.ROSEN, after: org.ROEA, actorId: admin.id });
    expect((await activityOf(t.db, org.ROSEN)).map((a) => a.action)).toContain("merged");
    // The merged organisation cannot be merged again, and nothing can be merged into itself or its own sub-organisation.
    await expectRefused(mergeOrganisation(t.db, admin, org.ROSEN, { intoId: org.ROEA, version: result.merged.version }), 400);
    await expectRefused(mergeOrganisation(t.db, admin, org.ROEA, { intoId: org.ROEA, version: result.kept.version }), 400, "intoId");
    await expectRefused(mergeOrganisation(t.db, admin, org.UNODC, { intoId: org.ROEA, version: (await getOrganisation(t.db, org.UNODC)).version }), 400, "intoId");
  });

  it("writes a merge and its activity together or not at all", async () => {
    const a = await newOrg("Merge source", "MSRC", org.UNODC);
    const b = await newOrg("Merge target", "MTGT", org.UNODC);
    await createFollowUp(t.db, admin, followUpInput.parse({ title: "Owned by the merge source", priorityAreaId: drugs, ownerOrganisationId: a.id }));
    const before = await count(t.db, activity);
    // A stale version: nothing moves.
    await expectRefused(mergeOrganisation(t.db, admin, a.id, { intoId: b.id, version: a.version + 5 }), 409);
    expect(await countWhere(followUps, eq(followUps.ownerOrganisationId, a.id))).toBe(1);
    expect(await count(t.db, activity)).toBe(before);
  });

  it("creates a user with a one-time set-password link that works once", async () => {
    const { user, setPasswordPath } = await createUser(t.db, admin, userInput.parse({ name: "Amina Diallo", email: "Amina.Diallo@UNODC.example", organisationId: org.ROEA, role: "manager" }));
    expect(user).toMatchObject({ email: "amina.diallo@unodc.example", role: "manager", active: true, passwordHash: null });
    await expectRefused(createUser(t.db, admin, userInput.parse({ name: "Again", email: "amina.diallo@unodc.example", organisationId: org.ROEA })), 400, "email");
    const token = setPasswordPath.replace("/set-password/", "");
    expect(await passwordTokenUser(t.db, token)).toMatchObject({ email: "amina.diallo@unodc.example" });
    // A common password is refused, naming the field, and the link stays usable.
    await expect(setPasswordWithToken(t.db, token, "Password2026!")).rejects.toMatchObject({ status: 400, fields: { password: expect.stringMatching(/common/) } });
    await setPasswordWithToken(t.db, token, "a long enough passphrase");
    expect((await findUserByEmail(t.db, "amina.diallo@unodc.example"))?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await passwordTokenUser(t.db, token)).toBeNull();
    await expectRefused(setPasswordWithToken(t.db, token, "another long passphrase"), 400);
    await expectRefused(setPasswordWithToken(t.db, "not-a-real-token-at-all-xxxxxxxx", "another long passphrase"), 400);
  });

  it("keeps the last active admin: no demotion, no deactivation", async () => {
    const me = await findUserByEmail(t.db, "admin@eeas.example");
    if (!me) throw new Error("no admin");
    await expectRefused(updateUser(t.db, admin, me.id, userPatch.parse({ role: "staff", version: me.version })), 400, "role");
    await expectRefused(updateUser(t.db, admin, me.id, userPatch.parse({ active: false, version: me.version })), 400, "active");
    expect((await findUserByEmail(t.db, "admin@eeas.example"))?.role).toBe("admin");
    // With a second admin, the first may step down.
    const { user: second } = await createUser(t.db, admin, userInput.parse({ name: "Second Admin", email: "second.admin@eeas.example", organisationId: org.EEAS, role: "admin" }));
    const demoted = await updateUser(t.db, admin, me.id, userPatch.parse({ role: "manager", version: me.version }));
    expect(demoted.role).toBe("manager");
    // …and now the second is the last one.
    const secondViewer = await loadViewer(t.db, second.id);
    if (!secondViewer) throw new Error("second admin not active");
    await expectRefused(updateUser(t.db, secondViewer, second.id, userPatch.parse({ active: false, version: second.version })), 400, "active");
    await updateUser(t.db, secondViewer, me.id, userPatch.parse({ role: "admin", version: demoted.version }));
  });

  it("deactivates a user: their session ends at once, and reactivation brings it back", async () => {
    const staff = await findUserByEmail(t.db, "staff@eeas.example");
    if (!staff) throw new Error("no staff");
    expect(await loadViewer(t.db, staff.id)).not.toBeNull();
    const off = await updateUser(t.db, admin, staff.id, userPatch.parse({ active: false, version: staff.version }));
    expect(off.active).toBe(false);
    // Every request re-reads the user: the next one finds no viewer, so the session is over.
    expect(await loadViewer(t.db, staff.id)).toBeNull();
    expect((await activityOf(t.db, staff.id)).at(-1)).toMatchObject({ field: "active", before: true, after: false });
    const on = await updateUser(t.db, admin, staff.id, userPatch.parse({ active: true, version: off.version }));
    expect(on.active).toBe(true);
    expect(await loadViewer(t.db, staff.id)).not.toBeNull();
  });

  it("keeps an organisation's French name and acronym, and clears them when left empty", async () => {
    const made = await createOrganisation(t.db, admin, organisationInput.parse({ name: "International Narcotics Control Board", acronym: "INCB", nameFr: "Organe international de contrôle des stupéfiants", acronymFr: "OICS", kind: "un" }));
    expect(toOrganisationJson(made)).toMatchObject({ nameFr: "Organe international de contrôle des stupéfiants", acronymFr: "OICS" });
    const cleared = await updateOrganisation(t.db, admin, made.id, organisationPatch.parse({ acronymFr: "  ", version: made.version }));
    expect(toOrganisationJson(cleared)).toMatchObject({ nameFr: "Organe international de contrôle des stupéfiants", acronymFr: null });
    const tooLong = organisationInput.safeParse({ name: "Too long", nameFr: "x".repeat(10_000), kind: "un" });
    expect(tooLong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["nameFr", expect.stringMatching(/^French name must be at most \d+ characters/)]]);
  });

  it("keeps priority areas and series: rename, archive, reorder, each in the trail", async () => {
    const area = await createPriorityArea(t.db, admin, priorityAreaInput.parse({ name: "Cybercrime", nameFr: " Cybercriminalité " }));
    expect(toPriorityAreaJson(area).nameFr).toBe("Cybercriminalité");
    expect(area.slug).toBe("cybercrime");
    await expectRefused(createPriorityArea(t.db, admin, priorityAreaInput.parse({ name: "cybercrime" })), 400, "name");
    const renamed = await updatePriorityArea(t.db, admin, area.id, { name: "Cybercrime and e-evidence", version: area.version });
    expect(renamed.slug).toBe("cybercrime");
    const archived = await updatePriorityArea(t.db, admin, area.id, { archived: true, version: renamed.version });
    await expectRefused(createFollowUp(t.db, admin, followUpInput.parse({ title: "In an archived area", priorityAreaId: area.id, ownerOrganisationId: org.EEAS })), 400, "priorityAreaId");
    expect(archived.archived).toBe(true);
    const ids = (await listPriorityAreas(t.db)).map((a) => a.id).reverse();
    await reorderPriorityAreas(t.db, admin, ids);
    expect((await listPriorityAreas(t.db)).map((a) => a.id)).toEqual(ids);
    await expectRefused(reorderPriorityAreas(t.db, admin, ids.slice(1)), 400, "ids");
    const series = await createMeetingSeries(t.db, admin, meetingSeriesInput.parse({ name: "EU–UNODC Central Asia Dialogue", nameFr: "" }));
    expect(toMeetingSeriesJson(series).nameFr).toBeNull();
    await updateMeetingSeries(t.db, admin, series.id, { archived: true, version: series.version });
    await expectRefused(updateMeetingSeries(t.db, admin, series.id, { name: "Stale", version: series.version }), 409);
  });

  it("keeps an area's keywords: split from form text, repeats dropped, each change in the trail", async () => {
    const area = await createPriorityArea(t.db, admin, priorityAreaInput.parse({ name: "Firearms", keywords: "firearms trafficking, illicit arms\nFirearms Trafficking;  small arms " }));
    expect(area.keywords).toEqual(["firearms trafficking", "illicit arms", "small arms"]);
    const changed = await updatePriorityArea(t.db, admin, area.id, priorityAreaPatch.parse({ keywords: ["SALW"], version: area.version }));
    expect(changed.keywords).toEqual(["SALW"]);
    expect((await activityOf(t.db, area.id)).find((a) => a.field === "keywords")).toMatchObject({ before: area.keywords, after: ["SALW"] });
    expect(() => priorityAreaPatch.parse({ keywords: ["x"], version: 1 })).toThrow();
    const trafficking = (await listPriorityAreas(t.db)).find((a) => a.slug === "trafficking-smuggling");
    expect(trafficking?.keywords).toContain("migrant smuggling");
  });

  it("links areas to SDG targets from the list only; the list is loaded and the demo areas carry theirs", async () => {
    const targets = await listSdgTargets(t.db);
    const codes = targets.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(["16.1", "16.4", "16.5", "16.10", "16.a", "16.b", "3.5", "5.2", "8.7", "10.7", "14.4", "14.6", "15.7", "15.c", "17.1", "17.9"]));
    expect(codes.indexOf("16.9")).toBeLessThan(codes.indexOf("16.10"));
    await loadSdgTargets(t.db); // every start loads them again: nothing doubles
    expect(await listSdgTargets(t.db)).toHaveLength(targets.length);

    const areas = await listPriorityAreas(t.db);
    expect(areas.find((a) => a.slug === "illicit-flows")?.sdgTargets).toContain("16.4");
    expect(areas.find((a) => a.slug === "corruption")?.sdgTargets).toContain("16.5");
    expect(areas.find((a) => a.slug === "trafficking-smuggling")?.sdgTargets).toEqual(expect.arrayContaining(["16.2", "5.2", "8.7"]));

    const area = await createPriorityArea(t.db, admin, priorityAreaInput.parse({ name: "Firearms trafficking", sdgTargets: ["16.4", "16.1", "16.4"] }));
    expect(area.sdgTargets).toEqual(["16.1", "16.4"]);
    await expectRefused(createPriorityArea(t.db, admin, priorityAreaInput.parse({ name: "Bad targets", sdgTargets: ["16.4", "16.99"] })), 400, "sdgTargets");
    expect((await listPriorityAreas(t.db)).some((a) => a.name === "Bad targets")).toBe(false);
    const bad = await expectRefused(updatePriorityArea(t.db, admin, area.id, priorityAreaPatch.parse({ sdgTargets: ["x.1"], version: area.version })), 400, "sdgTargets");
    expect(bad.fields?.sdgTargets).toContain("x.1");
    const changed = await updatePriorityArea(t.db, admin, area.id, priorityAreaPatch.parse({ sdgTargets: ["16.a"], version: area.version }));
    expect(changed).toMatchObject({ sdgTargets: ["16.a"], version: area.version + 1 });
    expect((await activityOf(t.db, area.id)).find((a) => a.field === "sdgTargets")).toMatchObject({ before: ["16.1", "16.4"], after: ["16.a"] });
    await expectRefused(updatePriorityArea(t.db, v["manager@eeas.example"], area.id, priorityAreaPatch.parse({ sdgTargets: [], version: changed.version })), 403);
  });

  it("lists the audit trail newest first, filtered and paged", async () => {
    const orgChanges = await listActivity(t.db, admin, activityFilters.parse({ entityType: "organisation" }));
    expect(orgChanges.items.length).toBeGreaterThan(2);
    expect(orgChanges.items.every((a) => a.entityType === "organisation")).toBe(true);
    const ids = orgChanges.items.map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const mine = await listActivity(t.db, admin, activityFilters.parse({ actorId: admin.id, limit: "3" }));
    expect(mine.items).toHaveLength(3);
    expect(mine.nextCursor).toBeTruthy();
    const next = await listActivity(t.db, admin, activityFilters.parse({ actorId: admin.id, limit: "3", cursor: mine.nextCursor ?? undefined }));
    expect(Math.max(...next.items.map((a) => a.id))).toBeLessThan(Math.min(...mine.items.map((a) => a.id)));
    const today = new Date().toISOString().slice(0, 10);
    expect((await listActivity(t.db, admin, activityFilters.parse({ from: "1990-01-01", to: "1990-12-31" }))).items).toEqual([]);
    expect((await listActivity(t.db, admin, activityFilters.parse({ from: today, to: today }))).items.length).toBeGreaterThan(0);
    await expectRefused(listActivity(t.db, admin, { cursor: "bogus!" }), 400, "cursor");
    expect(activityFilters.safeParse({ from: "2022-02-30" }).success).toBe(false);
  });

  it("shows sign-ins on their own, or only the changes", async () => {
    await recordEvent(t.db, admin.id, "user", admin.id, "signed_in", { method: "password" });
    await recordEvent(t.db, null, "user", admin.id, "sign_in_failed", { email: "nobody@example.org" });
    const signIns = (await listActivity(t.db, admin, activityFilters.parse({ kind: "sign_ins", limit: "200" }))).items;
    expect(signIns.length).toBeGreaterThanOrEqual(2);
    expect(signIns.every((a) => a.action === "signed_in" || a.action.startsWith("sign_in_"))).toBe(true);
    const changes = (await listActivity(t.db, admin, activityFilters.parse({ kind: "changes", limit: "200" }))).items;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((a) => a.action === "signed_in" || a.action.startsWith("sign_in_"))).toBe(false);
    const all = (await listActivity(t.db, admin, activityFilters.parse({ limit: "200" }))).items;
    expect(all.some((a) => a.action === "signed_in")).toBe(true);
    expect(activityFilters.safeParse({ kind: "logins" }).error?.issues[0]?.path).toEqual(["kind"]);
  });
});
