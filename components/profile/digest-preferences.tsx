import { getDb } from "@/db/connection";
import { getDigestPreferences, mailOn } from "@/db/queries/notifications";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/policy";
import { DigestPreferencesForm } from "./digest-preferences-form";

/** Profile section: E-mail reminders — the digest (daily, weekly or never) and assignment notices. */
export async function DigestPreferences({ viewer }: { viewer: Viewer }) {
  const prefs = await getDigestPreferences(await getDb(), viewer);
  return (
    <section aria-labelledby="reminders-title" className="rounded-md border border-zinc-300 bg-white p-4">
      <h2 id="reminders-title" className="font-semibold">
        E-mail reminders
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-700">
        A digest of the follow-ups that are yours or your organisation&apos;s and are overdue or due soon, sent to {viewer.email}; and a notice when a follow-up is
        assigned to you.
        {!mailOn() && " Mail is off on this server at the moment, so nothing is sent until an admin sets it up; your choice is kept."}
      </p>
      <DigestPreferencesForm
        defaults={{ frequency: prefs.frequency, days: prefs.days ?? undefined, assignmentNotices: prefs.assignmentNotices }}
        defaultDays={env().REMINDER_DAYS}
      />
    </section>
  );
}
