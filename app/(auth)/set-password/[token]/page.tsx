import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/admin/set-password-form";
import { getDb } from "@/db/connection";
import { passwordTokenUser } from "@/db/queries/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("setPasswordTitle") };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const user = token.length >= 20 && token.length <= 200 ? await passwordTokenUser(await getDb(), token) : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t("setPasswordTitle")}</h1>
        {user ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">
              {t("setPasswordFor", { name: user.name, email: user.email })}
            </p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <p className="text-sm text-zinc-800">
            {t.rich("setPasswordExpired", { link: (chunks) => <Link href="/signin">{chunks}</Link> })}
          </p>
        )}
      </div>
    </main>
  );
}
