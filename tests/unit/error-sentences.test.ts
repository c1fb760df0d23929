/**
 * Every sentence the server answers can be said in the requester's language: errors thrown in server
 * code are catalogue sentences (vm), never literal English a French reader would get as it is.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { localizeAppError, localizeErrorText, sentenceIn } from "@/lib/i18n/errors";
import { vm } from "@/lib/i18n/validation";
import { detectContentType } from "@/lib/attachments/files";
import { assertAdmin } from "@/db/queries/admin";
import { tooLarge as bodyTooLarge } from "@/server/body-limits";
import { tooLarge as uploadTooLarge } from "@/server/attachments/upload";
import { documentText } from "@/server/attachments/text";
import { ImportFileError, readImportFile } from "@/server/import/read";
import { guardXlsx, HostileFileError } from "@/server/import/xlsx-guard";
import { passwordProblem } from "@/server/passwords";
import { checkUrl, UnsafeUrlError } from "@/server/webhooks/ssrf";
import { userInput } from "@/lib/validation/users";
import { localizedFieldErrors } from "@/lib/i18n/errors";

const root = path.resolve(__dirname, "../..");

/** Words of English that French sentences never use. */
const english = /\b(the|is|are|must|cannot|your|you|with|this|that|which|does|not|has|have|of|to|and)\b/i;

/** The error in French: message and fields differ from the English and hold no English word. */
function expectFrench(e: unknown) {
  expect(e).toBeInstanceOf(AppError);
  const en = localizeAppError(e as AppError, "en");
  const fr = localizeAppError(e as AppError, "fr");
  expect(fr.code).toBe(en.code);
  for (const [key, text] of [["message", fr.message], ...Object.entries(fr.fields ?? {})] as const) {
    const englishText = key === "message" ? en.message : en.fields?.[key];
    expect(text, `${key}: ${englishText}`).not.toBe(englishText);
    expect(text, `${key}: ${text}`).not.toMatch(english);
  }
}

const thrown = async (f: () => unknown) => {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
};
const asAppError = (e: unknown) => (e instanceof AppError ? e : new AppError("bad_request:test", (e as Error).message, { file: (e as Error).message }));

describe("a server's refusal in the requester's language", () => {
  it("says a refused mention in French, with the person's name, and in English as always", () => {
    const sentence = vm("mentionCannotSeeMeeting", { name: "Marc Dubois" });
    expect(sentence).toBe("Marc Dubois cannot see this meeting, so they cannot be mentioned in its summary.");
    expect(localizeErrorText(sentence, "fr")).toBe("Marc Dubois ne peut pas voir cette réunion et ne peut donc pas être mentionné(e) dans son compte rendu.");
    expect(localizeErrorText(sentence, "en")).toBe(sentence);
    expect(localizeErrorText(vm("mentionNotUser"), "fr")).toMatch(/^Une personne mentionnée/);
  });

  it("server modules throw sentences French can say (policy, files, uploads, imports, webhooks, passwords)", async () => {
    const staff = { id: "u", name: "U", email: "u@example.org", role: "staff" as const, organisationId: "o", relatedOrganisationIds: new Set<string>(), subtreeOrganisationIds: new Set<string>() };
    expectFrench(await thrown(() => assertAdmin(staff)));
    expectFrench(await thrown(() => detectContentType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0]), "report.pdf", true)));
    expectFrench(bodyTooLarge(64 * 1024));
    expectFrench(uploadTooLarge(25 * 1024 * 1024));
    expectFrench(await thrown(() => documentText(Buffer.from("x"), "text/plain")));
    for (const file of [Buffer.alloc(0), Buffer.from("a,b\u0000c"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])]) {
      const e = await thrown(() => readImportFile(file, "sheet.csv"));
      expect(e).toBeInstanceOf(ImportFileError);
      expectFrench(asAppError(e));
    }
    const hostile = await thrown(() => guardXlsx(Buffer.from("not a zip at all, just text")));
    expect(hostile).toBeInstanceOf(HostileFileError);
    expectFrench(asAppError(hostile));
    for (const url of ["ftp://example.org/hook", "https://user:secret@example.org/hook"]) {
      const e = await thrown(() => checkUrl(url));
      expect(e).toBeInstanceOf(UnsafeUrlError);
      expectFrench(asAppError(e));
    }
    const weak = passwordProblem("password2026!", { email: "amina.diallo@unodc.org", name: "Amina Diallo" });
    expectFrench(new AppError("bad_request:password", undefined, { password: weak ?? "" }));
  });

  it("says schema sentences in French (a form's problems)", () => {
    const r = userInput.safeParse({ email: "nope", name: "", role: "boss", organisationId: "x" });
    expect(r.success).toBe(false);
    const fields = localizedFieldErrors(r.error!, "fr");
    expect(fields.email).toBe("Saisissez une adresse électronique comme nom@unodc.org.");
    expect(fields.role).toBe("Choisissez un rôle : agent, gestionnaire ou administrateur.");
    expect(localizedFieldErrors(r.error!, "en").email).toBe("Enter an e-mail address like name@unodc.org.");
  });

  it("says a sentence inside another in French (a draft's follow-up and its problem)", () => {
    const sentence = vm("draftFollowUpProblem", { number: "2", title: "Map EU funding", problem: vm("required", { label: "Title" }) });
    expect(sentence).toBe("Follow-up 2 (“Map EU funding”): Enter title.");
    expect(localizeErrorText(sentence, "fr")).toBe("Suivi 2 (« Map EU funding ») : Renseignez le champ « Titre ».");
  });

  it("writes an import's problems and summary in the reader's language", () => {
    expect(sentenceIn("en", "importSummary", { create: 2, problems: 1, existing: 0 })).toBe("2 to create, 1 with problems, 0 already there.");
    expect(sentenceIn("fr", "importSummary", { create: 2, problems: 1, existing: 1 })).toBe("2 à créer, 1 avec des problèmes, 1 déjà présent.");
    expect(sentenceIn("fr", "importCreated", { count: 2, file: "workplan.xlsx" })).toBe("2 suivis créés à partir de workplan.xlsx.");
    expect(sentenceIn("fr", "importUnknownNear", { what: "organisation", value: "UNDOC", near: "UNODC" })).toBe("Organisation inconnue : « UNDOC ». Vouliez-vous dire « UNODC » ?");
  });
});

describe("dates and numbers in a sentence are written the reader's way", () => {
  it("the date range: 1 Jan 1900 / 1 janv. 1900", () => {
    const sentence = vm("dateRange", { label: "Due date", fromDate: "1900-01-01", toDate: "2999-12-31" });
    expect(sentence).toBe("Due date must be between 1 Jan 1900 and 31 Dec 2999.");
    expect(localizeErrorText(sentence, "fr")).toBe("« Échéance » doit être comprise entre le 1 janv. 1900 et le 31 déc. 2999.");
  });

  it("a token's latest expiry: 30 Jun 2027 / 30 juin 2027, never the ISO form", () => {
    const sentence = vm("tokenExpiryMax", { latestDate: "2027-06-30" });
    expect(sentence).toBe("A token lasts at most a year: choose a day up to 30 Jun 2027.");
    expect(localizeErrorText(sentence, "fr")).toBe("Un jeton est valable un an au plus : choisissez une date allant jusqu’au 30 juin 2027.");
  });

  it("numbers: 5,000 rows / 5 000 lignes, 2.5 MB / 2,5 Mo", () => {
    const rows = vm("importTooManyRows", { max: 5000 });
    expect(rows).toMatch(/more than 5,000 rows/);
    expect(localizeErrorText(rows, "fr")).toMatch(/plus de 5\u202f000 lignes/);
    const size = vm("fileTooLargeShort", { mb: 2.5 });
    expect(size).toBe("The file must be at most 2.5 MB.");
    expect(localizeErrorText(size, "fr")).toBe("Le fichier ne doit pas dépasser 2,5 Mo.");
  });
});

describe("no literal English sentence in server code", () => {
  function sources(dir: string): { file: string; text: string }[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) return sources(rel);
      return /\.tsx?$/.test(e.name) ? [{ file: rel, text: fs.readFileSync(path.join(root, rel), "utf8") }] : [];
    });
  }
  const literal = String.raw`"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\]|\\.)*\``;
  /** Words in quotes that read as a sentence: two words or more, ending like one ("No such meeting.", "Choose a file."). */
  const isSentence = (quoted: string) => /[A-Za-z]{2} [A-Za-z]/.test(quoted) && /[.?!…]$/.test(quoted.slice(1, -1).trim());
  // Where a sentence would reach a person: an error's message or fields (up to the end of the statement),
  // a schema's { error: … } or { message: … }, a field's problem (fields[…] = …, errors.owner = …).
  const thrown = /\b(?:invalid|forbidden|new (?:AppError|ImportFileError|HostileFileError|UnsafeUrlError))\([^;]*/g;
  const assigned = new RegExp(String.raw`\b(?:error|message):\s*(?:${literal})|\b(?:fields|errors)(?:\.\w+|\[[^\]]+\])\s*=\s*(?:${literal})`, "g");
  /**
   * English on purpose: what the server says to whoever runs it (settings), a webhook's test event for a
   * developer's receiver, a delivery's result kept in its log beside the network's own messages, and the
   * client's fallback for a network failure (components say it by its code, "network").
   */
  const meant = [/^server\/env\.ts: /, /^db\/queries\/webhooks\.ts: message: "A test delivery/, /^server\/webhooks\/deliver\.ts: error: `The receiver answered/, /^lib\/result\.ts: /];

  it("errors, schema messages and fields are catalogue sentences (vm), not English text", () => {
    const found = ["app", "db", "lib", "server"]
      .flatMap(sources)
      .filter(({ file }) => !file.startsWith("db/seed"))
      .flatMap(({ file, text }) =>
        [...text.matchAll(thrown), ...text.matchAll(assigned)]
          .filter((m) => [...m[0].matchAll(new RegExp(literal, "g"))].some((q) => isSentence(q[0])))
          .map((m) => `${file}: ${m[0].slice(0, 120)}`),
      )
      .filter((line) => !meant.some((re) => re.test(line)));
    expect(found).toEqual([]);
  });
});
