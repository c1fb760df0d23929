import { describe, expect, it } from "vitest";
import { changedFields } from "@/lib/forms/changed-fields";

describe("changedFields", () => {
  const base = { title: "A", dueOn: null as string | null, ids: ["x", "y"], coChairs: ["P", "Q"], version: 3 };
  it("keeps only what differs from the base", () => {
    expect(changedFields({ ...base, title: "B" }, base)).toEqual({ title: "B" });
    expect(changedFields({ ...base }, base)).toEqual({});
  });
  it("compares arrays by content, in order unless named a set", () => {
    expect(changedFields({ ...base, coChairs: ["Q", "P"] }, base)).toEqual({ coChairs: ["Q", "P"] });
    expect(changedFields({ ...base, ids: ["y", "x"] }, base, { sets: ["ids"] })).toEqual({});
    expect(changedFields({ ...base, ids: ["y"] }, base, { sets: ["ids"] })).toEqual({ ids: ["y"] });
  });
  it("leaves an undefined field alone and treats a missing base as null", () => {
    expect(changedFields({ ...base, title: undefined as unknown as string }, base)).toEqual({});
    expect(changedFields({ dueOn: null }, {})).toEqual({});
    expect(changedFields({ dueOn: "2027-01-01" }, {})).toEqual({ dueOn: "2027-01-01" });
  });
  it("limits the diff to the named fields", () => {
    expect(changedFields({ ...base, title: "B", version: 4 }, base, { only: ["title"] })).toEqual({ title: "B" });
  });
});
