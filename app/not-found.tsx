import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
        <p className="text-zinc-700">{t("notFoundText")}</p>
        <p>
          <Link href="/">{t("startPage")}</Link>
        </p>
      </div>
    </main>
  );
}
