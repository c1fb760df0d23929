/**
 * Saved views: a person sees their own views and those shared with their organisation; another
 * organisation sees neither; only the owner may delete a view (anyone else gets "not found").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSavedView, deleteSavedView, listSavedViews } from "@/db/queries/saved-views";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { savedViewInput } from "@/lib/validation/saved-views";
import { engines, type TestDatabase } from "../support/databases";
import { type DemoEmail, demoViewers, thrown } from "../support/demo";

describe("the saved-view schema", () => {
  it("accepts a name, one of the two pages and a query string", () => {
    expect(savedViewInput.parse({ name: " Overdue ", path: "/board", query: "?overdue=true" })).toEqual({ name: "Overdue", path: "/board", query: "?overdue=true", shared: false });
    expect(savedViewInput.safeParse({ name: "All", path: "/follow-ups", query: "", shared: true }).success).toBe(true);
  });
  it("refuses an empty or long name, another page, and a query that is not a query string", () => {
    expect(savedViewInput.safeParse({ name: " ", path: "/board", query: "" }).success).toBe(false);
    expect(savedViewInput.safeParse({ name: "x".repeat(81), path: "/board", query: "" }).success).toBe(false);
    expect(savedViewInput.safeParse({ name: "x", path: "/admin", query: "" }).success).toBe(false);
    expect(savedViewInput.safeParse({ name: "x", path: "/board", query: "overdue=true" }).success).toBe(false);
    expect(savedViewInput.safeParse({ name: "x", path: "/board", query: `?q=${"a".repeat(2000)}` }).success).toBe(false);
  });
});

describe.each(engines)("saved views on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists one's own views and those shared with one's organisation, not others' private ones", async () => {
    const mine = await createSavedView(t.db, v["manager@eeas.example"], { name: "My overdue", path: "/board", query: "?overdue=true", shared: false });
    const shared = await createSavedView(t.db, v["manager@eeas.example"], { name: "EEAS open", path: "/follow-ups", query: "?status=open", shared: true });
    expect(mine.organisationId).toBeNull();
    expect(shared.organisationId).toBe(v["manager@eeas.example"].organisationId);
    expect(shared.href).toBe("/follow-ups?status=open");

    const own = await listSavedViews(t.db, v["manager@eeas.example"]);
    expect(own.map((x) => [x.name, x.own])).toEqual([
      ["EEAS open", true],
      ["My overdue", true],
    ]);

    const colleague = await listSavedViews(t.db, v["staff@eeas.example"]);
    expect(colleague.map((x) => [x.name, x.own, x.shared])).toEqual([["EEAS open", false, true]]);
  });

  it("shows another organisation nothing of EEAS's views", async () => {
    await createSavedView(t.db, v["manager@eeas.example"], { name: "EEAS shared", path: "/board", query: "", shared: true });
    const unodc = await listSavedViews(t.db, v["manager@unodc.example"]);
    expect(unodc.filter((x) => x.userId === v["manager@eeas.example"].id)).toEqual([]);
    const unodcStaff = await listSavedViews(t.db, v["staff@unodc.example"]);
    expect(unodcStaff).toEqual([]);
  });

  it("lets only the owner delete a view", async () => {
    const view = await createSavedView(t.db, v["manager@eeas.example"], { name: "To delete", path: "/board", query: "?group=owner", shared: true });
    for (const other of ["staff@eeas.example", "manager@unodc.example", "admin@eeas.example"] as const) {
      const e = await thrown(() => deleteSavedView(t.db, v[other], view.id));
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("not_found:saved_view");
    }
    expect((await listSavedViews(t.db, v["staff@eeas.example"])).some((x) => x.id === view.id)).toBe(true);
    await deleteSavedView(t.db, v["manager@eeas.example"], view.id);
    expect((await listSavedViews(t.db, v["manager@eeas.example"])).some((x) => x.id === view.id)).toBe(false);
    expect(codeOf(await thrown(() => deleteSavedView(t.db, v["manager@eeas.example"], view.id)))).toBe("not_found:saved_view");
  });
});

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
