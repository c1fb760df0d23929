"use client";

import { Bookmark } from "lucide-react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

// The form (react-hook-form, zod) loads when the panel first opens, not with the page.
const SaveViewForm = dynamic(() => import("./save-view-form"), { ssr: false });

/** "Save view": names the current board or table query and keeps it in the sidebar. */
export function SaveViewButton({ path }: { path: "/board" | "/follow-ups" }) {
  const t = useTranslations("savedViews");
  const uid = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <Button variant="secondary" aria-expanded={open} aria-controls={`${uid}-panel`} onClick={() => setOpen((o) => !o)}>
        <Bookmark aria-hidden className="size-4" />
        {t("saveView")}
      </Button>
      {open && <SaveViewForm path={path} panelId={`${uid}-panel`} onClose={() => setOpen(false)} />}
    </div>
  );
}
