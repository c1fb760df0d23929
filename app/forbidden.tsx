import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A 403 outside the app's shell (the app's own pages use app/(app)/forbidden.tsx). */
export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
        <p className="text-zinc-700">{t("forbiddenText")}</p>
        <p>
          <Link href="/">{t("startPage")}</Link>
        </p>
      </div>
    </main>
  );
}
