import { z } from "zod";
import { roles } from "@/db/enums";
import { id, requiredText, version } from "./common";

const email = z
  .string({ error: "Enter an e-mail address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "The e-mail address must be at most 254 characters." })
  .pipe(z.email({ error: "Enter an e-mail address like name@unodc.org." }));

const userFields = z.object({
  name: requiredText("Name", 200),
  email,
  organisationId: id("Organisation"),
  role: z.enum(roles, { error: "Choose a role: staff, manager or admin." }),
});

/** The new-user form; the same schema checks the request on the server. */
export const userInput = userFields.extend({ role: userFields.shape.role.default("staff") });
export type UserInput = z.input<typeof userInput>;

/** Change role, organisation or name; deactivate (active: false) or reactivate; plus the version it was based on. */
export const userPatch = userFields
  .omit({ email: true })
  .partial()
  .extend({ active: z.boolean({ error: "Active must be true or false." }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: "Change at least one field.", path: ["_"] });
export type UserPatch = z.output<typeof userPatch>;

export const minPasswordLength = 12;

/** The set-password page, reached through a one-time link. */
export const setPasswordInput = z
  .object({
    token: z.string().min(20).max(200),
    password: z
      .string({ error: "Enter a password." })
      .min(minPasswordLength, { error: `Use at least ${minPasswordLength} characters.` })
      .max(1000, { error: "That password is too long." }),
    confirm: z.string({ error: "Enter the password again." }),
  })
  .refine((v) => v.password === v.confirm, { error: "The two passwords are not the same.", path: ["confirm"] });
export type SetPasswordInput = z.input<typeof setPasswordInput>;
