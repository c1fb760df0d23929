import { describe, expect, it } from "vitest";
import { dateText, parseDateText } from "@/lib/date-text";

describe("dates as typed and as shown", () => {
  it.each([
    ["15 Feb 2022", "2022-02-15"],
    ["15 February 2022", "2022-02-15"],
    ["  2022-02-15 ", "2022-02-15"],
    ["2022-2-5", "2022-02-05"],
    ["5 sept 2022", "2022-09-05"],
    ["31 Feb 2022", "2022-02-31"],
    // French, as the app writes it and as people type it.
    ["15 févr. 2022", "2022-02-15"],
    ["15 fevrier 2022", "2022-02-15"],
    ["1 août 2030", "2030-08-01"],
    ["3 juil. 2024", "2024-07-03"],
    ["21 juin 2023", "2023-06-21"],
    ["4 Déc 2026", "2026-12-04"],
  ])("reads %j as %s", (typed, iso) => expect(parseDateText(typed)).toBe(iso));
  it.each(["", "15/02/2022", "15 Fe 2022", "15 Febx 2022", "Feb 2022", "yesterday", "3 jui 2024", "15 févx 2022"])("reads %j as no date", (typed) => expect(parseDateText(typed)).toBeNull());
  it("writes the app's way, and leaves a date that does not exist as it is", () => {
    expect(dateText("2022-02-15")).toBe("15 Feb 2022");
    expect(dateText("9999-12-31")).toBe("31 Dec 9999");
    expect(dateText("2022-02-31")).toBe("2022-02-31");
    expect(dateText("2022-02-15", "fr")).toBe("15 févr. 2022");
    expect(dateText("2030-08-01", "fr")).toBe("1 août 2030");
    // What the app writes in French reads back as the same day.
    for (const iso of ["2022-01-31", "2022-02-15", "2022-06-21", "2022-07-14", "2022-12-25"]) expect(parseDateText(dateText(iso, "fr"))).toBe(iso);
  });
});
