import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { roles } from "@/db/enums";
import { locales } from "@/lib/i18n/locale";
import { id, requiredText, version } from "./common";

const email = z
  .string({ error: vm("enterEmail") })
  .trim()
  .toLowerCase()
  .max(254, { error: vm("emailMaxChars", { max: 254 }) })
  .pipe(z.email({ error: vm("emailFormat") }));

const userFields = z.object({
  name: requiredText("Name", 200),
  email,
  organisationId: id("Organisation"),
  role: z.enum(roles, { error: vm("role") }),
});

/** The new-user form; the same schema checks the request on the server. */
export const userInput = userFields.extend({ role: userFields.shape.role.default("staff") });
export type UserInput = z.input<typeof userInput>;

/** Change role, organisation or name; deactivate (active: false) or reactivate; plus the version it was based on. */
export const userPatch = userFields
  .omit({ email: true })
  .partial()
  .extend({ active: z.boolean({ error: vm("booleanField", { label: "Active" }) }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: vm("changeOneField"), path: ["_"] });
export type UserPatch = z.output<typeof userPatch>;

export const minPasswordLength = 12;

/** A new password, typed twice: the set-password page and the profile share the rule. */
const newPassword = {
  password: z
    .string({ error: vm("enterPassword") })
    .min(minPasswordLength, { error: vm("passwordMin", { min: minPasswordLength }) })
    .max(1000, { error: vm("passwordTooLong") }),
  confirm: z.string({ error: vm("enterPasswordAgain") }),
};
const typedTwice: [(v: { password: string; confirm: string }) => boolean, { error: string; path: string[] }] = [
  (v) => v.password === v.confirm,
  { error: vm("passwordsDiffer"), path: ["confirm"] },
];

/** The set-password page, reached through a one-time link. */
export const setPasswordInput = z.object({ token: z.string().min(20).max(200), ...newPassword }).refine(...typedTwice);
export type SetPasswordInput = z.input<typeof setPasswordInput>;

/** The profile's password change: the current password, then the new one twice. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string({ error: vm("enterCurrentPassword") }).min(1, { error: vm("enterCurrentPassword") }).max(1000, { error: vm("passwordTooLong") }),
    ...newPassword,
  })
  .refine(...typedTwice);
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** The signed-in user's own settings (PATCH /api/v1/me): the language of the tracker and its e-mails. */
export const mePatch = z.object({
  locale: z.enum(locales, { error: vm("locale") }),
});
export type MePatch = z.infer<typeof mePatch>;
