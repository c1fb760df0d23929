import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/admin/set-password-form";
import { getDb } from "@/db/connection";
import { passwordTokenUser } from "@/db/queries/users";

export const metadata: Metadata = { title: "Set your password" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = token.length >= 20 && token.length <= 200 ? await passwordTokenUser(await getDb(), token) : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">Set your password</h1>
        {user ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">
              For {user.name} ({user.email}). Use at least 12 characters; a few unrelated words make a strong, memorable password.
            </p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <p className="text-sm text-zinc-800">
            This link has expired or has already been used. Ask an admin for a new one, or <Link href="/signin">sign in</Link> if you have set your password.
          </p>
        )}
      </div>
    </main>
  );
}
