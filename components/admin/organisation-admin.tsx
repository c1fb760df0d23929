"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { mergeOrganisationAction, updateOrganisationAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import type { AdminOrganisation } from "./organisation-labels";
import { OrganisationForm } from "./organisation-form";
import { OrganisationMergeForm } from "./organisation-merge-form";

type Open = { id: string; mode: "edit" | "merge" } | null;

/** The organisation tree, with create, rename/move, archive/restore and merge. */
export function OrganisationAdmin({ organisations }: { organisations: AdminOrganisation[] }) {
  const t = useTranslations("admin.organisations");
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const childrenOf = (id: string | null) => organisations.filter((o) => o.parentId === id);
  const roots = organisations.filter((o) => !o.parentId || !organisations.some((p) => p.id === o.parentId));

  return (
    <div className="space-y-5">
      <div>
        {adding ? (
          <section aria-labelledby="add-org-title" className="rounded-md border border-zinc-300 bg-white p-4">
            <h2 id="add-org-title" className="mb-3 font-semibold">
              {t("add")}
            </h2>
            <OrganisationForm prefix="new" organisations={organisations} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
          </section>
        ) : (
          <Button onClick={() => setAdding(true)}>{t("add")}</Button>
        )}
      </div>
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" aria-label={t("listLabel")}>
        {roots.map((o) => (
          <Branch key={o.id} org={o} depth={0} childrenOf={childrenOf} all={organisations} open={open} setOpen={setOpen} />
        ))}
      </ul>
    </div>
  );
}

function Branch(props: {
  org: AdminOrganisation;
  depth: number;
  childrenOf: (id: string) => AdminOrganisation[];
  all: AdminOrganisation[];
  open: Open;
  setOpen: (o: Open) => void;
}) {
  const { org, depth, childrenOf, all, open, setOpen } = props;
  const t = useTranslations("admin.organisations");
  const tc = useTranslations("admin.common");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const kids = childrenOf(org.id);
  const isOpen = open?.id === org.id ? open.mode : null;

  async function toggleArchived() {
    setBusy(true);
    const result = await updateOrganisationAction({ id: org.id, patch: { archived: !org.archived, version: org.version } }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      router.refresh();
    } else toast.error(result?.error ?? tc("unreachable"));
  }

  return (
    <li>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" style={{ paddingLeft: `${0.75 + depth * 1.25}rem` }}>
        <div className="min-w-0 flex-[1_1_16rem]">
          <span className={`font-medium ${org.archived ? "text-zinc-600" : "text-zinc-900"}`}>{org.name}</span>
          {org.acronym && <span className="ml-2 text-sm text-zinc-700">{org.acronym}</span>}
          <span className="ml-2 inline-flex flex-wrap gap-1 align-middle">
            <Chip>{t("kind", { kind: org.kind })}</Chip>
            {org.archived && <Chip className="border-amber-700 bg-amber-50 text-amber-900">{tc("archived")}</Chip>}
          </span>
          {org.domains.length > 0 && <div className="text-xs text-zinc-600">{org.domains.join(", ")}</div>}
        </div>
        <div className="-mx-2 flex shrink-0 gap-0.5">
          <Button variant="ghost" aria-expanded={isOpen === "edit"} onClick={() => setOpen(isOpen === "edit" ? null : { id: org.id, mode: "edit" })} aria-label={tc("editName", { name: org.acronym ?? org.name })}>
            {tc("edit")}
          </Button>
          <Button variant="ghost" disabled={busy} onClick={toggleArchived} aria-label={tc(org.archived ? "restoreName" : "archiveName", { name: org.acronym ?? org.name })}>
            {org.archived ? tc("restore") : tc("archive")}
          </Button>
          {!org.archived && (
            <Button variant="ghost" aria-expanded={isOpen === "merge"} onClick={() => setOpen(isOpen === "merge" ? null : { id: org.id, mode: "merge" })} aria-label={t("mergeName", { name: org.acronym ?? org.name })}>
              {t("merge")}
            </Button>
          )}
        </div>
      </div>
      {isOpen === "edit" && (
        <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-4">
          <OrganisationForm prefix={`edit-${org.id.slice(0, 8)}`} organisations={all} current={org} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />
        </div>
      )}
      {isOpen === "merge" && (
        <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-4">
          <OrganisationMergeForm from={org} organisations={all} merge={mergeOrganisationAction} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />
        </div>
      )}
      {kids.length > 0 && (
        <ul className="divide-y divide-zinc-200 border-t border-zinc-200">
          {kids.map((k) => (
            <Branch key={k.id} {...props} org={k} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
