import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisationKinds, organisations } from "@/db/schema";
import { parseCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { sentenceIn } from "@/lib/i18n/errors";
import { type Locale, readerLocale } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/translate";
import { localizeIssue, type ValidationKey, vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import { domainList } from "@/lib/validation/organisations";
import { recordChanges, recordEvent } from "./activity";
import { assertAdmin } from "./admin";
import { type OrganisationRow, toOrganisationJson } from "./organisations";

/** One data row of the file, as text. */
export type ImportRow = { line: number; name: string; acronym: string; kind: string; parentAcronym: string; domains: string };
export type ImportAction = "create" | "update" | "unchanged" | "error";
export type ImportPlanRow = { line: number; acronym: string; name: string; action: ImportAction; messages: string[] };
export type ImportPlan = { rows: ImportPlanRow[]; valid: boolean; changes: number; counts: Record<ImportAction, number> };

type Kind = (typeof organisationKinds)[number];
type Target = { name: string; acronym: string; kind: Kind; parentKey: string | null; domains: string[] };

const columns = { name: "name", acronym: "acronym", kind: "kind", parent: "parentAcronym", "parent acronym": "parentAcronym", parent_acronym: "parentAcronym", parentacronym: "parentAcronym", domains: "domains" } as const;
const order = ["name", "acronym", "kind", "parentAcronym", "domains"] as const;

/**
 * The file's rows: with a header line (name, acronym, kind, parent acronym, domains in any order)
 * or, without one, the columns in that order. Problems are written in `locale` (the preview is an answer, not an error).
 */
export function readImportRows(csv: string, locale: Locale = "en"): { rows: ImportRow[]; problems: string[] } {
  const records = parseCsv(csv);
  const first = records[0];
  const header = first?.cells.map((c) => c.trim().toLowerCase());
  let map: (keyof Omit<ImportRow, "line"> | null)[] = [...order];
  let body = records;
  const problems: string[] = [];
  if (header && header.includes("name") && header.includes("kind")) {
    map = header.map((h) => (h in columns ? columns[h as keyof typeof columns] : null));
    body = records.slice(1);
    const unknown = header.filter((h, i) => h && map[i] === null);
    if (unknown.length) problems.push(sentenceIn(locale, "orgImportUnknownColumns", { count: unknown.length, columns: unknown.join(", ") }));
    if (!header.includes("acronym")) problems.push(sentenceIn(locale, "orgImportNeedsAcronym"));
  }
  const rows = body.map((r) => {
    const row: ImportRow = { line: r.line, name: "", acronym: "", kind: "", parentAcronym: "", domains: "" };
    r.cells.forEach((c, i) => {
      const key = map[i];
      if (key) row[key] = c.trim();
    });
    return row;
  });
  if (!rows.length && !problems.length) problems.push(sentenceIn(locale, "orgImportNoRows"));
  return { rows, problems };
}

const sameList = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * What importing these rows would do, row by row, said in `locale`. Rows are matched to organisations by acronym
 * (case-insensitive; the stored spelling is kept); a parent is named by acronym, from the file or the database. Nothing is written.
 */
export async function planOrganisationImport(db: Db, rows: ImportRow[], fileProblems: string[] = [], locale: Locale = "en"): Promise<ImportPlan & { targets: Map<number, Target>; existing: Map<string, OrganisationRow> }> {
  const say = (key: ValidationKey, values?: Record<string, string | number>) => sentenceIn(locale, key, values);
  const all = await db.select().from(organisations);
  const active = new Map<string, OrganisationRow>();
  const archived = new Map<string, OrganisationRow>();
  for (const o of all) if (o.acronym) (o.archived ? archived : active).set(o.acronym.toLowerCase(), o);
  const byId = new Map(all.map((o) => [o.id, o]));

  const lines = new Map<string, number[]>();
  for (const r of rows) if (r.acronym) lines.set(r.acronym.toLowerCase(), [...(lines.get(r.acronym.toLowerCase()) ?? []), r.line]);

  const plan: ImportPlanRow[] = [];
  const targets = new Map<number, Target>();
  const existingOf = new Map<string, OrganisationRow>();
  // Node keys: an existing organisation's id, or "new:<acronym>" for one the file creates.
  const keyOf = (acr: string) => active.get(acr)?.id ?? `new:${acr}`;

  for (const r of rows) {
    const messages: string[] = [];
    const acr = r.acronym.toLowerCase();
    if (!r.name) messages.push(say("orgImportNameMissing"));
    else if (r.name.length > 200) messages.push(say("orgImportNameLong", { max: "200" }));
    if (!r.acronym) messages.push(say("orgImportAcronymMissing"));
    else if (r.acronym.length > 30) messages.push(say("orgImportAcronymLong", { max: "30" }));
    const dup = (lines.get(acr) ?? []).filter((l) => l !== r.line);
    if (r.acronym && dup.length) messages.push(say("orgImportDuplicate", { acronym: r.acronym, lines: dup.join(", "), count: dup.length }));
    const kind = r.kind.toLowerCase().replace(/[\s-]+/g, "_");
    if (!(organisationKinds as readonly string[]).includes(kind)) messages.push(say("orgImportBadKind", { kind: r.kind }));
    const domains = domainList.safeParse(r.domains);
    if (!domains.success) messages.push(domains.error.issues[0] ? localizeIssue(domains.error.issues[0], locale, messagesOf(locale).validation) : say("orgImportBadDomains"));
    if (r.acronym && !active.has(acr) && archived.has(acr)) messages.push(say("orgImportArchived", { acronym: r.acronym }));

    let parentKey: string | null = null;
    if (r.parentAcronym) {
      const p = r.parentAcronym.toLowerCase();
      if (p === acr) messages.push(say("orgImportOwnParent"));
      else if (lines.has(p) || active.has(p)) parentKey = keyOf(p);
      else if (archived.has(p)) {
        const current = active.get(acr);
        const old = archived.get(p);
        if (current && old && current.parentId === old.id) parentKey = old.id;
        else messages.push(say("orgImportParentArchived", { acronym: r.parentAcronym }));
      } else messages.push(say("orgImportNoParent", { acronym: r.parentAcronym }));
    }
    if (!messages.length && domains.success) {
      targets.set(r.line, { name: r.name, acronym: r.acronym, kind: kind as Kind, parentKey, domains: domains.data });
      const current = active.get(acr);
      if (current) existingOf.set(acr, current);
    }
    plan.push({ line: r.line, acronym: r.acronym, name: r.name, action: messages.length ? "error" : "create", messages });
  }

  // No cycles: the tree after the import, with the file's parents over the database's.
  const parent = new Map<string, string | null>(all.map((o) => [o.id, o.parentId]));
  for (const [, t] of targets) parent.set(keyOf(t.acronym.toLowerCase()), t.parentKey);
  for (const p of plan) {
    const t = targets.get(p.line);
    if (!t) continue;
    const self = keyOf(t.acronym.toLowerCase());
    const seen = new Set<string>();
    for (let k = parent.get(self) ?? null; k; k = parent.get(k) ?? null) {
      if (k === self) {
        p.action = "error";
        p.messages.push(say("orgImportCycle"));
        break;
      }
      if (seen.has(k)) break;
      seen.add(k);
    }
  }

  for (const p of plan) {
    const t = targets.get(p.line);
    if (p.action === "error" || !t) continue;
    const current = existingOf.get(t.acronym.toLowerCase());
    if (!current) {
      p.messages.push(t.parentKey ? say("orgImportNewUnder", { kind: t.kind, parent: nameOf(t.parentKey, byId) }) : say("orgImportNew", { kind: t.kind }));
      continue;
    }
    // A list of changes, each "what from → to": the items are joined, not the words of a sentence.
    const none = say("orgImportNone");
    const changed: string[] = [];
    if (current.name !== t.name) changed.push(say("orgImportChangeName", { from: current.name, to: t.name }));
    if (current.kind !== t.kind) changed.push(say("orgImportChangeKind", { from: current.kind, to: t.kind }));
    if ((current.parentId ?? null) !== t.parentKey) changed.push(say("orgImportChangeParent", { from: current.parentId ? nameOf(current.parentId, byId) : none, to: t.parentKey ? nameOf(t.parentKey, byId) : none }));
    if (!sameList(current.domains, t.domains)) changed.push(say("orgImportChangeDomains", { from: current.domains.join(" ") || none, to: t.domains.join(" ") || none }));
    p.action = changed.length ? "update" : "unchanged";
    p.messages.push(...(changed.length ? [say("orgImportChanges", { changes: changed.join("; ") })] : []));
  }

  if (fileProblems.length) plan.unshift({ line: 1, acronym: "", name: "", action: "error", messages: fileProblems });
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const p of plan) counts[p.action]++;
  return { rows: plan, valid: counts.error === 0, changes: counts.create + counts.update, counts, targets, existing: existingOf };
}

function nameOf(key: string, byId: Map<string, OrganisationRow>) {
  if (key.startsWith("new:")) return key.slice(4).toUpperCase();
  const o = byId.get(key);
  return o ? (o.acronym ?? o.name) : key;
}

const publicPlan = ({ rows, valid, changes, counts }: ImportPlan): ImportPlan => ({ rows, valid, changes, counts });

/** The preview: what the file would do, nothing written, in the viewer's language. Admins only. */
export async function previewOrganisationImport(db: Db, viewer: Viewer, csv: string): Promise<ImportPlan> {
  assertAdmin(viewer);
  const locale = readerLocale(viewer);
  const { rows, problems } = readImportRows(csv, locale);
  return publicPlan(await planOrganisationImport(db, rows, problems, locale));
}

/**
 * Imports the file in one transaction, planned again inside it: if any row is wrong nothing is
 * written (the error carries the plan); each create and change is in the activity record.
 */
export async function applyOrganisationImport(db: Db, viewer: Viewer, csv: string): Promise<ImportPlan> {
  assertAdmin(viewer);
  const locale = readerLocale(viewer);
  const { rows, problems } = readImportRows(csv, locale);
  return db.transaction(async (tx) => {
    const plan = await planOrganisationImport(tx, rows, problems, locale);
    if (!plan.valid) throw new ImportInvalid(publicPlan(plan));
    const ids = new Map<string, string>(); // node key -> id
    const work = plan.rows.filter((p) => p.action === "create" || p.action === "update");
    const now = new Date();
    // Create first (without parents), so parents named in the file exist; then set every field.
    for (const p of work.filter((w) => w.action === "create")) {
      const t = plan.targets.get(p.line);
      if (!t) continue;
      const [row] = await tx.insert(organisations).values({ name: t.name, acronym: t.acronym, kind: t.kind, domains: t.domains, parentId: null }).returning();
      if (!row) throw new Error("insert returned nothing");
      ids.set(`new:${t.acronym.toLowerCase()}`, row.id);
    }
    const resolve = (key: string | null) => (key === null ? null : (ids.get(key) ?? (key.startsWith("new:") ? null : key)));
    for (const p of work) {
      const t = plan.targets.get(p.line);
      if (!t) continue;
      const parentId = resolve(t.parentKey);
      if (p.action === "create") {
        const id = ids.get(`new:${t.acronym.toLowerCase()}`);
        if (!id) continue;
        const [row] = parentId
          ? await tx.update(organisations).set({ parentId }).where(eq(organisations.id, id)).returning()
          : await tx.select().from(organisations).where(eq(organisations.id, id));
        if (row) await recordEvent(tx, viewer.id, "organisation", id, "created", { ...toOrganisationJson(row), source: "csv_import" });
      } else {
        const current = plan.existing.get(t.acronym.toLowerCase());
        if (!current) continue;
        // The acronym matched without regard to case; the stored spelling stays.
        const fields = { name: t.name, kind: t.kind, parentId, domains: sameList(current.domains, t.domains) ? current.domains : t.domains };
        const [row] = await tx
          .update(organisations)
          .set({ ...fields, version: sql`${organisations.version} + 1`, updatedAt: now })
          .where(and(eq(organisations.id, current.id), eq(organisations.version, current.version)))
          .returning({ id: organisations.id });
        if (!row) throw new AppError("conflict:organisation", vm("orgImportChanged", { acronym: t.acronym }));
        await recordChanges(tx, viewer.id, "organisation", current.id, current, fields);
      }
    }
    return publicPlan(plan);
  });
}

/** The import was refused: at least one row is wrong. Carries the plan so the caller can show it. */
export class ImportInvalid extends AppError {
  constructor(readonly plan: ImportPlan) {
    super("bad_request:import", vm("orgImportInvalid", { count: plan.counts.error }));
  }
  override toJSON() {
    return { ...super.toJSON(), plan: this.plan };
  }
}
