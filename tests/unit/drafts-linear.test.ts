/**
 * The draft extractor's work grows linearly with its input: worst cases at the size limit, the
 * work bounded by counting the steps its rules take (characters looked at, candidates weighed),
 * not by a clock. Regressions here were a signed-in request stalling the server for minutes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractMeetingDraftCounted } from "@/lib/drafts/extract";
import { draftTextLimit } from "@/lib/validation/meeting-drafts";
import { references } from "../fixtures/drafts/references";

const fill = (unit: string, size = draftTextLimit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Hostile texts, each at the size limit, aimed at one rule. */
const worst: Record<string, (size: number) => string> = {
  // The reported one: a label, a long run of spaces, then dates on the same line.
  "label, spaces, then dates on one line": (size) => `le${" ".repeat(size - 40)} x 1/1/2020 x 1/1/2020 x 1/1/2020`.slice(0, size),
  "a date every few characters on one line": (size) => fill("le: 1/1/2020 ", size),
  "one sentence of dates and organisations": (size) => fill("UNODC and the EEAS will act by 15 February 2022, ", size),
  "co-chairs named again and again": (size) => fill("co-chaired by Ms. Anna Berg, EEAS Director, and ", size),
  "cities and line starts": (size) => fill("Brussels, 1\nVienna 2 in Geneva ", size),
  "brackets that never close": (size) => fill("(", size),
  "series named and defined many times": (size) => fill("16th Senior Officials Meeting (SOM) ", size),
  "capitalised words before a head noun": (size) => fill("Alpha Beta Gamma Week of the Forum ", size),
  "areas in long shared-head lists": (size) => fill("environmental and maritime and and or, ", size),
  "spaces": (size) => " ".repeat(size),
  "one long word": (size) => "x".repeat(size),
};

describe("the draft extractor's work", () => {
  it.each(Object.keys(worst))("is linear for %s", (name) => {
    const make = worst[name] as (size: number) => string;
    const half = extractMeetingDraftCounted(make(draftTextLimit / 2), references).steps;
    const full = extractMeetingDraftCounted(make(draftTextLimit), references).steps;
    // A bounded number of steps per character at the limit, and twice the text is at most ~twice the work.
    expect(full).toBeLessThanOrEqual(60 * draftTextLimit);
    expect(full).toBeLessThanOrEqual(2.5 * Math.max(half, 1000));
  });

  it("stays small on a real press release", () => {
    const text = fs.readFileSync(path.join(__dirname, "../fixtures/drafts/som16-press-release.txt"), "utf8");
    const { steps } = extractMeetingDraftCounted(text, references);
    expect(steps).toBeLessThanOrEqual(60 * text.length);
  });
});
