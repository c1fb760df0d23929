/** The reminder e-mails' words and periods: ISO weeks across year ends, and titles that are not HTML. */
import { describe, expect, it } from "vitest";
import { isoWeek } from "@/db/queries/notifications";
import { assignmentMessage, digestMessage, type MailItem } from "@/lib/reminders/messages";

describe("isoWeek", () => {
  it.each([
    ["2026-11-28", "2026-W48"],
    ["2026-11-30", "2026-W49"], // a Monday starts the week
    ["2027-01-01", "2026-W53"], // a Friday: still the last week of 2026
    ["2025-12-29", "2026-W01"], // a Monday in December: week 1 of the next year
    ["2021-01-03", "2020-W53"],
    ["2031-03-09", "2031-W10"], // Sunday ends the week
  ])("%s is in %s", (day, week) => {
    expect(isoWeek(new Date(`${day}T12:00:00Z`))).toBe(week);
  });
});

const item = (over: Partial<MailItem> = {}): MailItem => ({
  id: "5b2e68f7-caf5-47e4-9a52-e2c3d8cfcab1",
  title: "Review <script>alert(1)</script> & report",
  dueOn: "2026-12-01",
  overdue: false,
  status: "open",
  meetingTitle: "16th SOM",
  ownerLabel: "Rahul Mehta, UNODC",
  ...over,
});

describe("messages", () => {
  it("an assignment notice: escapes the title in HTML, keeps it plain in text, links the follow-up and the unsubscribe page", () => {
    const m = assignmentMessage({ base: "https://t.example", recipientName: "Rahul", toOrganisation: null, assignedBy: "Amina Okafor", item: item(), today: "2026-11-28", unsubscribeUrl: "https://t.example/unsubscribe?token=x" });
    expect(m.subject).toBe("Assigned to you: Review <script>alert(1)</script> & report");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("Review &lt;script&gt;alert(1)&lt;/script&gt; &amp; report");
    expect(m.text).toContain("- Review <script>alert(1)</script> & report\n  Due: 1 Dec 2026 (due in 3 days) · Status: Open · Owner: Rahul Mehta, UNODC · Meeting: 16th SOM\n  https://t.example/follow-ups/5b2e68f7-caf5-47e4-9a52-e2c3d8cfcab1");
    expect(m.text).toContain("Unsubscribe from assignment notices: https://t.example/unsubscribe?token=x");
  });

  it("a digest: overdue first, then due soon, with counts in the subject", () => {
    const m = digestMessage({
      base: "https://t.example",
      recipientName: "Rahul",
      days: 7,
      overdue: [item({ title: "Late one", dueOn: "2026-11-20", overdue: true })],
      dueSoon: [item({ title: "Soon one" }), item({ title: "Undated one", dueOn: null })],
      today: "2026-11-28",
      unsubscribeUrl: "https://t.example/unsubscribe?token=x",
    });
    expect(m.subject).toBe("Your follow-ups: 1 overdue, 2 due in the next 7 days");
    expect(m.text.indexOf("Late one")).toBeLessThan(m.text.indexOf("Soon one"));
    expect(m.text).toContain("Due: 20 Nov 2026 (Overdue by 8 days)");
    expect(m.text).toContain("Due: no due date");
    expect(m.html).toContain('<h2 style="font-size: 1.05rem;">Overdue</h2>');
  });
});
