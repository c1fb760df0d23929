import type { Metadata } from "next";
import Link from "next/link";
import { UnsubscribeButton } from "@/components/profile/unsubscribe-button";
import { getDb } from "@/db/connection";
import { unsubscribeTarget } from "@/db/queries/notifications";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Unsubscribe" };

const what = { digest: "the follow-up digest", assignment: "assignment notices" } as const;

/**
 * The unsubscribe link of a reminder e-mail, without signing in. Opening it changes nothing (link
 * scanners open links); the button does, with the signed token from the e-mail.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  let target: Awaited<ReturnType<typeof unsubscribeTarget>> | null = null;
  try {
    target = await unsubscribeTarget(await getDb(), token);
  } catch (e) {
    if (!(e instanceof AppError && e.type === "bad_request")) throw e;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{target ? `Unsubscribe from ${what[target.kind]}` : "This unsubscribe link is not valid"}</h1>
        {target ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">
              For {target.name} ({target.email}).{" "}
              {target.subscribed ? `You will no longer get ${what[target.kind]} by e-mail.` : `You are already unsubscribed from ${what[target.kind]}.`} You can change this on your{" "}
              <Link href="/profile" className="underline">profile</Link> at any time.
            </p>
            {target.subscribed && typeof token === "string" && <UnsubscribeButton token={token} label={`Unsubscribe from ${what[target.kind]}`} />}
          </>
        ) : (
          <p className="text-sm text-zinc-800">
            Nothing was changed. Copy the whole link from the e-mail, or <Link href="/signin" className="underline">sign in</Link> and change your e-mail reminders on your profile.
          </p>
        )}
      </div>
    </main>
  );
}
