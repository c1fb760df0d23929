import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UnsubscribeButton } from "@/components/profile/unsubscribe-button";
import { getDb } from "@/db/connection";
import { unsubscribeTarget } from "@/db/queries/notifications";
import { AppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("unsubscribeTitle") };
}

/**
 * The unsubscribe link of a reminder e-mail, without signing in. Opening it changes nothing (link
 * scanners open links); the button does, with the signed token from the e-mail.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  let target: Awaited<ReturnType<typeof unsubscribeTarget>> | null = null;
  try {
    target = await unsubscribeTarget(await getDb(), token);
  } catch (e) {
    if (!(e instanceof AppError && e.type === "bad_request")) throw e;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{target ? t("unsubscribeFrom", { what: target.kind.replace(":", "_") }) : t("unsubscribeInvalid")}</h1>
        {target ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">
              {t("unsubscribeFor", { name: target.name, email: target.email })}{" "}
              {target.subscribed ? t("unsubscribeWill", { what: target.kind.replace(":", "_") }) : t("unsubscribeAlready", { what: target.kind.replace(":", "_") })}{" "}
              {t.rich("unsubscribeProfile", { link: (chunks) => <Link href="/profile" className="underline">{chunks}</Link> })}
            </p>
            {target.subscribed && typeof token === "string" && <UnsubscribeButton token={token} label={t("unsubscribeFrom", { what: target.kind.replace(":", "_") })} />}
          </>
        ) : (
          <p className="text-sm text-zinc-800">
            {t.rich("unsubscribeNothing", { link: (chunks) => <Link href="/signin" className="underline">{chunks}</Link> })}
          </p>
        )}
      </div>
    </main>
  );
}
