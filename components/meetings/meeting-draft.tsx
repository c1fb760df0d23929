"use client";

import { FileText, Sparkles, X } from "lucide-react";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { draftMeetingAction } from "@/app/(app)/meetings/actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import type { Evidence, MeetingDraft } from "@/lib/drafts/extract";
import { formatDate, formatLabels } from "@/lib/format";
import type { DraftFollowUp } from "@/lib/validation/meeting-drafts";
import { draftTextLimit } from "@/lib/validation/lists";
import type { MeetingInput } from "@/lib/validation/meetings";
import { organisationLabel, type OrganisationOption } from "./organisation-tree";

type Option = { id: string; name: string };

/** What the person accepts: values for the meeting form, and the follow-ups to create with it. */
export type AcceptedDraft = { values: Partial<MeetingInput>; followUps: DraftFollowUp[] };

type Review = {
  title: string;
  heldOn: string;
  format: string;
  location: string;
  seriesId: string;
  seriesNumber: string;
  hostOrganisationId: string;
  participantCount: string;
  coChairs: { text: string; on: boolean }[];
  participants: Record<string, boolean>;
  areas: Record<string, boolean>;
  relatedEvents: { title: string; date: string; on: boolean }[];
  followUps: { on: boolean; title: string; priorityAreaId: string; ownerOrganisationId: string; dueOn: string }[];
};

const confidenceWord = (c: number) => (c >= 0.8 ? "High" : c >= 0.6 ? "Medium" : "Low");
const confidenceClass = (c: number) =>
  c >= 0.8 ? "border-emerald-700 text-emerald-800" : c >= 0.6 ? "border-amber-700 text-amber-900" : "border-red-700 text-red-800";

/** "Jean-Luc Lemahieu (UNODC Director for …)": how the meeting form keeps a co-chair. */
function coChairText(c: MeetingDraft["coChairs"][number], organisations: OrganisationOption[]) {
  const org = organisations.find((o) => o.id === c.organisationId);
  const role = [org?.acronym ?? org?.name, c.title].filter(Boolean).join(" ");
  return role ? `${c.name} (${role})` : c.name;
}

function reviewOf(draft: MeetingDraft, organisations: OrganisationOption[], areas: Option[], fallbackOrganisationId: string): Review {
  const firstArea = draft.priorityAreaIds[0] ?? areas[0]?.id ?? "";
  const owner = draft.hostOrganisationId ?? fallbackOrganisationId;
  return {
    title: draft.title ?? "",
    heldOn: draft.heldOn ?? "",
    format: draft.format ?? "",
    location: draft.location ?? "",
    seriesId: draft.seriesId ?? "",
    seriesNumber: draft.seriesNumber ? String(draft.seriesNumber) : "",
    hostOrganisationId: draft.hostOrganisationId ?? "",
    participantCount: draft.participantCount ? String(draft.participantCount) : "",
    coChairs: draft.coChairs.map((c) => ({ text: coChairText(c, organisations), on: true })),
    participants: Object.fromEntries(draft.participantOrganisationIds.map((id) => [id, true])),
    areas: Object.fromEntries(draft.priorityAreaIds.map((id) => [id, true])),
    relatedEvents: draft.relatedEvents.map((e) => ({ title: e.title, date: e.date ?? "", on: true })),
    followUps: draft.followUpCandidates.map((f) => ({
      on: false,
      title: f.text.length > 300 ? f.text.slice(0, 300) : f.text,
      priorityAreaId: f.priorityAreaId ?? firstArea,
      ownerOrganisationId: f.ownerOrganisationId ?? owner,
      dueOn: f.dueOn ?? "",
    })),
  };
}

/** "15 Feb 2022", or "Dec 2021" when the text gives only a month. */
function eventDate(d: string) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return formatDate(d);
  if (/^\d{4}-\d{2}$/.test(d)) return new Date(`${d}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  return d;
}

/** The pasted text becomes the summary; what the meeting has no field for is added under it. */
function summaryOf(text: string, review: Review): string {
  const extra: string[] = [];
  if (review.participantCount.trim()) extra.push(`**Participants:** ${review.participantCount.trim()}`);
  const events = review.relatedEvents.filter((e) => e.on && e.title.trim());
  if (events.length) {
    extra.push(`**Related events:**\n\n${events.map((e) => `- ${e.title.trim()}${e.date ? ` (${eventDate(e.date)})` : ""}`).join("\n")}`);
  }
  return [text.trim(), ...extra].join("\n\n");
}

type Mark = Evidence & { key: string; label: string };

/** The text cut at every evidence boundary; each piece knows which fields it supports. */
function segments(text: string, marks: Mark[]) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: { start: number; end: number; marks: Mark[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    out.push({ start, end, marks: marks.filter((m) => m.start <= start && end <= m.end) });
  }
  return out;
}

export function MeetingDraftPanel({
  series,
  organisations,
  priorityAreas,
  fallbackOrganisationId,
  onAccept,
}: {
  series: Option[];
  organisations: OrganisationOption[];
  priorityAreas: Option[];
  fallbackOrganisationId: string;
  onAccept: (accepted: AcceptedDraft) => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [reading, setReading] = useState(false);
  const [draft, setDraft] = useState<{ text: string; result: MeetingDraft }>();
  const [review, setReview] = useState<Review>();
  const [active, setActive] = useState<string>();
  const textPane = useRef<HTMLDivElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const orgById = useMemo(() => new Map(organisations.map((o) => [o.id, o])), [organisations]);
  const areaById = useMemo(() => new Map(priorityAreas.map((a) => [a.id, a])), [priorityAreas]);

  const read = async () => {
    setError(undefined);
    setReading(true);
    const result = await draftMeetingAction({ text });
    setReading(false);
    if (!result.ok) {
      setError(result.fieldErrors?.text ?? result.error);
      return;
    }
    setDraft({ text, result: result.data });
    setReview(reviewOf(result.data, organisations, priorityAreas, fallbackOrganisationId));
    setActive(undefined);
    requestAnimationFrame(() => reviewHeading.current?.focus());
  };

  const discard = () => {
    setDraft(undefined);
    setReview(undefined);
  };

  const marks = useMemo<Mark[]>(() => {
    if (!draft) return [];
    const e = draft.result.evidence;
    const one = (key: string, label: string, ev: Evidence | null) => (ev ? [{ ...ev, key, label }] : []);
    return [
      ...one("title", "Title", e.title),
      ...one("heldOn", "Date", e.heldOn),
      ...one("seriesId", "Series and number", e.seriesId),
      ...one("format", "Format", e.format),
      ...one("location", "Location", e.location),
      ...one("hostOrganisationId", "Host organisation", e.hostOrganisationId),
      ...one("participantCount", "Participants", e.participantCount),
      ...e.coChairs.map((ev, i) => ({ ...ev, key: `coChairs.${i}`, label: "Co-chair" })),
      ...e.participantOrganisationIds.map((ev) => ({ ...ev, key: `participants.${ev.id}`, label: `Organisation: ${orgById.get(ev.id)?.acronym ?? orgById.get(ev.id)?.name ?? ""}` })),
      ...e.priorityAreaIds.map((ev) => ({ ...ev, key: `areas.${ev.id}`, label: `Priority area: ${areaById.get(ev.id)?.name ?? ""}` })),
      ...e.relatedEvents.map((ev, i) => ({ ...ev, key: `relatedEvents.${i}`, label: "Related event" })),
      ...e.followUpCandidates.map((ev, i) => ({ ...ev, key: `followUps.${i}`, label: "Candidate follow-up" })),
    ];
  }, [draft, orgById, areaById]);
  const evidenceOf = (key: string) => marks.find((m) => m.key === key);

  const show = (key: string) => setActive(key);
  // The words of the field just picked come into view in the text.
  useEffect(() => {
    if (active) textPane.current?.querySelector(`[data-first="${CSS.escape(active)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const set = <K extends keyof Review>(key: K, value: Review[K]) => setReview((r) => (r ? { ...r, [key]: value } : r));

  const accept = () => {
    if (!review || !draft) return;
    const chosenAreas = Object.keys(review.areas).filter((id) => review.areas[id]);
    onAccept({
      values: {
        title: review.title.trim(),
        heldOn: review.heldOn,
        ...(review.format ? { format: review.format as MeetingInput["format"] } : {}),
        location: review.location.trim(),
        seriesId: review.seriesId || null,
        seriesNumber: /^\d+$/.test(review.seriesNumber.trim()) ? Number(review.seriesNumber.trim()) : null,
        ...(review.hostOrganisationId ? { hostOrganisationId: review.hostOrganisationId } : {}),
        coChairs: review.coChairs.filter((c) => c.on && c.text.trim()).map((c) => c.text.trim()),
        participantOrganisationIds: Object.keys(review.participants).filter((id) => review.participants[id]),
        priorityAreaIds: chosenAreas,
        summary: summaryOf(draft.text, review),
      },
      followUps: review.followUps
        .filter((f) => f.on && f.title.trim())
        .map((f) => ({ title: f.title.trim(), priorityAreaId: f.priorityAreaId, ownerOrganisationId: f.ownerOrganisationId, dueOn: f.dueOn || null })),
    });
    discard();
    setText("");
  };

  if (!draft || !review) {
    return (
      <section aria-labelledby="draft-heading" className="max-w-3xl space-y-3 rounded-lg border border-accent-100 bg-accent-50/60 p-4 sm:p-5">
        <div className="flex items-start gap-2">
          <Sparkles aria-hidden className="mt-0.5 size-5 shrink-0 text-accent-700" />
          <div>
            <h2 id="draft-heading" className="font-semibold text-zinc-900">
              Start from minutes or a press release
            </h2>
            <p id="draft-text-hint" className="text-sm text-zinc-700">
              Paste the text and the form is drafted from it: you see which words each field came from, correct what is wrong, and nothing is saved until you log the meeting. The text is read here, by fixed rules — it is not sent to any other service.
            </p>
          </div>
        </div>
        <label htmlFor="draft-text" className="block text-sm font-semibold text-zinc-900">
          Minutes or press release
        </label>
        <textarea
          id="draft-text"
          rows={6}
          value={text}
          maxLength={draftTextLimit}
          onChange={(e) => setText(e.target.value)}
          className={`${inputClass} text-sm`}
          {...describedBy("draft-text", "hint", error)}
        />
        <FieldError id="draft-text" error={error} />
        <Button onClick={read} disabled={reading || !text.trim()} className="px-4 py-2">
          <FileText aria-hidden className="size-4" />
          {reading ? "Reading…" : "Draft the meeting from this text"}
        </Button>
      </section>
    );
  }

  const orgOptions = [...organisations].filter((o) => !o.archived).sort((a, b) => organisationLabel(a).localeCompare(organisationLabel(b)));
  const evidenceButton = (key: string) => <EvidenceButton evidence={evidenceOf(key)} active={active === key} onShow={() => show(key)} />;

  return (
    <section aria-labelledby="review-heading" className="space-y-4 rounded-lg border border-accent-100 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="review-heading" ref={reviewHeading} tabIndex={-1} className="font-semibold text-zinc-900 focus:outline-none">
            Check the draft
          </h2>
          <p className="text-sm text-zinc-700">
            Each field shows the words it came from and how sure the reading is. Correct anything wrong, then accept to fill in the form below.
          </p>
        </div>
        <Button variant="ghost" onClick={discard}>
          <X aria-hidden className="size-4" />
          Discard draft
        </Button>
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-zinc-900">The text, with the words used</h3>
          <div
            ref={textPane}
            tabIndex={0}
            role="region"
            aria-label="Pasted text with the words used highlighted"
            className="max-h-[28rem] overflow-y-auto whitespace-pre-wrap break-words rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm leading-relaxed text-zinc-900 lg:sticky lg:top-4 lg:max-h-[40rem]"
          >
            <HighlightedText text={draft.text} marks={marks} active={active} onPick={show} />
          </div>
        </div>

        <div className="space-y-4">
          <Row id="d-title" label="Title" evidence={evidenceButton("title")}>
            <input id="d-title" type="text" value={review.title} onChange={(e) => set("title", e.target.value)} className={inputClass} />
          </Row>
          <div className="grid gap-4 sm:grid-cols-2">
            <Row id="d-heldOn" label="Date" evidence={evidenceButton("heldOn")}>
              <input id="d-heldOn" type="date" value={review.heldOn} onChange={(e) => set("heldOn", e.target.value)} className={inputClass} />
            </Row>
            <Row id="d-format" label="Format" evidence={evidenceButton("format")}>
              <select id="d-format" value={review.format} onChange={(e) => set("format", e.target.value)} className={inputClass}>
                <option value="">Not stated</option>
                {Object.entries(formatLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Row>
          </div>
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
            <Row id="d-series" label="Series" evidence={evidenceButton("seriesId")}>
              <select id="d-series" value={review.seriesId} onChange={(e) => set("seriesId", e.target.value)} className={inputClass}>
                <option value="">Not part of a series</option>
                {series.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Row>
            <Row id="d-seriesNumber" label="Number">
              <input id="d-seriesNumber" type="text" inputMode="numeric" value={review.seriesNumber} onChange={(e) => set("seriesNumber", e.target.value)} className={inputClass} />
            </Row>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Row id="d-location" label="Location" evidence={evidenceButton("location")}>
              <input id="d-location" type="text" value={review.location} onChange={(e) => set("location", e.target.value)} className={inputClass} />
            </Row>
            <Row id="d-participantCount" label="Participants (number)" evidence={evidenceButton("participantCount")}>
              <input id="d-participantCount" type="text" inputMode="numeric" value={review.participantCount} onChange={(e) => set("participantCount", e.target.value)} className={inputClass} />
            </Row>
          </div>
          <Row id="d-host" label="Host organisation" evidence={evidenceButton("hostOrganisationId")}>
            <select id="d-host" value={review.hostOrganisationId} onChange={(e) => set("hostOrganisationId", e.target.value)} className={inputClass}>
              <option value="">Not stated (keep the form’s choice)</option>
              {orgOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {organisationLabel(o)}
                </option>
              ))}
            </select>
          </Row>

          <ListGroup legend="Co-chairs" empty="No co-chairs found in the text." count={review.coChairs.length}>
            {review.coChairs.map((c, i) => (
              <li key={i} className="space-y-1">
                <div className="flex items-center gap-2">
                  <input
                    id={`d-cochair-on-${i}`}
                    type="checkbox"
                    checked={c.on}
                    onChange={(e) => set("coChairs", review.coChairs.map((x, j) => (j === i ? { ...x, on: e.target.checked } : x)))}
                    className="size-4 shrink-0 accent-accent-700"
                    aria-label={`Keep co-chair ${i + 1}`}
                  />
                  <label htmlFor={`d-cochair-${i}`} className="sr-only">
                    Co-chair {i + 1}
                  </label>
                  <input
                    id={`d-cochair-${i}`}
                    type="text"
                    value={c.text}
                    onChange={(e) => set("coChairs", review.coChairs.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                    className={`${inputClass} text-sm`}
                  />
                </div>
                <div className="pl-6">{evidenceButton(`coChairs.${i}`)}</div>
              </li>
            ))}
          </ListGroup>

          <ListGroup legend="Participating organisations" empty="No organisations from the list were found." count={draft.result.participantOrganisationIds.length}>
            {draft.result.participantOrganisationIds.map((id) => (
              <CheckRow
                key={id}
                id={`d-org-${id}`}
                checked={!!review.participants[id]}
                onChange={(on) => set("participants", { ...review.participants, [id]: on })}
                label={orgById.get(id)?.name ?? id}
                detail={orgById.get(id)?.acronym}
                evidence={evidenceButton(`participants.${id}`)}
              />
            ))}
          </ListGroup>

          <ListGroup legend="Priority areas" empty="No priority areas were found." count={draft.result.priorityAreaIds.length}>
            {draft.result.priorityAreaIds.map((id) => (
              <CheckRow
                key={id}
                id={`d-area-${id}`}
                checked={!!review.areas[id]}
                onChange={(on) => set("areas", { ...review.areas, [id]: on })}
                label={areaById.get(id)?.name ?? id}
                evidence={evidenceButton(`areas.${id}`)}
              />
            ))}
          </ListGroup>

          <ListGroup legend="Related events (added to the summary)" empty="No other events are mentioned." count={review.relatedEvents.length}>
            {review.relatedEvents.map((e, i) => (
              <CheckRow
                key={i}
                id={`d-event-${i}`}
                checked={e.on}
                onChange={(on) => set("relatedEvents", review.relatedEvents.map((x, j) => (j === i ? { ...x, on } : x)))}
                label={e.title}
                detail={e.date ? eventDate(e.date) : "no date given"}
                evidence={evidenceButton(`relatedEvents.${i}`)}
              />
            ))}
          </ListGroup>

          <ListGroup legend="Candidate follow-ups (tick to create them with the meeting)" empty="No sentence commits anyone to do something." count={review.followUps.length}>
            {review.followUps.map((f, i) => {
              const update = (patch: Partial<Review["followUps"][number]>) => set("followUps", review.followUps.map((x, j) => (j === i ? { ...x, ...patch } : x)));
              return (
                <li key={i} className="space-y-2 rounded-md border border-zinc-200 p-2.5">
                  <label className="flex cursor-pointer items-start gap-2 text-sm font-medium">
                    <input type="checkbox" checked={f.on} onChange={(e) => update({ on: e.target.checked })} className="mt-0.5 size-4 shrink-0 accent-accent-700" />
                    Create this follow-up
                  </label>
                  <div className="space-y-1">
                    <label htmlFor={`d-fu-title-${i}`} className="block text-xs font-semibold text-zinc-700">
                      Follow-up title
                    </label>
                    <textarea id={`d-fu-title-${i}`} rows={2} maxLength={300} value={f.title} onChange={(e) => update({ title: e.target.value })} className={`${inputClass} text-sm`} />
                  </div>
                  <div className="grid gap-2 sm:grid-cols-3">
                    <SmallField id={`d-fu-area-${i}`} label="Priority area">
                      <select id={`d-fu-area-${i}`} value={f.priorityAreaId} onChange={(e) => update({ priorityAreaId: e.target.value })} className={`${inputClass} text-sm`}>
                        {priorityAreas.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.name}
                          </option>
                        ))}
                      </select>
                    </SmallField>
                    <SmallField id={`d-fu-owner-${i}`} label="Owner organisation">
                      <select id={`d-fu-owner-${i}`} value={f.ownerOrganisationId} onChange={(e) => update({ ownerOrganisationId: e.target.value })} className={`${inputClass} text-sm`}>
                        {orgOptions.map((o) => (
                          <option key={o.id} value={o.id}>
                            {organisationLabel(o)}
                          </option>
                        ))}
                      </select>
                    </SmallField>
                    <SmallField id={`d-fu-due-${i}`} label="Due date">
                      <input id={`d-fu-due-${i}`} type="date" value={f.dueOn} onChange={(e) => update({ dueOn: e.target.value })} className={`${inputClass} text-sm`} />
                    </SmallField>
                  </div>
                  {evidenceButton(`followUps.${i}`)}
                </li>
              );
            })}
          </ListGroup>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-zinc-200 pt-4">
        <Button onClick={accept} className="px-4 py-2">
          Accept and fill in the form
        </Button>
        <p className="text-sm text-zinc-600">Nothing is saved yet: you log the meeting from the form.</p>
      </div>
    </section>
  );
}

function HighlightedText({ text, marks, active, onPick }: { text: string; marks: Mark[]; active?: string; onPick: (key: string) => void }) {
  const firstSeen = new Set<string>();
  return (
    <>
      {segments(text, marks).map((s) => {
        const piece = text.slice(s.start, s.end);
        if (!s.marks.length) return <span key={s.start}>{piece}</span>;
        const on = s.marks.some((m) => m.key === active);
        const first = s.marks.find((m) => !firstSeen.has(m.key));
        for (const m of s.marks) firstSeen.add(m.key);
        return (
          <mark
            key={s.start}
            data-first={first?.key}
            data-active={on || undefined}
            title={s.marks.map((m) => m.label).join(", ")}
            onClick={() => onPick(s.marks[0]?.key ?? "")}
            className={`cursor-pointer rounded-sm px-px text-zinc-900 ${on ? "bg-amber-300 outline-2 outline-amber-700" : "bg-amber-100 underline decoration-amber-600 decoration-dotted underline-offset-2"}`}
          >
            {piece}
          </mark>
        );
      })}
    </>
  );
}

function EvidenceButton({ evidence, active, onShow }: { evidence?: Mark; active: boolean; onShow: () => void }) {
  if (!evidence) return <p className="text-xs text-zinc-600">Not found in the text.</p>;
  const quote = evidence.text.length > 90 ? `${evidence.text.slice(0, 87)}…` : evidence.text;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-700">
      <span className={`rounded border px-1 py-px font-semibold ${confidenceClass(evidence.confidence)}`} title={`Confidence ${Math.round(evidence.confidence * 100)}%`}>
        {confidenceWord(evidence.confidence)} confidence
      </span>
      <button type="button" onClick={onShow} aria-pressed={active} className="text-left text-accent-800 underline decoration-dotted underline-offset-2 hover:decoration-solid">
        from “{quote}”
      </button>
    </p>
  );
}

function Row({ id, label, evidence, children }: { id: string; label: string; evidence?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-zinc-900">
        {label}
      </label>
      {children}
      {evidence}
    </div>
  );
}

function SmallField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-zinc-700">
        {label}
      </label>
      {children}
    </div>
  );
}

function ListGroup({ legend, empty, count, children }: { legend: string; empty: string; count: number; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className="mb-1 text-sm font-semibold text-zinc-900">{legend}</legend>
      {count ? <ul className="space-y-2">{children}</ul> : <p className="text-sm text-zinc-600">{empty}</p>}
    </fieldset>
  );
}

function CheckRow({ id, checked, onChange, label, detail, evidence }: { id: string; checked: boolean; onChange: (on: boolean) => void; label: string; detail?: string | null; evidence: ReactNode }) {
  return (
    <li className="space-y-0.5">
      <label htmlFor={id} className="flex cursor-pointer items-start gap-2 text-[15px]">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-1 size-4 shrink-0 accent-accent-700" />
        <span className="min-w-0">
          {label}
          {detail && <span className="ml-1.5 text-sm text-zinc-600">{detail}</span>}
        </span>
      </label>
      <div className="pl-6">{evidence}</div>
    </li>
  );
}
