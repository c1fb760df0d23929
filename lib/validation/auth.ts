import { z } from "zod";
import { vm } from "@/lib/i18n/validation";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: vm("signInEmail") })),
  password: z.string().min(1, { error: vm("signInPassword") }).max(1000, { error: vm("passwordTooLong") }),
});
