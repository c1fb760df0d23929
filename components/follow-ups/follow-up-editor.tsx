"use client";

import { Pencil, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { type EditableFollowUp, FollowUpForm, type Option } from "./follow-up-form";

/**
 * The description section, with an "Edit" toggle that swaps it for the edit form, so the
 * page stays calm until someone means to change it.
 */
export function FollowUpEditor({
  followUp,
  options,
  canManage,
  children,
}: {
  followUp: EditableFollowUp;
  options: { priorityAreas: Option[]; organisations: Option[]; users: Option[] };
  canManage: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("followUps");
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!editing && returnFocus) toggle.current?.focus();
  }, [editing, returnFocus]);

  const close = (wasSaved: boolean) => {
    setEditing(false);
    setSaved(wasSaved);
    setReturnFocus(true);
  };

  return (
    <section aria-labelledby="description-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="description-heading" className="text-base font-semibold">
          {editing ? t("editHeading") : t("descriptionHeading")}
        </h2>
        <Button
          ref={toggle}
          variant={editing ? "ghost" : "secondary"}
          aria-expanded={editing}
          aria-controls="follow-up-editor"
          onClick={() => (editing ? close(false) : (setEditing(true), setSaved(false), setReturnFocus(false)))}
        >
          {editing ? <X aria-hidden className="size-4" /> : <Pencil aria-hidden className="size-4" />}
          {editing ? t("closeEditor") : t("edit")}
        </Button>
      </div>
      <div id="follow-up-editor">
        {editing ? (
          <FollowUpForm followUp={followUp} options={options} canManage={canManage} onSaved={() => close(true)} onCancel={() => close(false)} />
        ) : (
          children
        )}
      </div>
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {saved && !editing ? t("changesSaved") : ""}
      </p>
    </section>
  );
}
