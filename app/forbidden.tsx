import Link from "next/link";

/** A 403 outside the app's shell (the app's own pages use app/(app)/forbidden.tsx). */
export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md space-y-3 text-center">
        <h1 className="text-xl font-semibold">You may not open this page</h1>
        <p className="text-zinc-700">Your account does not have access to it. If you think it should, ask an admin.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </main>
  );
}
