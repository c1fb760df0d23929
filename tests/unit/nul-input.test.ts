import { z } from "zod";
import { describe, expect, it } from "vitest";
import { fieldErrors, safeParseInput } from "@/lib/validation/common";
import { commentInput, followUpPatch } from "@/lib/validation/follow-ups";

describe("safeParseInput", () => {
  it("refuses a NUL character in any field the schema keeps, naming the field (the database could not store it)", () => {
    const comment = safeParseInput(commentInput, { body: "a\u0000b" });
    expect(comment.success).toBe(false);
    expect(fieldErrors(comment.error!)).toEqual({ body: expect.stringMatching(/NUL/) });
    const nested = safeParseInput(z.object({ id: z.string(), patch: followUpPatch }), { id: "x", patch: { version: 1, title: "ok", description: "line\u0000" } });
    expect(fieldErrors(nested.error!)).toEqual({ description: expect.stringMatching(/NUL/) });
  });

  it("ignores fields the schema drops, and names a field called constructor like any other", () => {
    expect(safeParseInput(commentInput, { body: "fine", extra: "\u0000", __proto__: "\u0000" }).success).toBe(true);
    const odd = safeParseInput(z.object({ constructor: z.string() }), { constructor: "a\u0000" });
    expect(fieldErrors(odd.error!)).toEqual({ constructor: expect.stringMatching(/NUL/) });
  });

  it("parses everything else exactly as the schema does", () => {
    expect(safeParseInput(commentInput, { body: "  fine ü 🚀  " })).toEqual(commentInput.safeParse({ body: "  fine ü 🚀  " }));
    expect(safeParseInput(commentInput, { body: 3 }).success).toBe(false);
  });
});
