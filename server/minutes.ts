import "server-only";
/**
 * A meeting's minutes as documents, built on the server without a browser: Word with `docx`
 * (secretariats edit it) and PDF with `pdfkit` (what gets circulated). Both hold the same sections:
 * the header, the participating organisations, the agenda with each item's notes and outcomes, and
 * the actions in the UN decision-tracking layout (action, responsible, due, status).
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import PDFDocument from "pdfkit";
import type { MeetingMinutes } from "@/db/queries/minutes";
import type { statusLabels } from "@/lib/format";
import { formatterFor } from "@/lib/i18n/format-server";
import type { Locale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";

/**
 * The fixed words of the minutes in the reader's language (the catalogue's `minutes` namespace) and
 * their dates; titles, notes and outcome texts are the users' own and stay as written.
 */
function wordsFor(locale: Locale) {
  return { t: translate(locale, "minutes"), f: formatterFor(locale) };
}
type Words = ReturnType<typeof wordsFor>;

export function minutesFileName(m: MeetingMinutes, ext: "docx" | "pdf") {
  const slug = m.meeting.title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join("-")
    .slice(0, 60);
  return `minutes-${slug || "meeting"}${m.wide ? "-wide" : ""}.${ext}`;
}

/** The header's lines as label/value pairs, shared by both documents. */
function headerLines(m: MeetingMinutes, { t, f }: Words): [string, string][] {
  const mt = m.meeting;
  return [
    [t("date"), f.date(mt.heldOn)],
    [t("place"), mt.location || "—"],
    [t("format"), f.meetingFormat(mt.format)],
    [t("host"), mt.hostName ? `${mt.hostName}${mt.hostAcronym && mt.hostAcronym !== mt.hostName ? ` (${mt.hostAcronym})` : ""}` : "—"],
    [t("coChairs"), mt.coChairs.length ? mt.coChairs.join("; ") : "—"],
    ...(m.priorityAreas.length ? ([[t("priorityAreas"), m.priorityAreas.join("; ")]] as [string, string][]) : []),
  ];
}

/**
 * Markdown notes as plain paragraphs: blocks split on blank lines, list items kept as bullets and
 * the commonest inline marks dropped. The documents carry the words, not the Markdown syntax.
 */
export function notesBlocks(markdown: string): { bullet: boolean; text: string }[] {
  const out: { bullet: boolean; text: string }[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ bullet: false, text: para.join(" ") });
    para = [];
  };
  for (const raw of markdown.split("\n")) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const bullet = line.startsWith("- ") || line.startsWith("* ") || line.startsWith("+ ");
    const plain = stripInline(bullet ? line.slice(2) : line.startsWith("#") ? line.replace(/^#+\s*/, "") : line);
    if (bullet) {
      flush();
      out.push({ bullet: true, text: plain });
    } else para.push(plain);
  }
  flush();
  return out;
}
const stripInline = (s: string) => s.replaceAll("**", "").replaceAll("__", "").replaceAll("`", "");

const actionHeader = ({ t }: Words) => [t("item"), t("action"), t("responsible"), t("due"), t("status")];
function actionRow(a: MeetingMinutes["actions"][number], { t, f }: Words) {
  const label = a.status ? f.status(a.status as keyof typeof statusLabels) : "";
  const status = a.status ? (a.overdue ? t("overdue", { status: label }) : label) : "—";
  return [a.item ? String(a.item) : "—", a.action, a.responsible || "—", a.dueOn ? f.date(a.dueOn) : "—", status];
}
const leadLine = (item: MeetingMinutes["items"][number], { t }: Words) =>
  [item.priorityAreaName, item.leadOrganisationAcronym ? t("lead", { acronym: item.leadOrganisationAcronym }) : null].filter(Boolean).join(" · ");
function outcomeLine(o: MeetingMinutes["items"][number]["outcomes"][number], { t, f }: Words) {
  const label = t("outcome", { kind: o.kind });
  const body = o.kind === "action" && o.followUp ? [o.followUp.title, o.text && o.text !== o.followUp.title ? o.text : ""].filter(Boolean).join(" — ") : o.text;
  const tail =
    o.kind === "decision" && o.implementationStatus
      ? ` (${t("implementation", { status: o.implementationStatus })})`
      : o.kind === "action" && o.followUp
        ? ` (${o.followUp.ownerOrganisationAcronym}${o.followUp.dueOn ? `, ${t("dueOn", { date: f.date(o.followUp.dueOn) })}` : ""})`
        : "";
  return { label, text: `${body}${tail}` };
}

// ---------------------------------------------------------------------------------------------
// Word

export async function minutesDocx(m: MeetingMinutes, locale: Locale = "en"): Promise<Buffer> {
  const w = wordsFor(locale);
  const { t, f } = w;
  const title = t("title", { title: m.meeting.title });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    ...headerLines(m, w).map(([k, v]) => new Paragraph({ children: [new TextRun({ text: t("labelled", { label: k }), bold: true }), new TextRun(v)] })),
  ];
  if (m.wide) children.push(new Paragraph({ children: [new TextRun({ text: t("wide"), italics: true })] }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t("participants"))] }));
  if (m.participants.length) for (const p of m.participants) children.push(new Paragraph({ text: p, bullet: { level: 0 } }));
  else children.push(new Paragraph(t("noParticipants")));

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t("agenda"))] }));
  if (!m.items.length) children.push(new Paragraph(t("noItems")));
  for (const item of m.items) {
    const meta = leadLine(item, w);
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${item.position}. ${item.title}`)] }));
    if (meta) children.push(new Paragraph({ children: [new TextRun({ text: meta, italics: true })] }));
    for (const b of notesBlocks(item.notes)) children.push(b.bullet ? new Paragraph({ text: b.text, bullet: { level: 0 } }) : new Paragraph(b.text));
    for (const o of item.outcomes) {
      const { label, text } = outcomeLine(o, w);
      children.push(new Paragraph({ children: [new TextRun({ text: t("labelled", { label }), bold: true }), new TextRun(text)] }));
    }
  }

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t("actions"))] }));
  if (!m.actions.length) children.push(new Paragraph(t("noActions")));
  else
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: {
          top: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
          bottom: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
          left: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
          right: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
          insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
          insideVertical: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
        },
        rows: [
          new TableRow({ tableHeader: true, children: actionHeader(w).map((h) => cell(h, true)) }),
          ...m.actions.map((a) => new TableRow({ children: actionRow(a, w).map((text) => cell(text)) })),
        ],
      }),
    );
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t("generated", { date: f.date(new Date()) }), italics: true, size: 16 })] }));
  const doc = new Document({ title, creator: "Cooperation Tracker", sections: [{ children }] });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------------
// PDF

export function minutesPdf(m: MeetingMinutes, locale: Locale = "en"): Promise<Buffer> {
  const w = wordsFor(locale);
  const { t } = w;
  const title = t("title", { title: m.meeting.title });
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Creator: "Cooperation Tracker" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const heading = (text: string, size: number) => {
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor("#111111").text(text);
    doc.moveDown(0.3).font("Helvetica").fontSize(10.5);
  };
  const labelled = (label: string, text: string) =>
    doc.font("Helvetica-Bold").text(t("labelled", { label }), { continued: true }).font("Helvetica").text(text);

  doc.font("Helvetica-Bold").fontSize(18).text(title);
  doc.moveDown(0.4).font("Helvetica").fontSize(10.5);
  for (const [k, v] of headerLines(m, w)) labelled(k, v);
  if (m.wide) doc.moveDown(0.3).font("Helvetica-Oblique").text(t("wide")).font("Helvetica");

  heading(t("participants"), 14);
  if (m.participants.length) for (const p of m.participants) doc.text(`•  ${p}`);
  else doc.text(t("noParticipants"));

  heading(t("agenda"), 14);
  if (!m.items.length) doc.text(t("noItems"));
  for (const item of m.items) {
    heading(`${item.position}. ${item.title}`, 12);
    const meta = leadLine(item, w);
    if (meta) doc.font("Helvetica-Oblique").text(meta).font("Helvetica");
    for (const b of notesBlocks(item.notes)) doc.text(b.bullet ? `•  ${b.text}` : b.text, { paragraphGap: 3 });
    for (const o of item.outcomes) {
      const { label, text } = outcomeLine(o, w);
      labelled(label, text);
    }
  }

  heading(t("actions"), 14);
  if (!m.actions.length) doc.text(t("noActions"));
  else
    doc.fontSize(9.5).table({
      columnStyles: [36, "*", 110, 70, 80],
      data: [actionHeader(w).map((h) => ({ text: h, font: { src: "Helvetica-Bold" } })), ...m.actions.map((a) => actionRow(a, w))],
    });
  doc.end();
  return done;
}
