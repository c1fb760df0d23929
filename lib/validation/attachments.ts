import { z } from "zod";
import { requiredText } from "./common";

/** Only https links: no javascript:, data:, file: or plain http that a click would follow. */
export const httpsUrl = z
  .string({ error: "Link must be an https:// address." })
  .trim()
  .max(2000, { error: "Link must be at most 2,000 characters." })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" && !!u.hostname && !u.username && !u.password;
      } catch {
        return false;
      }
    },
    { error: "Link must be an https:// address, such as https://example.sharepoint.com/…" },
  );

/** A link attached instead of a file (a SharePoint or Teams document, a published report). */
export const attachmentLinkInput = z.object({
  title: requiredText("Title", 300),
  url: httpsUrl,
});
export type AttachmentLinkInput = z.infer<typeof attachmentLinkInput>;
