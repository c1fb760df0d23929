import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { requiredText } from "./common";

/** Only https links: no javascript:, data:, file: or plain http that a click would follow. */
export const httpsUrl = z
  .string({ error: vm("linkHttps") })
  .trim()
  .max(2000, { error: vm("linkMaxChars", { max: 2000 }) })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" && !!u.hostname && !u.username && !u.password;
      } catch {
        return false;
      }
    },
    { error: vm("linkHttpsExample") },
  );

/** A link attached instead of a file (a SharePoint or Teams document, a published report). */
export const attachmentLinkInput = z.object({
  title: requiredText("Title", 300),
  url: httpsUrl,
});
export type AttachmentLinkInput = z.infer<typeof attachmentLinkInput>;
