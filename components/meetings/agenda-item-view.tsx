"use client";

import dynamic from "next/dynamic";
import { ArrowDown, ArrowUp, Lock, Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import type { AgendaItem } from "@/db/queries/agenda-items";
import type { AgendaItemInput } from "@/lib/validation/agenda-items";
import type { OrganisationOption } from "@/lib/organisations/tree";
import type { ItemValues } from "./agenda-item-form";
import { OutcomeRow } from "./agenda-rows";
import type { ActionChoices, OutcomeValues } from "./outcome-form";

/**
 * The notes' Markdown renderer (~45 kB) loads beside the page, not in its first JavaScript: the
 * server's HTML shows the notes until it has, and hydration waits for it without a flash.
 */
const MarkdownText = dynamic(() => import("./markdown").then((m) => m.MarkdownText));
/** The item and outcome forms load when someone opens one. */
const AgendaItemForm = dynamic(() => import("./agenda-item-form").then((m) => m.AgendaItemForm));
const OutcomeForm = dynamic(() => import("./outcome-form").then((m) => m.OutcomeForm));

/** The arrow buttons, which keep the focus on the moved item (see the editor's save). */
const UP = "up";
const DOWN = "down";

export type SaveResult = { ok: boolean; fieldErrors?: Record<string, string> };
/** The editor's save: the whole agenda, the sentence announced once saved, what to show meanwhile and where the focus goes. */
export type Save = (
  next: AgendaItemInput[],
  done: string,
  opts?: { shown?: AgendaItem[]; focus?: { id: string; control: "up" | "down" | "handle" } },
) => Promise<SaveResult>;

export const itemFromValues = (v: ItemValues) => ({
  title: v.title,
  priorityAreaId: v.priorityAreaId || null,
  leadOrganisationId: v.leadOrganisationId || null,
  notes: v.notes,
  restricted: v.restricted,
});

/** The agenda as the server wants it back: ids kept, display-only fields dropped. */
export function toInput(items: AgendaItem[]): AgendaItemInput[] {
  return items.map((i) => ({
    id: i.id,
    title: i.title,
    priorityAreaId: i.priorityAreaId,
    leadOrganisationId: i.leadOrganisationId,
    notes: i.notes,
    restricted: i.restricted,
    carriedFromMeetingId: i.carriedFromMeetingId,
    outcomes: i.outcomes.map((o) => ({ id: o.id, kind: o.kind, text: o.text, followUpId: o.followUpId, implementationStatus: o.implementationStatus })),
  }));
}

/** One agenda item in the editor: its title line with the move and edit buttons, its notes, its outcomes and the outcome form. */
export function AgendaItemView({
  item,
  items,
  index,
  handle,
  canEdit,
  busy,
  areas,
  organisations,
  actionChoices,
  move,
  save,
}: {
  item: AgendaItem;
  items: AgendaItem[];
  index: number;
  handle: ReactNode;
  canEdit: boolean;
  busy: boolean;
  areas: { id: string; name: string }[];
  organisations: OrganisationOption[];
  actionChoices: ActionChoices;
  move: (from: number, to: number, control: "up" | "down") => void;
  save: Save;
}) {
  const t = useTranslations("agenda");
  const [editing, setEditing] = useState(false);
  const [addingOutcome, setAddingOutcome] = useState(false);
  const replaceItem = (change: (i: AgendaItemInput) => AgendaItemInput) => toInput(items).map((i) => (i.id === item.id ? change(i) : i));

  return (
    <div className="px-4 py-4">
      <div className="flex items-start gap-2">
        {handle}
        <div className="min-w-0 flex-1">
          <h3 className="text-[15px] font-semibold text-zinc-900">
            <span className="mr-1 tabular-nums text-zinc-600">{item.position}.</span>
            {item.title}
            {item.restricted && (
              <span className="ml-2 inline-flex items-center gap-1 align-middle text-xs font-medium text-zinc-700">
                <Lock aria-hidden className="size-3" />
                {t("restricted")}
              </span>
            )}
          </h3>
          {(item.priorityAreaName || item.leadOrganisationAcronym) && (
            <p className="text-sm text-zinc-600">{[item.priorityAreaName, item.leadOrganisationAcronym ? t("lead", { acronym: item.leadOrganisationAcronym }) : null].filter(Boolean).join(" · ")}</p>
          )}
        </div>
        {canEdit && (
          <div className="-mr-2 flex shrink-0 flex-wrap justify-end gap-0.5">
            <Button variant="ghost" disabled={index === 0} className="disabled:text-zinc-400" data-move={`${item.id}:up`} onClick={() => move(index, index - 1, UP)} aria-label={t("moveUp", { title: item.title })} title={t("moveUpTip")}>
              <ArrowUp size={16} aria-hidden />
            </Button>
            <Button variant="ghost" disabled={index === items.length - 1} className="disabled:text-zinc-400" data-move={`${item.id}:down`} onClick={() => move(index, index + 1, DOWN)} aria-label={t("moveDown", { title: item.title })} title={t("moveDownTip")}>
              <ArrowDown size={16} aria-hidden />
            </Button>
            <Button variant="ghost" aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={t("edit", { title: item.title })} title={t("editTip")}>
              <Pencil size={16} aria-hidden />
            </Button>
          </div>
        )}
      </div>
      {editing ? (
        <div className="mt-3 rounded-md border border-zinc-200 bg-zinc-50 p-3">
          <AgendaItemForm
            prefix={`item-${item.id.slice(0, 8)}`}
            current={item}
            areas={areas}
            organisations={organisations}
            submitLabel={t("saveItem")}
            onCancel={() => setEditing(false)}
            onDelete={() =>
              save(toInput(items).filter((i) => i.id !== item.id), t("removed", { title: item.title })).then((r) => {
                if (r.ok) setEditing(false);
                return r;
              })
            }
            submit={async (v) => {
              const r = await save(replaceItem((i) => ({ ...i, ...itemFromValues(v) })), t("saved", { title: v.title }));
              if (r.ok) setEditing(false);
              return r;
            }}
          />
        </div>
      ) : (
        item.notes.trim() && (
          <div className="mt-2">
            <MarkdownText>{item.notes}</MarkdownText>
          </div>
        )
      )}
      {item.outcomes.length > 0 && (
        <ul aria-label={t("outcomesOf", { title: item.title })} className="mt-3 space-y-2">
          {item.outcomes.map((o) => (
            <OutcomeRow
              key={o.id}
              outcome={o}
              canEdit={canEdit}
              busy={busy}
              carried={!!item.carriedFromMeetingId}
              onStatus={(status) =>
                save(
                  replaceItem((i) => ({ ...i, outcomes: i.outcomes?.map((x) => (x.id === o.id ? { ...x, implementationStatus: status } : x)) })),
                  status ? t("decisionMarked", { status }) : t("decisionCleared"),
                )
              }
              onRemove={() => save(replaceItem((i) => ({ ...i, outcomes: i.outcomes?.filter((x) => x.id !== o.id) })), t("removedOutcome", { kind: o.kind }))}
            />
          ))}
        </ul>
      )}
      {canEdit &&
        (addingOutcome ? (
          <div className="mt-3 rounded-md border border-zinc-200 bg-zinc-50 p-3">
            <OutcomeForm
              prefix={`outcome-${item.id.slice(0, 8)}`}
              itemTitle={item.title}
              defaultAreaId={item.priorityAreaId}
              choices={actionChoices}
              onCancel={() => setAddingOutcome(false)}
              submit={(v: OutcomeValues) => save(replaceItem((i) => ({ ...i, outcomes: [...(i.outcomes ?? []), v] })), t("addedOutcome", { kind: v.kind, title: item.title }))}
            />
          </div>
        ) : (
          <Button variant="secondary" className="mt-3" onClick={() => setAddingOutcome(true)}>
            <Plus aria-hidden className="size-4" />
            {t.rich("addOutcome", { title: item.title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Button>
        ))}
      {item.carriedFromMeetingId && item.outcomes.some((o) => o.followUp) && <p className="mt-2 text-xs text-zinc-600">{t("carriedHint")}</p>}
    </div>
  );
}
