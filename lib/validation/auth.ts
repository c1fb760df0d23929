import { z } from "zod";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter your e-mail address, like name@eeas.europa.eu." })),
  password: z.string().min(1, { error: "Enter your password." }).max(1000, { error: "That password is too long." }),
});
