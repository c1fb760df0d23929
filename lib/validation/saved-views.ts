import { z } from "zod";
import { savedViewPaths } from "@/db/enums";
import { requiredText } from "./common";

/** The "Save view" form and its server action: a name, the page, its query string, and whether to share it. */
export const savedViewInput = z.object({
  name: requiredText("A name", 80),
  path: z.enum(savedViewPaths, { error: `The page must be ${savedViewPaths.join(" or ")}.` }),
  query: z
    .string({ error: "The filters must be text." })
    .max(2000, { error: "These filters are too long to save (at most 2000 characters)." })
    .refine((q) => q === "" || q.startsWith("?"), { error: "The filters must be a query string starting with “?”." }),
  shared: z.boolean({ error: "Say whether to share the view." }).default(false),
});
export type SavedViewInput = z.infer<typeof savedViewInput>;
