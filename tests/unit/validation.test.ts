/**
 * The zod schemas the forms and the server share. Bad input gets an error naming the field
 * (the key the form puts the message under), in words a person can act on.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInInput } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/common";
import { commentInput, followUpFilters, followUpInput, followUpPatch } from "@/lib/validation/follow-ups";
import { meetingFilters, meetingInput, meetingPatch } from "@/lib/validation/meetings";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** The field errors a form would show for this input ({} when it is valid). */
function errors(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

const som16 = {
  title: "16th EU–UNODC Senior Officials Meeting",
  seriesId: uuid(1),
  seriesNumber: 16,
  heldOn: "2022-02-15",
  format: "hybrid",
  location: "Brussels",
  hostOrganisationId: uuid(2),
  coChairs: ["Belen Martinez Carbonell", "Jean-Luc Lemahieu"],
  participantOrganisationIds: [uuid(2), uuid(3)],
  priorityAreaIds: [uuid(4)],
  summary: "Over 60 EU and UNODC participants identified opportunities for enhanced cooperation.",
  visibility: "internal",
};

const followUp = {
  title: "Share the joint assessment of drug trafficking routes from Afghanistan",
  meetingId: uuid(1),
  priorityAreaId: uuid(2),
  ownerOrganisationId: uuid(3),
  ownerUserId: uuid(4),
  dueOn: "2022-06-30",
  status: "in_progress",
  priority: "high",
};

describe("meetingInput (the meeting form)", () => {
  it("accepts the 16th SOM as logged", () => {
    expect(errors(meetingInput, som16)).toEqual({});
  });

  it("fills in the optional parts of a minimal meeting", () => {
    expect(meetingInput.parse({ title: "  Africa Dialogue  ", heldOn: "2021-12-09", format: "virtual" })).toEqual({
      title: "Africa Dialogue",
      heldOn: "2021-12-09",
      format: "virtual",
      location: "",
      coChairs: [],
      participantOrganisationIds: [],
      reviewedMeetingIds: [],
      priorityAreaIds: [],
      summary: "",
      visibility: "internal",
    });
  });

  //  what is wrong                         change                                           field                         message says
  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty title", { title: "" }, "title", /enter title/i],
    ["a title of only spaces", { title: "   " }, "title", /enter title/i],
    ["a title over 300 characters", { title: "x".repeat(301) }, "title", /at most 300 characters/],
    ["no title at all", { title: undefined }, "title", /title must be text/i],
    ["a month 13, day 45", { heldOn: "2022-13-45" }, "heldOn", /not a real date/],
    ["29 February in a common year", { heldOn: "2023-02-29" }, "heldOn", /not a real date/],
    ["31 April", { heldOn: "2022-04-31" }, "heldOn", /not a real date/],
    ["a date written the European way", { heldOn: "15/02/2022" }, "heldOn", /like 15 Feb 2022 \(or 2022-02-15\)/],
    ["a date with a time", { heldOn: "2022-02-15T10:00:00Z" }, "heldOn", /like 15 Feb 2022 \(or 2022-02-15\)/],
    ["a date before 1900", { heldOn: "1899-12-31" }, "heldOn", /^Date must be between 1 Jan 1900 and 31 Dec 2999\.$/],
    ["31 Dec 9999: a range, not \"not a real date\"", { heldOn: "9999-12-31" }, "heldOn", /^Date must be between 1 Jan 1900 and 31 Dec 2999\.$/],
    ["a date as a number", { heldOn: 20220215 }, "heldOn", /date like 15 Feb 2022/],
    ["an unknown format", { format: "zoom" }, "format", /in person, virtual or hybrid/],
    ["a host that is not a uuid", { hostOrganisationId: "EEAS" }, "hostOrganisationId", /not a valid reference/],
    ["a series that is not a uuid", { seriesId: "1" }, "seriesId", /not a valid reference/],
    ["a bad id among the participants", { participantOrganisationIds: [uuid(1), "nope"] }, "participantOrganisationIds", /not a valid reference/],
    ["participants as a string", { participantOrganisationIds: uuid(1) }, "participantOrganisationIds", /must be a list/],
    ["co-chairs as a string", { coChairs: "Jean-Luc Lemahieu" }, "coChairs", /list of names/],
    ["an empty co-chair", { coChairs: ["Jean-Luc Lemahieu", " "] }, "coChairs", /enter co-chair/i],
    ["eleven co-chairs", { coChairs: Array.from({ length: 11 }, (_, i) => `Chair ${i}`) }, "coChairs", /at most 10/i],
    ["a series number as text", { seriesNumber: "16" }, "seriesNumber", /must be a number/],
    ["a fractional series number", { seriesNumber: 16.5 }, "seriesNumber", /whole number/],
    ["series number zero", { seriesNumber: 0 }, "seriesNumber", /at least 1/],
    ["a summary over 50,000 characters", { summary: "x".repeat(50_001) }, "summary", /at most 50000 characters/],
    ["a location over 200 characters", { location: "x".repeat(201) }, "location", /at most 200 characters/],
    ["an unknown visibility", { visibility: "secret" }, "visibility", /internal or restricted/],
  ];

  it.each(bad)("refuses %s, naming the field", (_what, change, field, message) => {
    const found = errors(meetingInput, { ...som16, ...change });
    expect(Object.keys(found)).toEqual([field]);
    expect(found[field]).toMatch(message);
  });

  it("accepts 29 February in a leap year", () => {
    expect(errors(meetingInput, { ...som16, heldOn: "2024-02-29" })).toEqual({});
  });

  it("reports every wrong field at once", () => {
    expect(Object.keys(errors(meetingInput, { ...som16, title: "", heldOn: "2023-02-29", format: 3 })).sort()).toEqual(["format", "heldOn", "title"]);
  });

  it("keeps hostile text as text (escaping is the renderer's job)", () => {
    const title = `<script>alert("x")</script>'; drop table meetings; --`;
    expect(meetingInput.parse({ ...som16, title }).title).toBe(title);
  });
});

describe("meetingPatch (a change to a meeting)", () => {
  it("accepts a change with the version it was based on", () => {
    expect(errors(meetingPatch, { version: 3, title: "16th SOM" })).toEqual({});
  });

  it("needs the version the change was based on", () => {
    expect(errors(meetingPatch, { title: "16th SOM" })).toEqual({ version: expect.stringMatching(/version/) });
    expect(errors(meetingPatch, { title: "16th SOM", version: "3" })).toEqual({ version: expect.stringMatching(/number of the version/) });
    expect(errors(meetingPatch, { title: "16th SOM", version: 0 })).toEqual({ version: expect.stringMatching(/at least 1/) });
    expect(errors(meetingPatch, { title: "16th SOM", version: 1.5 })).toEqual({ version: expect.stringMatching(/whole number/) });
  });

  it("checks the fields it changes like the form does", () => {
    expect(errors(meetingPatch, { version: 1, heldOn: "2023-02-29" })).toEqual({ heldOn: expect.stringMatching(/not a real date/) });
    expect(errors(meetingPatch, { version: 1, title: "" })).toEqual({ title: expect.stringMatching(/enter title/i) });
  });

  // zod 4 applies .default() even inside .partial(): a patch built from the form schema would set
  // every defaulted field the user did not touch (location "", participants [], visibility "internal").
  it("changes only what the patch names (no defaults filled in)", () => {
    expect(meetingPatch.parse({ version: 2, title: "16th SOM" })).toEqual({ version: 2, title: "16th SOM" });
  });

  it("refuses a patch that changes nothing but the version", () => {
    expect(errors(meetingPatch, { version: 2 })).toEqual({ _: "Change at least one field." });
  });
});

describe("followUpInput (the follow-up form)", () => {
  it("accepts a follow-up from the 16th SOM", () => {
    expect(errors(followUpInput, followUp)).toEqual({});
  });

  it("records a follow-up from a call or an e-mail: no meeting, no owner in person, no due date", () => {
    expect(
      followUpInput.parse({ title: "Send the press release", priorityAreaId: uuid(1), ownerOrganisationId: uuid(2), meetingId: null, ownerUserId: null, dueOn: null }),
    ).toEqual({
      title: "Send the press release",
      description: "",
      priorityAreaId: uuid(1),
      ownerOrganisationId: uuid(2),
      meetingId: null,
      ownerUserId: null,
      dueOn: null,
      status: "open",
      priority: "normal",
    });
  });

  //  what is wrong                        change                                   field                  message says
  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty title", { title: "" }, "title", /enter title/i],
    ["a title over 300 characters", { title: "x".repeat(301) }, "title", /at most 300/],
    ["a description over 20,000 characters", { description: "x".repeat(20_001) }, "description", /at most 20000/],
    ["a title that is a number", { title: 42 }, "title", /must be text/],
    ["no priority area", { priorityAreaId: undefined }, "priorityAreaId", /not a valid reference/],
    ["a priority area that is not a uuid", { priorityAreaId: "drugs" }, "priorityAreaId", /priority area is not a valid reference/i],
    ["an owner organisation that is not a uuid", { ownerOrganisationId: "UNODC" }, "ownerOrganisationId", /not a valid reference/],
    ["a meeting id that is not a uuid", { meetingId: "16" }, "meetingId", /meeting is not a valid reference/i],
    ["a due date of 2022-13-45", { dueOn: "2022-13-45" }, "dueOn", /due date is not a real date/i],
    ["a due date of 29 February 2023", { dueOn: "2023-02-29" }, "dueOn", /not a real date/],
    ["an unknown status", { status: "finished" }, "status", /open, in progress, blocked, done or cancelled/],
    ["an unknown priority", { priority: "urgent" }, "priority", /low, normal or high/],
  ];

  it.each(bad)("refuses %s, naming the field", (_what, change, field, message) => {
    const found = errors(followUpInput, { ...followUp, ...change });
    expect(Object.keys(found)).toEqual([field]);
    expect(found[field]).toMatch(message);
  });

  it("accepts a due date of 29 February 2024", () => {
    expect(errors(followUpInput, { ...followUp, dueOn: "2024-02-29" })).toEqual({});
  });
});

describe("followUpPatch (a change to a follow-up)", () => {
  it("accepts a status change with its version", () => {
    expect(errors(followUpPatch, { version: 1, status: "done" })).toEqual({});
  });

  it("needs the version the change was based on", () => {
    expect(errors(followUpPatch, { status: "done" })).toEqual({ version: expect.stringMatching(/version/) });
  });

  it("does not move a follow-up to another meeting", () => {
    expect(followUpPatch.parse({ version: 1, status: "done", meetingId: uuid(9) })).not.toHaveProperty("meetingId");
  });

  it("refuses a bad due date and an unknown status, naming them", () => {
    expect(errors(followUpPatch, { version: 1, dueOn: "2023-02-29", status: "finished" })).toEqual({
      dueOn: expect.stringMatching(/not a real date/),
      status: expect.stringMatching(/open, in progress/),
    });
  });

  // As for meetings: no defaults in a patch, or renaming a follow-up would reopen it.
  it("changes only what the patch names (no defaults filled in)", () => {
    expect(followUpPatch.parse({ version: 4, title: "Renamed" })).toEqual({ version: 4, title: "Renamed" });
  });

  it("refuses a patch that changes nothing but the version", () => {
    expect(errors(followUpPatch, { version: 4 })).toEqual({ _: "Change at least one field." });
  });
});

describe("commentInput", () => {
  it("accepts a comment and trims it", () => {
    expect(commentInput.parse({ body: "  Port assessments done in Lomé and Cotonou.  " })).toEqual({ body: "Port assessments done in Lomé and Cotonou." });
  });

  it.each([
    ["an empty comment", "", /enter comment/i],
    ["a comment of only spaces", "  \n ", /enter comment/i],
    ["a comment over 10,000 characters", "x".repeat(10_001), /at most 10000/],
  ])("refuses %s", (_what, body, message) => {
    expect(errors(commentInput, { body })).toEqual({ body: expect.stringMatching(message) });
  });
});

describe("signInInput", () => {
  it("compares e-mail addresses without case or surrounding spaces", () => {
    expect(signInInput.parse({ email: "  Staff@EEAS.example ", password: "demo-password" }).email).toBe("staff@eeas.example");
  });

  it("names the field that is wrong", () => {
    expect(errors(signInInput, { email: "staff", password: "" })).toEqual({
      email: expect.stringMatching(/e-mail address/),
      password: expect.stringMatching(/enter your password/i),
    });
  });
});

describe("the filters in a query string", () => {
  it("reads overdue and mine as true or false", () => {
    expect(followUpFilters.parse({ overdue: "true", mine: "false" })).toEqual({ overdue: true, mine: false });
    expect(followUpFilters.parse({ overdue: "false" })).toEqual({ overdue: false });
    expect(errors(followUpFilters, { overdue: "yes" })).toEqual({ overdue: "Use true or false." });
    // The parsed filters go back in as they came out (a board column loading more with "Overdue only").
    const parsed = followUpFilters.parse({ overdue: "true", subUnits: "false", organisationId: "00000000-0000-4000-8000-000000000000" });
    expect(followUpFilters.parse(parsed)).toEqual(parsed);
    expect(errors(followUpFilters, { overdue: 1 })).toEqual({ overdue: "Use true or false." });
  });

  it("takes one status or several", () => {
    expect(followUpFilters.parse({ status: "blocked" })).toEqual({ status: "blocked" });
    expect(followUpFilters.parse({ status: ["open", "in_progress"] })).toEqual({ status: ["open", "in_progress"] });
    expect(Object.keys(errors(followUpFilters, { status: ["open", "finished"] }))).toEqual(["status"]);
  });

  it("turns limit and year into numbers and keeps them in range", () => {
    expect(followUpFilters.parse({ limit: "20" })).toEqual({ limit: 20 });
    expect(Object.keys(errors(followUpFilters, { limit: "0" }))).toEqual(["limit"]);
    expect(Object.keys(errors(followUpFilters, { limit: "201" }))).toEqual(["limit"]);
    expect(meetingFilters.parse({ year: "2022", q: "  Africa " })).toEqual({ year: 2022, q: "Africa" });
    expect(errors(meetingFilters, { year: "1899" })).toEqual({ year: "Year must be 1900 or later." });
    expect(errors(meetingFilters, { year: "twenty" })).toEqual({ year: expect.stringMatching(/must be a number/) });
  });

  it("refuses ids that are not uuids, naming the filter", () => {
    expect(Object.keys(errors(meetingFilters, { seriesId: "som", organisationId: "EEAS" })).sort()).toEqual(["organisationId", "seriesId"]);
    expect(Object.keys(errors(followUpFilters, { meetingId: "16" }))).toEqual(["meetingId"]);
  });
});

describe("fieldErrors", () => {
  it("files an error inside a list under the list's name, keeping the first message per field", () => {
    const result = meetingInput.safeParse({ ...som16, participantOrganisationIds: ["a", "b"], title: "" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.filter((i) => i.path[0] === "participantOrganisationIds")).toHaveLength(2);
    expect(fieldErrors(result.error)).toEqual({
      title: "Enter title.",
      participantOrganisationIds: "Participating organisation is not a valid reference.",
    });
  });

  it("files an update action's errors under the form's field names, not under patch", () => {
    // The shape of updateFollowUpAction's input: { id, patch }.
    const result = z.object({ id: z.uuid(), patch: followUpPatch }).safeParse({ id: uuid(1), patch: { version: 1, title: "", dueOn: "2023-02-29" } });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)).toEqual({ title: "Enter title.", dueOn: "Due date is not a real date." });
  });

  it("files an error about the whole form under _", () => {
    const result = signInInput.safeParse("not an object");
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toEqual(["_"]);
  });
});
