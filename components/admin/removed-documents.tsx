"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { restoreAttachmentAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";

/** "Restore" on a removed document: puts it back on its record (the server asks the policy again). */
export function RestoreDocumentButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const restore = () =>
    startTransition(async () => {
      const result = await restoreAttachmentAction({ id }).catch(() => null);
      if (result?.ok) {
        toast.success(`${name} is back on its record.`);
        router.refresh();
      } else toast.error(result?.error ?? "Could not reach the server. Try again.");
    });
  return (
    <Button variant="secondary" disabled={pending} onClick={restore} aria-label={`Restore ${name}`}>
      {pending ? "Restoring…" : "Restore"}
    </Button>
  );
}
