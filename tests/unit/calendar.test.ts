/**
 * The iCalendar files (lib/calendar.ts), read back with a separate parser (Mozilla's ical.js) and
 * checked against RFC 5545's framing: CRLF line ends, lines of at most 75 octets, stable UIDs,
 * DTSTAMP, PRODID and VERSION; all-day dates that stay on their day in every time zone.
 */
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { type CalendarDueDate, type CalendarMeeting, feedCalendar, meetingCalendar, meetingFileName } from "@/lib/calendar";

const appUrl = "https://tracker.example.org";
const som16: CalendarMeeting = {
  id: "3f0c9a52-5d4e-4a51-9d0e-8a1b2c3d4e5f",
  title: "16th EU–UNODC Senior Officials Meeting",
  heldOn: "2022-02-15",
  format: "hybrid",
  location: "Brussels",
  summary: "The EU and UNODC took stock of their cooperation.\n\nThey agreed on next steps on **drugs**, corruption and maritime crime.",
  hostName: "European External Action Service",
  updatedAt: new Date("2022-02-16T09:30:00Z"),
  followUpCount: 3,
};
const due: CalendarDueDate = {
  id: "9a8b7c6d-1111-4222-8333-444455556666",
  title: "Share the draft roadmap, with comments; then circulate\nto members",
  dueOn: "2026-12-31",
  status: "in_progress",
  ownerName: "Dana Staff (UNODC)",
  meetingTitle: "16th EU–UNODC Senior Officials Meeting",
  updatedAt: new Date("2026-11-01T12:00:00Z"),
};

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents("vevent").map((v) => ({ v, e: new ICAL.Event(v) })) };
}

/** The framing a calendar app relies on, checked on the raw text. */
function expectRfc5545Framing(text: string) {
  expect(text.endsWith("\r\n"), "the last line ends with CRLF").toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  const unfolded = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  expect(unfolded).toContain("VERSION:2.0");
  expect(unfolded.some((l) => l.startsWith("PRODID:"))).toBe(true);
  const events = unfolded.filter((l) => l === "BEGIN:VEVENT").length;
  expect(unfolded.filter((l) => l.startsWith("DTSTAMP:")).length).toBe(events);
  expect(unfolded.filter((l) => l.startsWith("UID:")).length).toBe(events);
  return unfolded;
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("a meeting's .ics", () => {
  it("is an all-day event on the meeting's date with its title, place, summary, follow-up count and link", () => {
    const text = meetingCalendar(som16, appUrl);
    const lines = expectRfc5545Framing(text);
    expect(lines).toContain("DTSTART;VALUE=DATE:20220215");
    expect(lines).toContain("DTEND;VALUE=DATE:20220216");
    const { events } = parse(text);
    expect(events).toHaveLength(1);
    const { e, v } = events[0]!;
    expect(e.summary).toBe(som16.title);
    expect(e.location).toBe("Brussels");
    expect(e.uid).toBe(`meeting-${som16.id}@cooperation-tracker`);
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe("2022-02-15");
    expect(e.endDate.toString()).toBe("2022-02-16");
    expect(v.getFirstPropertyValue("url")).toBe(`${appUrl}/meetings/${som16.id}`);
    expect(v.getFirstPropertyValue("dtstamp")!.toString()).toBe("2022-02-16T09:30:00Z");
    expect(e.description).toContain("The EU and UNODC took stock of their cooperation. They agreed");
    expect(e.description).toContain("Hybrid · Host: European External Action Service");
    expect(e.description).toContain("3 follow-ups agreed at this meeting.");
    expect(e.description).toContain(`Meeting page: ${appUrl}/meetings/${som16.id}`);
  });

  it("gives the same UID for the same meeting every time, and another for another meeting", () => {
    const uid = (m: CalendarMeeting) => parse(meetingCalendar(m, appUrl)).events[0]!.e.uid;
    expect(uid(som16)).toBe(uid({ ...som16, title: "Renamed", updatedAt: new Date() }));
    expect(uid({ ...som16, id: "00000000-0000-4000-8000-000000000001" })).not.toBe(uid(som16));
  });

  it("escapes commas, semicolons, backslashes and new lines in titles, and reads them back unchanged", () => {
    const title = "Drugs, crime; and \\ more\nsecond line";
    const text = meetingCalendar({ ...som16, title, location: "Vienna; VIC, Room C" }, appUrl);
    const lines = expectRfc5545Framing(text);
    expect(lines).toContain("SUMMARY:Drugs\\, crime\\; and \\\\ more\\nsecond line");
    const { e } = parse(text).events[0]!;
    expect(e.summary).toBe(title);
    expect(e.location).toBe("Vienna; VIC, Room C");
  });

  it("folds long lines of multi-byte text at 75 octets without splitting a character", () => {
    const summary = "Coopération régionale — 合作 🤝 ".repeat(40);
    const text = meetingCalendar({ ...som16, title: "Ж".repeat(120), summary }, appUrl);
    expectRfc5545Framing(text);
    expect(text).toMatch(/\r\n /); // folded
    const { e } = parse(text).events[0]!;
    expect(e.summary).toBe("Ж".repeat(120));
    expect(e.description).toContain("Coopération régionale — 合作 🤝");
  });

  it("shortens long minutes to a preview, leaves out what is not recorded", () => {
    const long = `${"word ".repeat(200)}end`;
    const { e } = parse(meetingCalendar({ ...som16, summary: long, location: "", hostName: null, followUpCount: 1 }, appUrl)).events[0]!;
    expect(e.description.length).toBeLessThan(500);
    expect(e.description).toContain("…");
    expect(e.description).toContain("1 follow-up agreed at this meeting.");
    expect(e.description).not.toContain("Host:");
    expect(e.location).toBeNull();
  });

  it("has a file name from its date and title", () => {
    expect(meetingFileName(som16)).toBe("2022-02-15-16th-eu-unodc-senior-officials-meeting.ics");
    expect(meetingFileName({ title: "«»", heldOn: "2022-02-15" })).toBe("2022-02-15-meeting.ics");
  });
});

describe("a user's feed", () => {
  const feed = (userName = "Dana Staff") => feedCalendar({ userName, meetings: [som16], dueDates: [due] }, appUrl);

  it("is named for its owner and asks to be refreshed hourly", () => {
    const lines = expectRfc5545Framing(feed("Dana Staff, UNODC"));
    expect(lines).toContain("X-WR-CALNAME:Cooperation Tracker — Dana Staff\\, UNODC");
    expect(lines).toContain("NAME:Cooperation Tracker — Dana Staff\\, UNODC");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    const { cal } = parse(feed("Dana Staff, UNODC"));
    // ical.js reads NAME (RFC 7986) as an unknown type, raw: unescape it as the TEXT it is.
    const raw = String(cal.getFirstPropertyValue("name"));
    expect(ICAL.design.icalendar.value.text!.fromICAL!(raw)).toBe("Cooperation Tracker — Dana Staff, UNODC");
  });

  it("holds the meetings and the due dates as all-day events 'Due: <title>' with a link, that do not block time", () => {
    const { events } = parse(feed());
    expect(events.map(({ e }) => e.summary)).toEqual([som16.title, `Due: ${due.title}`]);
    const { e, v } = events[1]!;
    expect(e.uid).toBe(`follow-up-${due.id}@cooperation-tracker`);
    expect(v.getFirstPropertyValue("url")).toBe(`${appUrl}/follow-ups/${due.id}`);
    expect(v.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    expect(e.description).toContain("In progress · Owner: Dana Staff (UNODC)");
    expect(e.description).toContain(`Agreed at: ${som16.title}`);
  });

  it.each(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Asia/Kolkata", "Europe/Brussels"])(
    "keeps every due date on its calendar day when the server runs in %s",
    (tz) => {
      process.env.TZ = tz;
      const dates = ["2026-01-01", "2026-03-29", "2026-10-25", "2026-12-31", "2028-02-29"];
      const text = feedCalendar({ userName: "Dana", meetings: [], dueDates: dates.map((dueOn, i) => ({ ...due, id: `${due.id.slice(0, -1)}${i}`, dueOn })) }, appUrl);
      const lines = expectRfc5545Framing(text);
      for (const d of dates) {
        const compact = d.replaceAll("-", "");
        expect(lines).toContain(`DTSTART;VALUE=DATE:${compact}`);
      }
      const { events } = parse(text);
      expect(events.map(({ e }) => [e.startDate.isDate, e.startDate.toString()])).toEqual(dates.map((d) => [true, d]));
      expect(events.map(({ e }) => e.endDate.toString())).toEqual(["2026-01-02", "2026-03-30", "2026-10-26", "2027-01-01", "2028-03-01"]);
    },
  );

  it("is a valid empty calendar for someone with nothing in it", () => {
    const text = feedCalendar({ userName: "Nobody", meetings: [], dueDates: [] }, appUrl);
    expectRfc5545Framing(text);
    expect(parse(text).events).toHaveLength(0);
  });
});
