/**
 * Bulk edit in the follow-ups table: a manager changes many at once, but only what is in their
 * organisation's subtree; the rest are refused and listed, never changed; staff may not bulk edit;
 * a follow-up the viewer cannot see is reported as not found and left alone.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUpdateFollowUps, createFollowUp, type FollowUp } from "@/db/queries/follow-ups";
import { followUps } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { followUpBulkPatch, followUpInput } from "@/lib/validation/follow-ups";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, areaId, type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

const unknownId = "00000000-0000-4000-8000-000000000000";

describe.each(engines)("bulk edit of follow-ups on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  const acronyms = ["EEAS", "DG HOME", "UNODC", "ROSEN", "COCOL"] as const;
  let org: Record<(typeof acronyms)[number], string>;
  let drugs: string;
  let som16: string;
  let prebrief: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, acronyms);
    drugs = await areaId(t.db, "drugs");
    som16 = await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting");
    prebrief = await meetingId(t.db, "EU coordination ahead of the 16th SOM");
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A new open follow-up owned by `owner`, recorded by an admin. */
  const fresh = (owner: (typeof acronyms)[number], title: string, meeting = som16): Promise<FollowUp> =>
    createFollowUp(
      t.db,
      v["admin@eeas.example"],
      followUpInput.parse({ title, meetingId: meeting, priorityAreaId: drugs, ownerOrganisationId: org[owner], dueOn: "2031-03-31" }),
    );

  const rows = async (ids: string[]) => t.db.select().from(followUps).where(inArray(followUps.id, ids));
  const bulk = (viewer: Viewer, input: unknown) => bulkUpdateFollowUps(t.db, viewer, followUpBulkPatch.parse(input));

  it("a UNODC manager cancels only what is in the UNODC subtree; the EEAS ones are refused and unchanged", async () => {
    const mine = [await fresh("UNODC", "Bulk: UNODC one"), await fresh("ROSEN", "Bulk: ROSEN one"), await fresh("COCOL", "Bulk: COCOL one")];
    const theirs = [await fresh("EEAS", "Bulk: EEAS one"), await fresh("DG HOME", "Bulk: DG HOME one")];
    const before = await rows(theirs.map((f) => f.id));
    const historyBefore = await Promise.all(theirs.map((f) => activityOf(t.db, f.id)));

    const result = await bulk(v["manager@unodc.example"], { ids: [...mine, ...theirs].map((f) => f.id), change: { status: "cancelled" } });

    expect(result.changed.sort()).toEqual(mine.map((f) => f.id).sort());
    expect(result.refused.map((r) => r.id).sort()).toEqual(theirs.map((f) => f.id).sort());
    for (const r of result.refused) {
      expect(r.title).toMatch(/^Bulk: (EEAS|DG HOME) one$/);
      expect(r.reason).toMatch(/outside your organisation/);
    }
    for (const row of await rows(mine.map((f) => f.id))) {
      expect(row.status).toBe("cancelled");
      expect(row.version).toBe(2);
      expect(row.completedAt).toBeNull();
      const history = (await activityOf(t.db, row.id)).filter((a) => a.action === "updated");
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ actorId: v["manager@unodc.example"].id, field: "status", before: "open", after: "cancelled" });
    }
    expect(await rows(theirs.map((f) => f.id))).toEqual(before);
    expect(await Promise.all(theirs.map((f) => activityOf(t.db, f.id)))).toEqual(historyBefore);
  });

  it("staff are refused for every follow-up, even their own organisation's", async () => {
    const own = await fresh("UNODC", "Bulk: staff own");
    const other = await fresh("EEAS", "Bulk: staff other");
    const before = await rows([own.id, other.id]);
    const result = await bulk(v["staff@unodc.example"], { ids: [own.id, other.id], change: { status: "blocked" } });
    expect(result.changed).toEqual([]);
    expect(result.refused.map((r) => r.id).sort()).toEqual([own.id, other.id].sort());
    expect(result.refused.every((r) => /Staff cannot bulk edit/.test(r.reason))).toBe(true);
    expect(await rows([own.id, other.id])).toEqual(before);
  });

  it("an id the viewer cannot see is reported as not found and not changed", async () => {
    const restricted = await fresh("UNODC", "Bulk: on the EU-only prebrief", prebrief);
    const visible = await fresh("UNODC", "Bulk: visible");
    const [before] = await rows([restricted.id]);
    const result = await bulk(v["manager@unodc.example"], { ids: [restricted.id, unknownId, visible.id], change: { dueOn: "2032-01-15" } });
    expect(result.changed).toEqual([visible.id]);
    expect(result.refused).toEqual([
      { id: restricted.id, title: null, reason: "Not found, or not visible to you." },
      { id: unknownId, title: null, reason: "Not found, or not visible to you." },
    ]);
    expect((await rows([restricted.id]))[0]).toEqual(before);
    expect(await activityOf(t.db, restricted.id)).toHaveLength(1); // only "created"
    expect((await rows([visible.id]))[0]?.dueOn).toBe("2032-01-15");
  });

  it("a manager may reassign within the subtree, but not hand a follow-up outside it; an admin may", async () => {
    const f = await fresh("UNODC", "Bulk: reassign");
    const inScope = await bulk(v["manager@unodc.example"], { ids: [f.id], change: { ownerOrganisationId: org.ROSEN } });
    expect(inScope.changed).toEqual([f.id]);
    const out = await bulk(v["manager@unodc.example"], { ids: [f.id], change: { ownerOrganisationId: org.EEAS } });
    expect(out.changed).toEqual([]);
    expect(out.refused[0]?.reason).toMatch(/reassign to organisations within your own/);
    const admin = await bulk(v["admin@eeas.example"], { ids: [f.id], change: { ownerOrganisationId: org.EEAS, status: "done" } });
    expect(admin.changed).toEqual([f.id]);
    const [row] = await t.db.select().from(followUps).where(eq(followUps.id, f.id));
    expect(row).toMatchObject({ ownerOrganisationId: org.EEAS, status: "done", version: 3 });
    expect(row?.completedAt).toBeInstanceOf(Date);
    const again = await bulk(v["admin@eeas.example"], { ids: [f.id], change: { status: "done" } });
    expect(again).toMatchObject({ changed: [], unchanged: [f.id], refused: [] });
  });

  it("bad input is refused before anything is written", async () => {
    expect(followUpBulkPatch.safeParse({ ids: [], change: { status: "done" } }).success).toBe(false);
    expect(followUpBulkPatch.safeParse({ ids: [unknownId], change: {} }).success).toBe(false);
    expect(followUpBulkPatch.safeParse({ ids: Array.from({ length: 501 }, () => unknownId), change: { status: "done" } }).success).toBe(false);
    expect(followUpBulkPatch.safeParse({ ids: ["nope"], change: { status: "done" } }).success).toBe(false);
    const f = await fresh("UNODC", "Bulk: bad reference");
    const e = await thrown(() => bulk(v["admin@eeas.example"], { ids: [f.id], change: { ownerOrganisationId: unknownId } }));
    expect(e).toBeInstanceOf(AppError);
    expect((await rows([f.id]))[0]?.version).toBe(1);
  });
});
