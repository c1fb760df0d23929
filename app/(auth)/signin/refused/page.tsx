import type { Metadata } from "next";
import Link from "next/link";
import type { SsoRefusal } from "@/server/sso";
import { getTranslations } from "next-intl/server";
import { emailDomain } from "@/lib/validation/organisations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("refusedTitle") };
}

type AuthT = Awaited<ReturnType<typeof getTranslations<"auth">>>;

function reasonSentence(t: AuthT, reason: string | undefined, domain: string | undefined): string {
  switch (reason as SsoRefusal | undefined) {
    case "unknown_domain": {
      // Named only if it looks like a domain: the page's address is a plain URL anyone can write.
      const named = emailDomain.safeParse(domain);
      return t("refusedUnknownDomain", { domain: named.success ? `${named.data} ` : "" });
    }
    case "deactivated":
      return t("refusedDeactivated");
    case "unverified_email":
      return t("refusedUnverified");
    case "no_email":
      return t("refusedNoEmail");
    default:
      // Auth.js's own errors (?error=<kind>): never echoed, one sentence for all.
      return t("ssoFailed");
  }
}

/**
 * Where a refused single sign-on lands (and Auth.js's error redirects): why, in one sentence, and
 * the way back. Reachable without a session (proxy.ts); shows nothing but the reason's own text.
 */
export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string; domain?: string }> }) {
  const { reason, domain } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t("refusedHeading")}</h1>
        <p className="mb-4 text-sm text-zinc-800">{reasonSentence(t, typeof reason === "string" ? reason : undefined, typeof domain === "string" ? domain : undefined)}</p>
        <Link href="/signin" className="text-sm font-medium">
          {t("backToSignIn")}
        </Link>
      </div>
    </main>
  );
}
