import type { Metadata } from "next";
import Link from "next/link";
import type { SsoRefusal } from "@/lib/sso";
import { emailDomain } from "@/lib/validation/organisations";

export const metadata: Metadata = { title: "Sign-in refused" };

function reasonSentence(reason: string | undefined, domain: string | undefined): string {
  switch (reason as SsoRefusal | undefined) {
    case "unknown_domain": {
      // Named only if it looks like a domain: the page's address is a plain URL anyone can write.
      const named = emailDomain.safeParse(domain);
      return `Your e-mail domain ${named.success ? `${named.data} ` : ""}is not one of the participating organisations' domains. Ask an administrator to add it.`;
    }
    case "deactivated":
      return "Your account has been deactivated. Ask an administrator to reactivate it.";
    case "unverified_email":
      return "Your sign-on provider has not confirmed that your e-mail address is verified, so it cannot be matched to an account here. Verify it with your provider, or ask an administrator.";
    case "no_email":
      return "Your sign-on provider did not share your e-mail address, so you cannot be matched to an account here. Ask an administrator to have the provider share it.";
    default:
      // Auth.js's own errors (?error=<kind>): never echoed, one sentence for all.
      return "Single sign-on did not complete. Try again; if it keeps failing, ask an administrator.";
  }
}

/**
 * Where a refused single sign-on lands (and Auth.js's error redirects): why, in one sentence, and
 * the way back. Reachable without a session (proxy.ts); shows nothing but the reason's own text.
 */
export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string; domain?: string }> }) {
  const { reason, domain } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">You cannot sign in</h1>
        <p className="mb-4 text-sm text-zinc-800">{reasonSentence(typeof reason === "string" ? reason : undefined, typeof domain === "string" ? domain : undefined)}</p>
        <Link href="/signin" className="text-sm font-medium">
          Back to sign in
        </Link>
      </div>
    </main>
  );
}
