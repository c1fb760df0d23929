import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { id, optionalText, requiredText, text, version } from "./common";
import { limits } from "./limits";

const keyword = z
  .string({ error: vm("keywordText") })
  .trim()
  .min(2, { error: vm("keywordMin", { min: 2 }) })
  .max(100, { error: vm("keywordMax", { max: 100 }) });

/**
 * Other names an area goes by ("migrant smuggling", "TIP"): a list, or (from the form) text with one
 * keyword per line or separated by commas or semicolons. Repeats (any case) are dropped.
 */
export const keywordList = z
  .union([z.array(z.string(), { error: vm("keywordsList") }), z.string()], { error: vm("keywordsList") })
  .transform((v) => (typeof v === "string" ? v.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean) : v))
  .pipe(z.array(keyword).max(50, { error: vm("atMostKeywords", { max: 50 }) }))
  .transform((list) => {
    const seen = new Set<string>();
    return list.filter((k) => !seen.has(k.toLowerCase()) && seen.add(k.toLowerCase()));
  });

/** SDG target codes like "16.4" or "15.c"; the server checks them against the list of targets. */
export const sdgTargetList = z
  .array(z.string({ error: vm("sdgCode") }).trim(), { error: vm("sdgList") })
  .max(60, { error: vm("atMostSdg", { max: 60 }) })
  .transform((list) => [...new Set(list)]);

const priorityAreaFields = z.object({
  name: requiredText("Name", limits.name),
  /** The French name ("Flux illicites"); empty means French readers see the English one. */
  nameFr: optionalText("French name", limits.name),
  description: text("Description", limits.description).trim(),
  keywords: keywordList,
  sdgTargets: sdgTargetList,
  /** Marking one of its follow-ups done needs a document or link attached. */
  requiresEvidence: z.boolean({ error: vm("booleanField", { label: "Requires evidence" }) }),
});

export const priorityAreaInput = priorityAreaFields.extend({
  nameFr: priorityAreaFields.shape.nameFr.optional().default(null),
  description: priorityAreaFields.shape.description.optional().default(""),
  keywords: keywordList.optional().default([]),
  sdgTargets: sdgTargetList.optional().default([]),
  requiresEvidence: priorityAreaFields.shape.requiresEvidence.optional().default(false),
});
export type PriorityAreaInput = z.input<typeof priorityAreaInput>;

export const priorityAreaPatch = priorityAreaFields
  .partial()
  .extend({ archived: z.boolean({ error: vm("booleanField", { label: "Archived" }) }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: vm("changeOneField"), path: ["_"] });
export type PriorityAreaPatch = z.output<typeof priorityAreaPatch>;

/** The new order: every priority area's id, first to last. */
export const priorityAreaOrder = z.object({
  ids: z.array(id("Priority area"), { error: vm("areaIdsList") }).min(1).max(500),
});
