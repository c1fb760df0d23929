import { describe, expect, it } from "vitest";
import { localizeErrorText } from "@/lib/i18n/errors";
import { vm } from "@/lib/i18n/validation";

describe("a server's refusal in the requester's language", () => {
  it("says a refused mention in French, with the person's name, and in English as always", () => {
    const sentence = vm("mentionCannotSeeMeeting", { name: "Marc Dubois" });
    expect(sentence).toBe("Marc Dubois cannot see this meeting, so they cannot be mentioned in its summary.");
    expect(localizeErrorText(sentence, "fr")).toBe("Marc Dubois ne peut pas voir cette réunion et ne peut donc pas être mentionné(e) dans son compte rendu.");
    expect(localizeErrorText(sentence, "en")).toBe(sentence);
    expect(localizeErrorText(vm("mentionNotUser"), "fr")).toMatch(/^Une personne mentionnée/);
  });
});
