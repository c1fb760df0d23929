import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { demoAccounts, DEMO_PASSWORD } from "@/db/seed";
import { safePath } from "@/server/auth";
import { Button } from "@/components/ui/button";
import { demoDataEnabled, oidcConfig, passwordSignInEnabled } from "@/server/env";
import { getViewer } from "@/server/session";
import { ssoSignInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safePath(callbackUrl);
  if (await getViewer()) redirect(target);
  const sso = oidcConfig();
  const passwords = passwordSignInEnabled();
  const [t, tApp, tShell] = await Promise.all([getTranslations("auth"), getTranslations("app"), getTranslations("shell")]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-3">
          <svg aria-hidden viewBox="0 0 32 32" className="size-9"><rect width="32" height="32" rx="7" fill="#1e40af" /><path d="M9 16.5l4.5 4.5L23 11.5" stroke="#fff" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" /></svg>
          <div>
            <p className="text-lg font-semibold leading-tight">{tApp("name")}</p>
            <p className="text-sm text-zinc-600">{tApp("tagline")}</p>
          </div>
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{t("signIn")}</h1>
          {/* Auth.js sends a single sign-on that failed on the way (cancelled, expired, a provider error) here with ?error=<kind>: never shown as such. */}
          {error && sso && (
            <p role="alert" className="mb-4 rounded-md border-2 border-red-700 p-3 text-sm font-medium text-red-800">
              {t("ssoFailed")}
            </p>
          )}
          {sso && (
            <form action={ssoSignInAction}>
              <input type="hidden" name="callbackUrl" value={target} />
              <Button type="submit" className="w-full py-2">
                {t("signInWith", { provider: sso.name })}
              </Button>
            </form>
          )}
          {sso && passwords && (
            <p className="my-4 flex items-center gap-3 text-sm text-zinc-600 before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200">{t("orWithPassword")}</p>
          )}
          {passwords && <SignInForm callbackUrl={target} />}
        </div>
        {passwords && demoDataEnabled() && (
          <details className="mt-4 rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-700">
            <summary className="cursor-pointer font-medium">{t("demoAccounts")}</summary>
            <p className="mt-2">
              {t.rich("demoPassword", { password: DEMO_PASSWORD, code: (chunks) => <code className="rounded bg-zinc-100 px-1">{chunks}</code> })}
            </p>
            <ul className="mt-2 space-y-0.5">
              {demoAccounts.map((a) => (
                <li key={a.email}>
                  <code>{a.email}</code> · {tShell("role", { role: a.role })}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </main>
  );
}
