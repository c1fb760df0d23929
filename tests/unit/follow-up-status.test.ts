import { describe, expect, it } from "vitest";
import { followUpStatuses } from "@/db/enums";
import { closedStatuses, completedAtFor, isClosed, isOverdue } from "@/lib/follow-ups/status";

describe("follow-up status rules", () => {
  it("closes a follow-up when done or cancelled, and only then", () => {
    expect(followUpStatuses.filter(isClosed)).toEqual(["done", "cancelled"]);
    expect(closedStatuses).toEqual(["done", "cancelled"]);
  });

  it("is overdue when due before today and not closed", () => {
    expect(isOverdue("2026-01-01", "open", "2026-01-02")).toBe(true);
    expect(isOverdue("2026-01-02", "open", "2026-01-02")).toBe(false);
    expect(isOverdue("2026-01-01", "done", "2026-01-02")).toBe(false);
    expect(isOverdue("2026-01-01", "cancelled", "2026-01-02")).toBe(false);
    expect(isOverdue(null, "blocked", "2026-01-02")).toBe(false);
  });

  it("stamps completedAt when it becomes done, clears it otherwise, leaves it when unchanged", () => {
    const now = new Date("2026-03-04T05:06:07Z");
    expect(completedAtFor("done", undefined, now)).toBe(now);
    expect(completedAtFor("open", undefined, now)).toBeNull();
    expect(completedAtFor("done", "open", now)).toBe(now);
    expect(completedAtFor("open", "done", now)).toBeNull();
    expect(completedAtFor("done", "done", now)).toBeUndefined();
    expect(completedAtFor(undefined, "done", now)).toBeUndefined();
  });
});
