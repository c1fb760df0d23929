// The little of panva's oidc-provider (a devDependency, shipped without types) that the e2e suite's
// test provider uses (e2e/support/oidc-provider.ts).
declare module "oidc-provider" {
  import type { Server } from "node:http";

  type Account = { accountId: string; claims: () => Record<string, unknown> };
  type Configuration = {
    clients: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    cookies?: { keys: string[] };
    findAccount: (ctx: unknown, id: string) => Account | undefined | Promise<Account | undefined>;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    listen(port: number, host: string, listening: () => void): Server;
    on(event: string, listener: (ctx: unknown, err: Error & { error_detail?: string }) => void): this;
  }
}
