"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { restoreAttachmentAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";

/** "Restore" on a removed document: puts it back on its record (the server asks the policy again). */
export function RestoreDocumentButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin.documents");
  const te = useTranslations("errors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const restore = () =>
    startTransition(async () => {
      const result = await restoreAttachmentAction({ id }).catch(() => null);
      if (result?.ok) {
        toast.success(t("restored", { name }));
        router.refresh();
      } else toast.error(result?.error ?? te("unreachable"));
    });
  return (
    <Button variant="secondary" disabled={pending} onClick={restore} aria-label={t("restoreName", { name })}>
      {pending ? t("restoring") : t("restore")}
    </Button>
  );
}
