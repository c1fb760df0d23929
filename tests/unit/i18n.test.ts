/**
 * The catalogues (messages/en.json, messages/fr.json): the same keys in both, every key used, ICU plurals
 * and dates in both languages, the locale rule, and validation messages said again in French.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatterFor } from "@/lib/i18n/format-server";
import { fromAcceptLanguage, resolveLocale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import { localizeIssue, localizeMessage, usedLabels } from "@/lib/i18n/validation";
import { localName, localAcronym } from "@/lib/i18n/names";
import { localizedFieldErrors } from "@/lib/i18n/errors";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { followUpInput } from "@/lib/validation/follow-ups";
import { requiredText } from "@/lib/validation/common";

const root = path.resolve(__dirname, "../..");
type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [fs.readFileSync(path.join(root, rel), "utf8")] : [];
  });
}

describe("the catalogues", () => {
  it("agree key for key", () => {
    expect(flatten(fr as Tree).sort()).toEqual(flatten(en as Tree).sort());
  });

  it("have no empty message", () => {
    for (const [name, cat] of [["en", en], ["fr", fr]] as const) {
      const empty = flatten(cat as Tree).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Tree)[p], cat) === "");
      expect(empty, name).toEqual([]);
    }
  });

  it("have no key unused: each namespace is named in the code and each key appears there quoted", () => {
    const code = ["app", "components", "lib", "server", "db", "i18n"].flatMap(sources).join("\n");
    const unused = flatten(en as Tree).filter((key) => {
      const parts = key.split(".");
      const ns = parts[0]!;
      const leaf = parts[parts.length - 1]!;
      // Labels are looked up by their English text, the one the schemas pass (lib/i18n/validation.ts).
      // Looked up by a computed key: t(`goals.${n}`), t(`fields.${field}`).
      if (key.startsWith("admin.sdg.goals.") || key.startsWith("admin.activity.fields.")) return false;
      if (parts[1] === "labels" && ns === "validation") return !code.includes(`"${(en.validation.labels as Record<string, string>)[leaf]}"`);
      return !code.includes(`"${ns}"`) || !code.includes(`"${leaf}"`);
    });
    expect(unused).toEqual([]);
  });

  it("French never repeats the English sentence (beyond words that are the same in both)", () => {
    const same = new Set(["shell.menu", "validation.labels.action", "validation.labels.corruption", "validation.labels.date", "validation.labels.description", "validation.labels.notes", "validation.labels.organisation", "validation.labels.text", "export.description", "export.unDocuments", "briefing.organisation", "calendar.feedName", "validation.labels.comment", "minutes.date"]);
    const get = (cat: unknown, k: string) => k.split(".").reduce<unknown>((o, p) => (o as Tree)[p], cat);
    // Words French writes the same way (a sentence made only of these may be the same in both).
    const sameWords = new Set(["documents", "notifications", "mentions", "organisation", "organisations", "action", "position", "date", "description", "version", "word", "excel", "powerpoint", "ctrl", "k", "https", "format", "notes", "webhooks", "actions"]);
    const onlySameWords = (text: string) => text.replace(/\{[^{}]*\}/g, " ").toLowerCase().split(/[^a-z]+/).filter(Boolean).every((w) => sameWords.has(w));
    const repeated = flatten(en as Tree).filter((k) => !same.has(k) && get(en, k) === get(fr, k) && !onlySameWords(String(get(en, k))) && /[a-z]{3}/.test(String(get(en, k)).replace(/\{[^{}]*\}/g, "")));
    expect(repeated).toEqual([]);
  });
});

describe("ICU plurals", () => {
  it.each([
    ["en", 0, "0 follow-ups"], ["en", 1, "1 follow-up"], ["en", 2, "2 follow-ups"],
    ["fr", 0, "0 suivi"], ["fr", 1, "1 suivi"], ["fr", 2, "2 suivis"],
  ] as const)("%s %i → %s", (locale, n, text) => {
    expect(formatterFor(locale).followUps(n)).toBe(text);
  });

  it.each([
    ["en", 0, "0 days"], ["en", 1, "1 day"], ["en", 2, "2 days"],
    ["fr", 0, "0 jour"], ["fr", 1, "1 jour"], ["fr", 2, "2 jours"],
  ] as const)("days %s %i → %s", (locale, n, text) => {
    expect(formatterFor(locale).days(n)).toBe(text);
  });

  it("the calendar says no follow-up in French for 0", () => {
    expect(translate("fr", "calendar")("agreed", { count: 0 })).toBe("Aucun suivi convenu lors de cette réunion.");
    expect(translate("en", "calendar")("agreed", { count: 1 })).toBe("1 follow-up agreed at this meeting.");
    expect(translate("fr", "calendar")("agreed", { count: 2 })).toBe("2 suivis convenus lors de cette réunion.");
  });
});

describe("dates and relative due dates", () => {
  it("15 Feb 2022 / 15 févr. 2022", () => {
    expect(formatterFor("en").date("2022-02-15")).toBe("15 Feb 2022");
    expect(formatterFor("fr").date("2022-02-15")).toBe("15 févr. 2022");
    expect(formatterFor("fr").date("2022-08-01")).toBe("1 août 2022");
    expect(formatterFor("en").dateTime("2022-02-15T09:05:00Z")).toBe("15 Feb 2022, 09:05 UTC");
    expect(formatterFor("fr").dateTime("2022-02-15T09:05:00Z")).toMatch(/^15 févr\. 2022,? (à )?09:05 UTC$/);
  });

  it("overdue, due today, due in: the English of old, and French", () => {
    const today = "2022-02-15";
    expect(formatterFor("en").due("2022-02-12", true, today)).toBe("Overdue by 3 days");
    expect(formatterFor("fr").due("2022-02-12", true, today)).toBe("en retard de 3 jours");
    expect(formatterFor("fr").due("2022-02-14", true, today)).toBe("en retard de 1 jour");
    expect(formatterFor("en").due("2022-02-15", false, today)).toBe("due today");
    expect(formatterFor("fr").due("2022-02-15", false, today)).toBe("échéance aujourd’hui");
    expect(formatterFor("en").due("2022-02-17", false, today)).toBe("due in 2 days");
    expect(formatterFor("fr").due("2022-02-17", false, today)).toBe("échéance dans 2 jours");
    expect(formatterFor("fr").status("in_progress")).toBe("En cours");
  });
});

describe("the locale", () => {
  it("the saved choice, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale({ saved: "fr", cookie: "en", acceptLanguage: "en" })).toBe("fr");
    expect(resolveLocale({ saved: null, cookie: "fr", acceptLanguage: "en-GB" })).toBe("fr");
    expect(resolveLocale({ saved: "de", cookie: "xx", acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8" })).toBe("fr");
    expect(resolveLocale({})).toBe("en");
  });

  it("reads Accept-Language by quality", () => {
    expect(fromAcceptLanguage("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(fromAcceptLanguage("en;q=0.5, fr-CA;q=0.6")).toBe("fr");
    expect(fromAcceptLanguage("fr;q=0, en")).toBe("en");
    expect(fromAcceptLanguage("de")).toBeNull();
    expect(fromAcceptLanguage(`${"x,".repeat(100_000)}fr`)).toBeNull(); // long headers are cut, never slow
  });

  it("reference names: French when there is one, English otherwise", () => {
    expect(localName({ name: "Illicit flows", nameFr: "Flux illicites" }, "fr")).toBe("Flux illicites");
    expect(localName({ name: "Illicit flows", nameFr: "Flux illicites" }, "en")).toBe("Illicit flows");
    expect(localName({ name: "Drugs", nameFr: null }, "fr")).toBe("Drugs");
    expect(localAcronym({ acronym: "DG HOME", acronymFr: null }, "fr")).toBe("DG HOME");
    expect(localAcronym({ acronym: "UNODC", acronymFr: "ONUDC" }, "fr")).toBe("ONUDC");
  });
});

describe("validation messages from the catalogue", () => {
  it("English stays word for word; French says the same with the label translated", () => {
    const r = followUpInput.safeParse({ title: "", priorityAreaId: "x", ownerOrganisationId: "3b241101-e2bb-4255-8caf-4136c566a962" });
    expect(r.success).toBe(false);
    if (r.success) return;
    const en = localizedFieldErrors(r.error, "en");
    const frFields = localizedFieldErrors(r.error, "fr");
    expect(en.title).toBe("Enter title.");
    expect(frFields.title).toBe("Renseignez le champ « Titre ».");
    expect(en.priorityAreaId).toBe("Priority area is not a valid reference.");
    expect(frFields.priorityAreaId).toBe("« Domaine prioritaire » n’est pas une référence valide.");
    expect(localizeMessage(requiredText("Title", 300).safeParse("x".repeat(301)).error!.issues[0]!.message, "fr", fr.validation)).toBe("« Titre » ne doit pas dépasser 300 caractères.");
  });

  it("zod's own messages are said by zod's French locale", () => {
    const r = z.object({ limit: z.number().max(200) }).safeParse({ limit: 500 });
    const issue = r.error!.issues[0]!;
    expect(localizeIssue(issue, "en", fr.validation)).toBe(issue.message);
    expect(localizeIssue(issue, "fr", fr.validation)).toMatch(/trop grand/i);
  });

  it("every label a schema uses has a French name", async () => {
    for (const f of fs.readdirSync(path.join(root, "lib/validation"))) await import(`@/lib/validation/${f.replace(/\.ts$/, "")}`);
    const known = new Set(Object.values(en.validation.labels));
    expect([...usedLabels()].filter((l) => !known.has(l))).toEqual([]);
  });
});
