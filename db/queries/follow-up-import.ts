import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUpImportKeys, followUps, meetings, organisations, priorityAreas, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { localizedFieldErrors, sentenceIn } from "@/lib/i18n/errors";
import { readerLocale } from "@/lib/i18n/locale";
import { type ValidationKey, vm } from "@/lib/i18n/validation";
import { completedAtFor } from "@/lib/follow-ups/status";
import { type ColumnMapping, guessMapping, type ImportField, mapPriority, mapStatus, normalise, parseDate } from "@/lib/import/mapping";
import type { ImportMappingInput } from "@/lib/validation/follow-up-import";
import type { ImportCell, ImportTable } from "@/server/import/read";
import { can, type Viewer } from "@/lib/policy";
import { followUpInput, type FollowUpValues } from "@/lib/validation/follow-ups";
import { recordMany } from "./activity";
import { visibleMeetingSql } from "./meetings";
import { followUpEvent } from "./webhook-events";
import { webhooksWant } from "./webhooks";
import { getFollowUp } from "./follow-ups";

export type ImportRow = {
  row: number;
  status: "ok" | "error" | "duplicate";
  errors: Record<string, string>;
  values: Record<string, string | null>;
};
export type ImportResult = { file: string; sheet: string; sheets: string[]; headers: string[]; mapping: ColumnMapping; rows: ImportRow[]; created: number; message: string };

/** Names to records: exact match on a normalised name, acronym or keyword; the nearest name otherwise, to suggest. */
class Lookup<T extends { id: string; label: string }> {
  private byKey = new Map<string, T | "ambiguous">();
  constructor(private items: T[], keys: (item: T) => (string | null | undefined)[]) {
    for (const item of items) {
      for (const k of new Set(keys(item).filter((x): x is string => !!x).map(normalise))) {
        const had = this.byKey.get(k);
        this.byKey.set(k, had && had !== item ? "ambiguous" : item);
      }
    }
  }
  find(raw: string): T | "ambiguous" | undefined {
    return this.byKey.get(normalise(raw));
  }
  /** The closest label by edit distance, if reasonably close. */
  nearest(raw: string): string | null {
    const want = normalise(raw).slice(0, 100);
    let best: { label: string; d: number } | null = null;
    for (const [key, item] of this.byKey) {
      if (item === "ambiguous") continue;
      const d = distance(want, key.slice(0, 100));
      if (!best || d < best.d) best = { label: item.label, d };
    }
    return best && best.d <= Math.max(3, Math.ceil(want.length / 2)) ? best.label : null;
  }
}

/** Levenshtein distance, two rows of memory; inputs are capped at 100 characters by the caller. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const text = (c: ImportCell | undefined) => (c === undefined ? "" : typeof c === "string" ? c.trim() : c.date);
type Unknown = "organisation" | "person" | "organisationOrPerson" | "priorityArea" | "meeting";

/**
 * The rows of a file as follow-ups to be: each resolved (organisations by name, acronym or French
 * name, people by e-mail or name, dates, statuses) and checked with the same schema as the form, or
 * its problems named per field. Then, unless this is a dry run or a row has a problem (and the
 * person did not choose to skip those), all clean rows are created in one transaction.
 */
export async function importFollowUps(
  db: Db,
  viewer: Viewer,
  table: ImportTable,
  opts: { file: string; mapping?: ImportMappingInput; meetingId?: string; dryRun: boolean },
): Promise<ImportResult> {
  if (!can(viewer, "follow_up:create")) throw new AppError("forbidden:follow_up");
  // The preview is an answer, not an error: its problems and summary are written in the reader's language here.
  const locale = readerLocale(viewer);
  const say = (key: ValidationKey, values?: Record<string, string | number>) => sentenceIn(locale, key, values);
  const didYouMean = (what: Unknown, raw: string, near: string | null) =>
    near ? say("importUnknownNear", { what, value: raw.slice(0, 80), near }) : say("importUnknown", { what, value: raw.slice(0, 80) });
  const columns: ColumnMapping = { ...guessMapping(table.headers), ...(opts.mapping?.columns ?? {}) };
  for (const [field, header] of Object.entries(columns)) {
    if (header && !table.headers.includes(header)) throw new AppError("bad_request:import", vm("importMappingNoColumn", { header }), { mapping: vm("importMappingNoColumnFor", { header, field }) });
  }
  const index = Object.fromEntries(Object.entries(columns).filter(([, h]) => h).map(([f, h]) => [f, table.headers.indexOf(h!)])) as Partial<Record<ImportField, number>>;
  const cell = (cells: ImportCell[], f: ImportField) => (index[f] === undefined ? "" : text(cells[index[f]!]));

  // The meeting the rows go into (a meeting's page): it must be one the viewer sees.
  let target: { id: string; title: string } | null = null;
  if (opts.meetingId) {
    const [m] = await db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(and(eq(meetings.id, opts.meetingId), visibleMeetingSql(viewer)));
    if (!m) throw new AppError("not_found:meeting");
    target = m;
  }

  const [orgRows, userRows, areaRows, meetingRows] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym }).from(organisations).where(eq(organisations.archived, false)),
    db.select({ id: users.id, name: users.name, email: users.email, organisationId: users.organisationId }).from(users).where(eq(users.active, true)),
    db.select({ id: priorityAreas.id, name: priorityAreas.name, slug: priorityAreas.slug, keywords: priorityAreas.keywords }).from(priorityAreas).where(eq(priorityAreas.archived, false)),
    index.meeting !== undefined && !target ? db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(visibleMeetingSql(viewer)) : Promise.resolve([]),
  ]);
  const orgs = new Lookup(orgRows.map((o) => ({ ...o, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })), (o) => [o.name, o.acronym, o.acronym ? `${o.name} (${o.acronym})` : null]);
  const people = new Lookup(userRows.map((u) => ({ ...u, label: u.name })), (u) => [u.name, u.email]);
  const areas = new Lookup(areaRows.map((a) => ({ ...a, label: a.name })), (a) => [a.name, a.slug, ...a.keywords]);
  const meetingLookup = new Lookup(meetingRows.map((m) => ({ ...m, label: m.title })), (m) => [m.title]);

  const seenKeys = new Map<string, number>();
  const prepared: { row: ImportRow; input?: FollowUpValues; key?: string }[] = [];
  for (const { row, cells } of table.rows) {
    const errors: Record<string, string> = {};
    const values: Record<string, string | null> = {};
    for (const f of Object.keys(index) as ImportField[]) values[f] = cell(cells, f) || null;

    // Responsible: "ORG – Person" (our UN layout), an e-mail, a person's name, or an organisation.
    let ownerOrganisationId: string | undefined;
    let ownerUserId: string | null = null;
    const orgCell = cell(cells, "ownerOrganisation");
    if (orgCell) {
      const o = orgs.find(orgCell);
      if (o === "ambiguous") errors.ownerOrganisation = say("importAmbiguousOrganisation", { value: orgCell });
      else if (o) ownerOrganisationId = o.id;
      else errors.ownerOrganisation = didYouMean("organisation", orgCell, orgs.nearest(orgCell));
    }
    const ownerCell = cell(cells, "owner");
    if (ownerCell) {
      const parts = ownerCell.split(/ [–-] /);
      const [orgPart, personPart] = parts.length === 2 ? parts : [null, null];
      const o = orgs.find(ownerCell);
      const p = people.find(ownerCell);
      if (orgPart && personPart && orgs.find(orgPart) && orgs.find(orgPart) !== "ambiguous") {
        const op = orgs.find(orgPart) as { id: string };
        ownerOrganisationId ??= op.id;
        const person = people.find(personPart);
        if (person && person !== "ambiguous") ownerUserId = person.id;
        else errors.owner = didYouMean("person", personPart, people.nearest(personPart));
      } else if (p && p !== "ambiguous") {
        ownerUserId = p.id;
        ownerOrganisationId ??= p.organisationId;
      } else if (o && o !== "ambiguous") {
        ownerOrganisationId ??= o.id;
      } else if (p === "ambiguous" || o === "ambiguous") {
        errors.owner = say("importAmbiguousOwner", { value: ownerCell });
      } else {
        const near = orgs.nearest(ownerCell) ?? people.nearest(ownerCell);
        errors.owner = didYouMean("organisationOrPerson", ownerCell, near);
      }
    }
    ownerOrganisationId ??= opts.mapping?.defaults?.ownerOrganisationId;
    if (!ownerOrganisationId && !errors.owner && !errors.ownerOrganisation) errors.owner = say("importNoOrganisation");

    const dueCell = cells[index.dueOn ?? -1];
    let dueOn: string | null = null;
    if (typeof dueCell === "object") dueOn = dueCell.date;
    else if (dueCell) {
      dueOn = parseDate(dueCell);
      if (!dueOn) errors.dueOn = say("importBadDate", { value: dueCell.slice(0, 40) });
    }

    const statusCell = cell(cells, "status");
    const status = mapStatus(statusCell, opts.mapping?.statusMap);
    if (!status) errors.status = say("importBadStatus", { value: statusCell.slice(0, 40) });

    const priorityCell = cell(cells, "priority");
    const priority = mapPriority(priorityCell);
    if (!priority) errors.priority = say("importBadPriority", { value: priorityCell.slice(0, 40) });

    let priorityAreaId = opts.mapping?.defaults?.priorityAreaId;
    const areaCell = cell(cells, "priorityArea");
    if (areaCell) {
      const a = areas.find(areaCell);
      if (a && a !== "ambiguous") priorityAreaId = a.id;
      else errors.priorityArea = didYouMean("priorityArea", areaCell, areas.nearest(areaCell));
    } else if (!priorityAreaId) errors.priorityArea = say("importNoPriorityArea");

    let meetingId: string | null = target?.id ?? null;
    const meetingCell = cell(cells, "meeting");
    if (!target && meetingCell) {
      const m = meetingLookup.find(meetingCell);
      if (m && m !== "ambiguous") meetingId = m.id;
      else errors.meeting = m === "ambiguous" ? say("importAmbiguousMeeting", { value: meetingCell.slice(0, 80) }) : didYouMean("meeting", meetingCell, meetingLookup.nearest(meetingCell));
    }

    const parsed = followUpInput.safeParse({
      title: cell(cells, "title"),
      description: cell(cells, "comments"),
      meetingId,
      priorityAreaId: priorityAreaId ?? "00000000-0000-0000-0000-000000000000",
      ownerOrganisationId: ownerOrganisationId ?? "00000000-0000-0000-0000-000000000000",
      ownerUserId,
      dueOn,
      status: status ?? "open",
      priority: priority ?? "normal",
    });
    if (!parsed.success) for (const [f, msg] of Object.entries(localizedFieldErrors(parsed.error, locale))) errors[f === "description" ? "comments" : f] ??= msg;

    // The row's identity: its reference if the sheet has one, else its title, responsible and due date.
    const ref = cell(cells, "reference");
    const identity = ref ? ["ref", normalise(ref)] : ["row", normalise(cell(cells, "title")), normalise(ownerCell || orgCell), dueOn ?? ""];
    const key = createHash("sha256").update(JSON.stringify([meetingId ?? "", ...identity])).digest("hex");
    const earlier = seenKeys.get(key);
    const status_: ImportRow["status"] = Object.keys(errors).length ? "error" : earlier !== undefined ? "duplicate" : "ok";
    if (status_ === "duplicate") errors._ = say("importSameAsRow", { row: String(earlier) });
    seenKeys.set(key, seenKeys.get(key) ?? row);
    prepared.push({ row: { row, status: status_, errors, values }, input: parsed.success ? parsed.data : undefined, key });
  }

  // Already imported (an earlier run of this file): duplicates, not created again.
  const keys = prepared.filter((p) => p.row.status === "ok").map((p) => p.key!);
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    for (const k of await db.select({ key: followUpImportKeys.key }).from(followUpImportKeys).where(inArray(followUpImportKeys.key, keys.slice(i, i + 1000)))) known.add(k.key);
  }
  for (const p of prepared) {
    if (p.row.status === "ok" && known.has(p.key!)) {
      p.row.status = "duplicate";
      p.row.errors._ = say("importAlreadyImported");
    }
  }

  const rows = prepared.map((p) => p.row);
  const bad = rows.filter((r) => r.status === "error").length;
  const ok = prepared.filter((p) => p.row.status === "ok");
  const base = { file: opts.file, sheet: table.sheet, sheets: table.sheets, headers: table.headers, mapping: columns, rows };
  if (opts.dryRun) return { ...base, created: 0, message: say("importSummary", { create: ok.length, problems: bad, existing: rows.length - ok.length - bad }) };
  if (bad && !opts.mapping?.skipInvalid) {
    return { ...base, created: 0, message: say("importNothingCreated", { count: bad }) };
  }
  const created = await db.transaction(async (tx) => {
    let n = 0;
    // In slices: one INSERT of 5,000 rows would pass PostgreSQL's 65,535 parameters.
    for (let i = 0; i < ok.length; i += 500) {
      const slice = ok.slice(i, i + 500);
      const inserted = await tx
        .insert(followUps)
        .values(slice.map(({ input }) => ({ ...input!, meetingId: input!.meetingId ?? null, ownerUserId: input!.ownerUserId ?? null, dueOn: input!.dueOn ?? null, completedAt: completedAtFor(input!.status) ?? null, createdById: viewer.id })))
        .returning({ id: followUps.id });
      // Two imports of the same file at once: the key's primary key refuses the second (its transaction rolls back).
      await tx.insert(followUpImportKeys).values(inserted.map((r, j) => ({ key: slice[j]!.key!, followUpId: r.id })));
      await recordMany(
        tx,
        inserted.map((r, j) => ({ actorId: viewer.id, entityType: "follow_up", entityId: r.id, action: "created", after: { title: slice[j]!.input!.title, status: slice[j]!.input!.status, importedFrom: opts.file } })),
      );
      if (await webhooksWant(tx, "follow_up.created")) for (const r of inserted) await followUpEvent(tx, "follow_up.created", await getFollowUp(tx, viewer, r.id));
      n += inserted.length;
    }
    return n;
  });
  return { ...base, created, message: say("importCreated", { count: created, file: opts.file }) };
}
