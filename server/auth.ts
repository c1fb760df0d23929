import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/connection";
import { endSession, sessionAlive, startSession } from "@/db/queries/sessions";
import { recordPasswordSignInOff } from "@/server/audit";
import { authSecret, env, oidcConfig, passwordSignInEnabled } from "@/server/env";
import { checkCredentials, clientAddress } from "@/server/sign-in";
import { signInWithSso } from "@/server/sso";

/** Sign-in refused for too many recent failures (the form says so, and when to try again). */
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

/** A password sign-in while PASSWORD_SIGNIN=false: only single sign-on signs anyone in. */
export class PasswordSignInOff extends CredentialsSignin {
  code = "password_sign_in_off";
}

/** The id of the single sign-on provider in Auth.js (its callback is /api/auth/callback/oidc). */
export const SSO_PROVIDER = "oidc";

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

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const oidc = oidcConfig();
  return {
    secret: authSecret(),
    trustHost: true,
    // The cookie lives as long as the absolute timeout; the session row (server/session.ts) decides.
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 60 * 60 },
    // Auth.js's own error pages are never shown: its errors land on the refusal page, which says
    // only what the error's kind means (app/(auth)/signin/refused).
    pages: { signIn: "/signin", error: "/signin/refused" },
    // A wrong password is an answer, not a server error: keep it out of the error log.
    // (By its `type`: class names are minified in the production build.)
    logger: { error: (e: Error & { type?: string }) => void (e.type === "CredentialsSignin" || console.error(e)) },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
        // Checks the password and records the attempt (signed in, or failed) in the audit trail.
        async authorize(raw, request) {
          if (!passwordSignInEnabled()) {
            const email = typeof raw === "object" && raw !== null && "email" in raw ? String(raw.email) : "";
            await recordPasswordSignInOff(getDb(), email);
            throw new PasswordSignInOff();
          }
          const outcome = await checkCredentials(await getDb(), raw, clientAddress(request.headers));
          if ("user" in outcome) return outcome.user;
          if (outcome.refused === "throttled") throw new TooManyAttempts();
          return null;
        },
      }),
      // Single sign-on: Auth.js's generic OpenID Connect provider, with PKCE, state and nonce checks;
      // the ID token's claims are what signInWithSso (the signIn callback) decides on.
      ...(oidc
        ? [
            {
              id: SSO_PROVIDER,
              name: oidc.name,
              type: "oidc" as const,
              issuer: oidc.issuer,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              checks: ["pkce" as const, "state" as const, "nonce" as const],
              authorization: { params: { scope: "openid profile email" } },
            },
          ]
        : []),
    ],
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await endSession(await getDb(), sid);
      },
    },
    callbacks: {
      // A single sign-on signs in OUR user: linked, or provisioned, or refused with the reason on
      // the refusal page. The user object Auth.js hands on to jwt() becomes ours (its id was the
      // provider's subject).
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER) return true;
        if (!oidc || !profile) return false;
        const outcome = await signInWithSso(await getDb(), profile, { trustEmail: oidc.trustEmail });
        if ("refused" in outcome) return `/signin/refused?${new URLSearchParams({ reason: outcome.refused, ...(outcome.domain ? { domain: outcome.domain } : {}) })}`;
        Object.assign(user, outcome.user);
        return true;
      },
      // The token names the user; role and organisation ride along for display, but every request
      // re-reads them from the database (server/session.ts), so a change takes effect at once.
      // A sign-in starts a session row; its id is what every later request is checked against.
      // Every later read (auth(), /api/auth/session) checks the session row: an ended one is signed out.
      async jwt({ token, user }) {
        if (user?.id) return Object.assign(token, { sub: user.id, sid: await startSession(await getDb(), user.id), role: user.role, organisationId: user.organisationId });
        const { SESSION_IDLE_MINUTES: idleMinutes, SESSION_MAX_HOURS: maxHours } = env();
        if (!token.sub || typeof token.sid !== "string" || !(await sessionAlive(await getDb(), token.sid, token.sub, { idleMinutes, maxHours }))) return null;
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
  };
});
