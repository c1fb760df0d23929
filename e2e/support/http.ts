import { type APIRequestContext, expect, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures";

/** A request context signed in through Auth.js over HTTP (CSRF token, then the credentials callback). */
export async function signInContext(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
  expect(res.status(), `sign in ${email}`).toBe(302);
  expect(res.headers()["location"] ?? "", `sign in ${email}`).not.toContain("error=");
  return ctx;
}
