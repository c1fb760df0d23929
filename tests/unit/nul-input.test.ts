import { z } from "zod";
import { describe, expect, it } from "vitest";
import { fieldErrors, safeParseInput } from "@/lib/validation/common";
import { commentInput, followUpPatch } from "@/lib/validation/follow-ups";

describe("safeParseInput", () => {
  it("refuses a NUL character anywhere, naming the field (the database could not store it)", () => {
    const comment = safeParseInput(commentInput, { body: "a\u0000b" });
    expect(comment.success).toBe(false);
    expect(fieldErrors(comment.error!)).toEqual({ body: expect.stringMatching(/NUL/) });
    const nested = safeParseInput(z.object({ id: z.string(), patch: followUpPatch }), { id: "x", patch: { version: 1, title: "ok", description: ["\u0000"] } });
    expect(fieldErrors(nested.error!)).toEqual({ description: expect.stringMatching(/NUL/) });
  });

  it("parses everything else exactly as the schema does", () => {
    expect(safeParseInput(commentInput, { body: "  fine ü 🚀  " })).toEqual(commentInput.safeParse({ body: "  fine ü 🚀  " }));
    expect(safeParseInput(commentInput, { body: 3 }).success).toBe(false);
  });
});
