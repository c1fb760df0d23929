/** The briefing pack as Markdown and CSV: the same content as the printable page. */
import type { Briefing } from "@/db/queries/continuity";
import { tally } from "@/db/queries/continuity";
import type { FollowUp } from "@/db/queries/follow-ups";
import { toCsv, unHeader, unRow } from "./csv";
import { formatDate } from "./format";

export const byArea = (items: FollowUp[]) => tally(items, (f) => f.priorityAreaId, (f) => f.priorityAreaName);
export const byOwner = (items: FollowUp[]) => tally(items, (f) => f.ownerOrganisationId, (f) => f.ownerOrganisationAcronym ?? f.ownerOrganisationName);

export function briefingFileName(b: Briefing, ext: "md" | "csv") {
  const slug = b.meeting.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `briefing-${slug}${b.wide ? "-wide" : ""}.${ext}`;
}

/** What the briefing covers, in words. */
export function briefingScope(b: Briefing) {
  const parts: string[] = [];
  if (b.meeting.seriesName) parts.push(`earlier meetings of the ${b.meeting.seriesName}`);
  const reviewed = b.sources.filter((s) => s.reason === "reviewed").map((s) => s.title);
  if (reviewed.length) parts.push(`the meetings it reviews (${reviewed.join("; ")})`);
  return parts.length ? `Follow-ups agreed at ${parts.join(" and ")}.` : "This meeting is not part of a series and reviews no earlier meeting.";
}

const md = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function mdTable(header: readonly string[], rows: string[][]) {
  if (!rows.length) return "_None._\n";
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(md).join(" | ")} |`)].join("\n") + "\n";
}

export function briefingMarkdown(b: Briefing): string {
  const overdue = b.open.filter((f) => f.overdue).length;
  const counts = (rows: ReturnType<typeof byArea>) => rows.map((r) => [r.label, String(r.open), String(r.overdue)]);
  return [
    `# Briefing: ${b.meeting.title}`,
    "",
    `${formatDate(b.meeting.heldOn)}${b.meeting.location ? ` · ${b.meeting.location}` : ""}${b.wide ? " · For a wide audience: restricted meetings are left out" : ""}`,
    "",
    briefingScope(b),
    "",
    `- Open follow-ups: ${b.open.length} (${overdue} overdue)`,
    `- Completed since ${b.previous ? `the previous meeting (${formatDate(b.previous.heldOn)})` : formatDate(b.since ?? b.meeting.heldOn)}: ${b.completed.length}`,
    "",
    "## Open and overdue by priority area",
    "",
    mdTable(["Priority area", "Open", "Overdue"], counts(byArea(b.open))),
    "## Open and overdue by owner organisation",
    "",
    mdTable(["Organisation", "Open", "Overdue"], counts(byOwner(b.open))),
    "## Open follow-ups",
    "",
    mdTable(unHeader, b.open.map((f) => unRow(f, b.progress.get(f.id)))),
    "## Completed since the last meeting",
    "",
    mdTable(unHeader, b.completed.map((f) => unRow(f, b.progress.get(f.id)))),
  ].join("\n");
}

/** The UN decision-tracking layout: the open follow-ups, then those completed since the last meeting. */
export function briefingCsv(b: Briefing): string {
  return toCsv(unHeader, [...b.open, ...b.completed].map((f) => unRow(f, b.progress.get(f.id))));
}
