/**
 * Bulk re-dating and reassigning leave done and cancelled follow-ups alone unless asked to include
 * them; a bulk edit can be undone from the token its answer carries — all of it in one transaction,
 * each row with its own activity records — and not at all (409) if any row changed since.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUpdateFollowUps, createFollowUp, type FollowUp, undoBulkEdit, updateFollowUp } from "@/db/queries/follow-ups";
import { followUps } from "@/db/schema";
import { undoToken } from "@/server/bulk-undo-token";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { followUpBulkPatch, followUpInput } from "@/lib/validation/follow-ups";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, areaId, type DemoEmail, demoViewers, orgIds, thrown } from "../support/demo";

describe.each(engines)("bulk edit: closed rows and undo, on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let org: Record<"UNODC" | "ROSEN", string>;
  let drugs: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, ["UNODC", "ROSEN"] as const);
    drugs = await areaId(t.db, "drugs");
  });
  afterAll(async () => {
    await t?.close();
  });

  const manager = () => v["manager@unodc.example"];
  const fresh = (title: string, extra: Record<string, unknown> = {}): Promise<FollowUp> =>
    createFollowUp(t.db, v["admin@eeas.example"], followUpInput.parse({ title, priorityAreaId: drugs, ownerOrganisationId: org.UNODC, dueOn: "2031-03-31", ...extra }));
  const rows = async (ids: string[]) => (await t.db.select().from(followUps).where(inArray(followUps.id, ids))).sort((a, b) => a.id.localeCompare(b.id));
  const bulk = (viewer: Viewer, input: unknown) => bulkUpdateFollowUps(t.db, viewer, followUpBulkPatch.parse(input));

  it("a re-date leaves done and cancelled ones as they are, and says which; with includeClosed it changes them too", async () => {
    const open = await fresh("Closed rows: open");
    const done = await fresh("Closed rows: done", { status: "done" });
    const cancelled = await fresh("Closed rows: cancelled", { status: "cancelled" });
    const ids = [open.id, done.id, cancelled.id];
    const closedBefore = await rows([done.id, cancelled.id]);

    const result = await bulk(manager(), { ids, change: { dueOn: "2032-01-15" } });
    expect(result.changed).toEqual([open.id]);
    expect(result.skippedClosed.sort()).toEqual([done.id, cancelled.id].sort());
    expect(await rows([done.id, cancelled.id])).toEqual(closedBefore);
    expect((await rows([open.id]))[0]?.dueOn).toBe("2032-01-15");

    const reassign = await bulk(manager(), { ids, change: { ownerOrganisationId: org.ROSEN } });
    expect(reassign.changed).toEqual([open.id]);
    expect(reassign.skippedClosed).toHaveLength(2);

    const included = await bulk(manager(), { ids, change: { dueOn: "2032-02-01" }, includeClosed: true });
    expect(included.changed.sort()).toEqual([...ids].sort());
    expect(included.skippedClosed).toEqual([]);
    for (const r of await rows(ids)) expect(r.dueOn).toBe("2032-02-01");
  });

  it("a status change still applies to closed ones (reopening is what it is for)", async () => {
    const done = await fresh("Closed rows: reopen me", { status: "done" });
    const result = await bulk(manager(), { ids: [done.id], change: { status: "open" } });
    expect(result.changed).toEqual([done.id]);
    expect(result.skippedClosed).toEqual([]);
  });

  it("undo restores every changed field, completion time included, in one go, with its own activity records", async () => {
    const a = await fresh("Undo: a", { dueOn: "2031-01-01" });
    const b = await fresh("Undo: b", { status: "done" });
    const before = await rows([a.id, b.id]);
    const result = await bulk(manager(), { ids: [a.id, b.id], change: { status: "blocked" } });
    expect(result.changed).toHaveLength(2);
    expect(result.undoToken).toEqual(expect.any(String));
    const historyAfterEdit = (await activityOf(t.db, b.id)).length;

    const undone = await undoBulkEdit(t.db, manager(), result.undoToken!);
    expect(undone.restored.sort()).toEqual([a.id, b.id].sort());
    const after = await rows([a.id, b.id]);
    for (const [i, r] of after.entries()) {
      const was = before[i]!;
      expect(r.status).toBe(was.status);
      expect(r.completedAt?.toISOString() ?? null).toBe(was.completedAt?.toISOString() ?? null);
      expect(r.version).toBe(was.version + 2);
    }
    const history = await activityOf(t.db, b.id);
    expect(history).toHaveLength(historyAfterEdit + 1);
    expect(history.at(-1)).toMatchObject({ actorId: manager().id, action: "updated", field: "status", before: "blocked", after: "done" });
  });

  it("undo of a reassignment and re-date gives both back", async () => {
    const a = await fresh("Undo: reassign", { dueOn: "2031-05-05" });
    const re = await bulk(manager(), { ids: [a.id], change: { ownerOrganisationId: org.ROSEN } });
    await undoBulkEdit(t.db, manager(), re.undoToken!);
    const redate = await bulk(manager(), { ids: [a.id], change: { dueOn: "2033-03-03" } });
    await undoBulkEdit(t.db, manager(), redate.undoToken!);
    const [row] = await rows([a.id]);
    expect(row).toMatchObject({ ownerOrganisationId: org.UNODC, dueOn: "2031-05-05" });
  });

  it("if any row changed since, nothing is undone: 409 naming it", async () => {
    const a = await fresh("Undo conflict: untouched");
    const b = await fresh("Undo conflict: edited since");
    const result = await bulk(manager(), { ids: [a.id, b.id], change: { dueOn: "2034-04-04" } });
    const [, bNow] = [await rows([a.id]), (await rows([b.id]))[0]!];
    await updateFollowUp(t.db, v["admin@eeas.example"], b.id, { title: "Undo conflict: edited since (renamed)", version: bNow.version });
    const snapshot = await rows([a.id, b.id]);

    const e = await thrown(() => undoBulkEdit(t.db, manager(), result.undoToken!));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(409);
    expect((e as AppError).message).toMatch(/Nothing was undone: 1 follow-up has changed since.*edited since \(renamed\)/);
    expect(await rows([a.id, b.id])).toEqual(snapshot);
  });

  it("a token is its maker's, unforgeable, and expires", async () => {
    const a = await fresh("Undo token: a");
    const result = await bulk(manager(), { ids: [a.id], change: { dueOn: "2035-05-05" } });
    const token = result.undoToken!;

    const other = await thrown(() => undoBulkEdit(t.db, v["manager@eeas.example"], token));
    expect((other as AppError).fields).toHaveProperty("token");
    const [payload, sig] = token.split(".");
    const forged = `${Buffer.from(Buffer.from(payload!, "base64url").toString("utf8").replace("2031-03-31", "2020-01-01")).toString("base64url")}.${sig}`;
    expect(((await thrown(() => undoBulkEdit(t.db, manager(), forged))) as AppError).status).toBe(400);
    const [row] = await rows([a.id]);
    const old = undoToken(manager().id, [{ id: a.id, version: row!.version, before: { dueOn: "2031-03-31" } }], Date.now() - 6 * 60_000);
    expect(((await thrown(() => undoBulkEdit(t.db, manager(), old))) as AppError).fields?.token).toMatch(/Too late to undo/);
    expect((await t.db.select().from(followUps).where(eq(followUps.id, a.id)))[0]?.dueOn).toBe("2035-05-05");
  });
});
