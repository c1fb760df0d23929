import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { savedViewPaths } from "@/db/enums";
import { requiredText } from "./common";

/** The "Save view" form and its server action: a name, the page, its query string, and whether to share it. */
export const savedViewInput = z.object({
  name: requiredText("A name", 80),
  path: z.enum(savedViewPaths, { error: vm("savedViewPage", { list: savedViewPaths.join(" or ") }) }),
  query: z
    .string({ error: vm("filtersText") })
    .max(2000, { error: vm("filtersTooLong", { max: "2000" }) })
    .refine((q) => q === "" || q.startsWith("?"), { error: vm("filtersQuery") }),
  shared: z.boolean({ error: vm("shareChoice") }).default(false),
});
export type SavedViewInput = z.infer<typeof savedViewInput>;
