import type { Role } from "@/lib/policy";

declare module "next-auth" {
  interface User {
    role?: Role;
    organisationId?: string;
  }
  interface Session {
    sessionId?: string;
    user: { id: string; name?: string | null; email?: string | null; role?: Role; organisationId?: string };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    role?: Role;
    organisationId?: string;
  }
}
