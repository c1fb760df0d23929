import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/connection";
import { endSession, startSession } from "@/db/queries/sessions";
import { authSecret, env } from "@/lib/env";
import { checkCredentials, clientAddress } from "@/lib/sign-in";

/** Sign-in refused for too many recent failures (the form says so, and when to try again). */
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

/** Keeps only a local path, so a sign-in can never send the user to another site. */
export function safePath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target === "") return fallback;
  let url: URL;
  try {
    url = new URL(target, "http://local.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://local.invalid" && !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(target)) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // The cookie lives as long as the absolute timeout; the session row (lib/session.ts) decides.
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: "/signin" },
  // A wrong password is an answer, not a server error: keep it out of the error log.
  // (By its `type`: class names are minified in the production build.)
  logger: { error: (e: Error & { type?: string }) => void (e.type === "CredentialsSignin" || console.error(e)) },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      // Checks the password and records the attempt (signed in, or failed) in the audit trail.
      async authorize(raw, request) {
        const outcome = await checkCredentials(await getDb(), raw, clientAddress(request.headers));
        if ("user" in outcome) return outcome.user;
        if (outcome.refused === "throttled") throw new TooManyAttempts();
        return null;
      },
    }),
  ],
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(await getDb(), sid);
    },
  },
  callbacks: {
    // The token names the user; role and organisation ride along for display, but every request
    // re-reads them from the database (lib/session.ts), so a change takes effect at once.
    // A sign-in starts a session row; its id is what every later request is checked against.
    async jwt({ token, user }) {
      if (user?.id) Object.assign(token, { sub: user.id, sid: await startSession(await getDb(), user.id), role: user.role, organisationId: user.organisationId });
      return token;
    },
    session({ session, token }) {
      if (token.sub) Object.assign(session.user, { id: token.sub, role: token.role, organisationId: token.organisationId });
      return Object.assign(session, { sessionId: token.sid });
    },
    redirect({ url, baseUrl }) {
      return baseUrl + safePath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url);
    },
  },
}));
