import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safePath } from "@/lib/auth";
import { getViewer } from "@/lib/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safePath(callbackUrl);
  if (await getViewer()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-3">
          <svg aria-hidden viewBox="0 0 32 32" className="size-9"><rect width="32" height="32" rx="7" fill="#1e40af" /><path d="M9 16.5l4.5 4.5L23 11.5" stroke="#fff" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" /></svg>
          <div>
            <p className="text-lg font-semibold leading-tight">Cooperation Tracker</p>
            <p className="text-sm text-zinc-600">EU–UNODC meetings and follow-ups</p>
          </div>
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
          <SignInForm callbackUrl={target} />
        </div>
      </div>
    </main>
  );
}
