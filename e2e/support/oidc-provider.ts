import type { Server } from "node:http";

/** A person at the test provider: their subject is the login typed on its sign-in form (any password does). */
export type TestAccount = { sub: string; email?: string; email_verified?: boolean; name?: string };
export type TestProvider = { issuer: string; stop: () => Promise<void> };

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1, with one confidential client
 * and the given accounts; its development sign-in and consent pages stand in for a real login.
 * The ID token carries the email and profile claims itself, as Auth.js reads only the ID token.
 */
export async function startOidcProvider(opts: { port: number; client: { id: string; secret: string; redirectUri: string }; accounts: TestAccount[] }): Promise<TestProvider> {
  const { default: Provider } = await import("oidc-provider");
  const issuer = `http://127.0.0.1:${opts.port}`;
  const bySub = new Map(opts.accounts.map((a) => [a.sub, a]));
  const provider = new Provider(issuer, {
    clients: [{ client_id: opts.client.id, client_secret: opts.client.secret, redirect_uris: [opts.client.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["test-provider-cookie-key-not-secret"] },
    findAccount: (_ctx, id) => {
      const account = bySub.get(id);
      return account && { accountId: id, claims: () => account };
    },
  });
  // Why the provider refused a request (a failing sign-on shows only "Configuration" on our side).
  for (const event of ["grant.error", "authorization.error", "server_error"]) {
    provider.on(event, (_ctx: unknown, err: Error & { error_detail?: string }) => console.error(`test provider ${event}: ${err.message}${err.error_detail ? ` (${err.error_detail})` : ""}`));
  }
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
