"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { deleteSavedViewAction } from "@/app/(app)/saved-views/actions";

/** The small delete button beside one of the viewer's own saved views in the sidebar. */
export function DeleteViewButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("savedViews");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={t("deleteView", { name })}
      title={t("deleteView", { name })}
      onClick={() =>
        startTransition(async () => {
          const result = await deleteSavedViewAction({ id });
          if (!result.ok) {
            toast.error(result.error);
            return;
          }
          toast.success(t("deleted", { name }));
          router.refresh();
        })
      }
      className="shrink-0 rounded p-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-red-700 disabled:opacity-50"
    >
      <Trash2 aria-hidden className="size-3.5" />
    </button>
  );
}
